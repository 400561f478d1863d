import { describe, expect, it } from "vitest";
import { withFleetMember } from "./fleet-member.js";

describe("withFleetMember", () => {
  const fleet = {
    name: "@mcp-platform/fleet",
    scripts: { "check:contracts": "mcp-platform contract check" },
    devDependencies: { "@mcp-platform/cli": "workspace:*", "@mcp-platform/runbooks": "workspace:*" },
  };

  it("adds the server to the fleet's devDependencies in order, keeping the rest as it was", () => {
    const result = JSON.parse(withFleetMember(`${JSON.stringify(fleet, null, 2)}\n`, "@mcp-platform/billing")) as typeof fleet;
    expect(Object.keys(result)).toEqual(["name", "scripts", "devDependencies"]);
    expect(result.scripts).toEqual(fleet.scripts);
    expect(Object.entries(result.devDependencies)).toEqual([
      ["@mcp-platform/billing", "workspace:*"],
      ["@mcp-platform/cli", "workspace:*"],
      ["@mcp-platform/runbooks", "workspace:*"],
    ]);
  });

  it("gives a fleet package with no devDependencies yet its first", () => {
    expect(JSON.parse(withFleetMember('{"name":"@mcp-platform/fleet"}', "@mcp-platform/billing"))).toEqual({
      name: "@mcp-platform/fleet",
      devDependencies: { "@mcp-platform/billing": "workspace:*" },
    });
  });
});
