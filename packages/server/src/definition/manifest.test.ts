import { describe, expect, it } from "vitest";
import { defineServer, defineTool } from "./define.js";
import { serverManifest } from "./manifest.js";

const waiver = { rule: "inputs.unbounded", reason: "the upstream API caps it", expires: "2030-01-01" };
const server = defineServer({
  name: "files",
  version: "1.0.0",
  owner: "team-files",
  description: "Files.",
  tools: [
    defineTool({ name: "read_file", description: "Reads.", access: "read", handler: () => "text", waivers: [waiver] }),
    defineTool({ name: "rename_file", description: "Renames.", access: "write", plan: () => "renames", undo: () => "renamed back", handler: () => "ok" }),
    defineTool({ name: "shred_file", description: "Shreds.", access: "destructive", irreversible: "the bytes are overwritten", handler: () => "ok" }),
  ],
});

describe("serverManifest", () => {
  it("records whether a tool that changes things has a plan and an undo, or why it cannot be undone", () => {
    const [read, write, destructive] = serverManifest(server).tools;
    expect(read).not.toHaveProperty("plan");
    expect(read).not.toHaveProperty("undo");
    expect(write).toMatchObject({ plan: true, undo: true });
    expect(destructive).toMatchObject({ plan: false, undo: false, irreversible: "the bytes are overwritten" });
  });

  it("carries a tool's policy waivers", () => {
    expect(serverManifest(server).tools[0]?.waivers).toEqual([waiver]);
    expect(serverManifest(server).tools[1]).not.toHaveProperty("waivers");
  });

  it("refuses safeguards that contradict each other when the server is defined", () => {
    const tool = defineTool({ name: "wipe", description: "Wipes.", access: "destructive", undo: () => "", irreversible: "gone", handler: () => "" });
    expect(() => defineServer({ name: "x", version: "1.0.0", owner: "team-x", description: "X.", tools: [tool] })).toThrow(
      'Tool "wipe" declares both undo and irreversible',
    );
  });
});
