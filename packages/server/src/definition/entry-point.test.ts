import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

/** Lists every module a fresh process resolves while importing `specifier` (from this package). */
async function modulesLoadedBy(specifier: string): Promise<string[]> {
  const script = `
    import { registerHooks } from "node:module";
    const loaded = [];
    registerHooks({ resolve(spec, context, next) { const result = next(spec, context); loaded.push(result.url); return result; } });
    await import(${JSON.stringify(specifier)});
    console.log(JSON.stringify(loaded));`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: new URL("../..", import.meta.url).pathname });
  return JSON.parse(stdout) as string[];
}

describe("@mcp-platform/server/definition", () => {
  it("loads no MCP SDK, logger, telemetry or database driver: contract checks and the generator read definitions with zod alone", async () => {
    const heavy = (await modulesLoadedBy("@mcp-platform/server/definition")).filter((url) =>
      /@modelcontextprotocol|\/pino\/|@opentelemetry|\/pg\/|@redis|ajv/.test(url),
    );
    expect(heavy).toEqual([]);
  });

  it("is what the main entry re-exports, so team code and tooling share one definition", async () => {
    const definition = await import("@mcp-platform/server/definition");
    const main = await import("@mcp-platform/server");
    expect(main.defineTool).toBe(definition.defineTool);
    expect(main.serverManifest).toBe(definition.serverManifest);
  });
});
