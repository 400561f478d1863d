import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { ACCESS_LEVELS } from "@mcp-platform/server/definition";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { scaffoldServer } from "./scaffold.js";
import { KIT_ROOT } from "./templates.js";
import { testWorkspace } from "./test-support/workspace.js";

/**
 * A new server's first tool is what teams copy from: an input of any length would make every
 * server built from it cheap to keep busy, so every string and array in it has a maximum.
 */
const fixture = testWorkspace();
// The generated tool imports @mcp-platform/server and zod: resolve them as the generator does.
symlinkSync(join(KIT_ROOT, "packages/generator/node_modules"), join(fixture.root, "node_modules"));
afterAll(() => fixture.remove());

describe.each(ACCESS_LEVELS)("a new server's %s tool", (access) => {
  it("has a maximum on every string and array of its input", async () => {
    const name = `bounded-${access}`;
    await scaffoldServer({ root: fixture.root, name, owner: "team-x", description: "d", access, tool: "first_tool", toolDescription: "t", install: false });
    const generated = (await import(join(fixture.root, "apps", name, "src/tools/first-tool.ts"))) as { firstTool: { input: z.ZodType } };
    const schema = z.toJSONSchema(generated.firstTool.input);
    expect(schema).toMatchObject({ properties: { id: { type: "string" } } });
    expect(unbounded(schema, "input")).toEqual([]);
  });
});

/** The paths in a JSON Schema at which a string or an array may be of any length. */
function unbounded(schema: unknown, path: string): string[] {
  if (typeof schema !== "object" || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const types = [node.type].flat();
  const open = (types.includes("string") && node.maxLength === undefined) || (types.includes("array") && node.maxItems === undefined);
  return [...(open ? [path] : []), ...Object.entries(node).flatMap(([key, child]) => unbounded(child, `${path}.${key}`))];
}
