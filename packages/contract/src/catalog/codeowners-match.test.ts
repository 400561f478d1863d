import { describe, expect, it } from "vitest";
import { isOwner, ownersOf } from "./codeowners-match.js";

const codeowners = [
  "# comment",
  "* @platform",
  "/apps/runbooks/ @team-sre",
  "/apps/runbooks/mcp-contract.json @team-sre @Team-Security # security co-owns every contract",
  "docs/ @writers",
  "",
].join("\n");

describe("ownersOf", () => {
  it("gives a path the owners of the last matching line", () => {
    expect(ownersOf(codeowners, "apps/runbooks/src/server.ts")).toEqual(["@team-sre"]);
    expect(ownersOf(codeowners, "apps/runbooks/mcp-contract.json")).toEqual(["@team-sre", "@Team-Security"]);
    expect(ownersOf(codeowners, "apps/inventory/src/server.ts")).toEqual(["@platform"]);
  });

  it("lets a later line take a path back", () => {
    expect(ownersOf(`${codeowners}/apps/ @platform\n`, "apps/runbooks/mcp-contract.json")).toEqual(["@platform"]);
  });

  it("matches unanchored directory patterns at any depth, and nothing when no line matches", () => {
    expect(ownersOf(codeowners, "apps/runbooks/docs/intro.md")).toEqual(["@writers"]);
    expect(ownersOf("/apps/inventory/ @team-platform\n", "apps/runbooks/src/server.ts")).toEqual([]);
  });
});

describe("isOwner", () => {
  it("compares handles without case and takes names with or without @", () => {
    expect(isOwner(codeowners, "apps/runbooks/mcp-contract.json", "team-security")).toBe(true);
    expect(isOwner(codeowners, "apps/runbooks/src/server.ts", "@team-sre")).toBe(true);
    expect(isOwner(codeowners, "apps/runbooks/src/server.ts", "team-security")).toBe(false);
  });
});
