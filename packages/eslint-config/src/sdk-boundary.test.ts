import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";

const kitConfig = new URL("../index.js", import.meta.url).href;
const dirs: string[] = [];

/** A throw-away package with the kit's lint config, linting one source file. */
async function lint(source: string, options = "{}"): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "lint-boundary-"));
  dirs.push(dir);
  mkdirSync(join(dir, "src"));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", noEmit: true }, include: ["src"] }),
  );
  writeFileSync(
    join(dir, "eslint.config.js"),
    `import { config } from ${JSON.stringify(kitConfig)};\nexport default config(import.meta.dirname, ${options});\n`,
  );
  writeFileSync(join(dir, "src", "server.ts"), source);
  const [result] = await new ESLint({ cwd: dir }).lintFiles(["src/server.ts"]);
  return result!.messages.filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.message);
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("the MCP SDK's server side stays inside @mcp-platform/server", () => {
  it.each([
    'import { Server } from "@modelcontextprotocol/server";',
    'import { serveStdio } from "@modelcontextprotocol/server/stdio";',
    'import { Server } from "@modelcontextprotocol/sdk/server/index.js";',
    'import { toNodeHandler } from "@modelcontextprotocol/node";',
  ])("refuses %s in any other package", async (line) => {
    expect(await lint(`${line}\nexport const x = 1;\n`)).toEqual([expect.stringContaining("only the kit's server package imports the MCP SDK's server side")]);
  });

  it("lets clients in (tests talk to servers through the SDK's clients)", async () => {
    expect(await lint('import { Client } from "@modelcontextprotocol/client";\nexport const x = Client;\n')).toEqual([]);
  });

  it("lets the server package (and the benchmark) import it", async () => {
    expect(await lint('import { Server } from "@modelcontextprotocol/server";\nexport const x = Server;\n', "{ sdkServer: true }")).toEqual([]);
  });
});
