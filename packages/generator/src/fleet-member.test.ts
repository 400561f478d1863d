import { describe, expect, it } from "vitest";
import { withFleetMember } from "./fleet-member.js";

describe("withFleetMember", () => {
  const root = `${JSON.stringify({ name: "kit", scripts: { test: "turbo run test" }, devDependencies: { "@mcp-platform/cli": "workspace:*", turbo: "2.11.9" } }, null, 2)}\n`;

  it("adds the server to the root's devDependencies in order, keeping the rest as it was", () => {
    const result = JSON.parse(withFleetMember(root, "@mcp-platform/billing")) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(["name", "scripts", "devDependencies"]);
    expect(Object.entries(result.devDependencies as object)).toEqual([
      ["@mcp-platform/billing", "workspace:*"],
      ["@mcp-platform/cli", "workspace:*"],
      ["turbo", "2.11.9"],
    ]);
  });

  it("gives a root that has no devDependencies yet its first", () => {
    expect(JSON.parse(withFleetMember('{"name":"kit"}', "@mcp-platform/billing"))).toEqual({
      name: "kit",
      devDependencies: { "@mcp-platform/billing": "workspace:*" },
    });
  });
});
