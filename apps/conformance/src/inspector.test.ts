import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { mintDevToken, startDevIssuer, type DevIssuer } from "@mcp-platform/auth/dev-issuer";
import { checkingTokensFrom, startServerProcess, type ServerProcess } from "@mcp-platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const inspector = join(dirname(createRequire(import.meta.url).resolve("@modelcontextprotocol/inspector/package.json")), "clients/launcher/build/index.js");

/** The MCP Inspector CLI, a third-party client, as its users run it. */
async function inspect(target: string[], method: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [inspector, "--cli", ...target, "--method", ...method], {
    timeout: 60_000,
    env: { ...process.env, OTEL_SDK_DISABLED: "true", LOG_LEVEL: "warn" },
  });
  return stdout;
}

const calls: [string, string[], string][] = [
  ["tools/list", ["tools/list"], "test_simple_text"],
  ["tools/call", ["tools/call", "--tool-name", "test_simple_text"], "This is a simple text response for testing."],
  ["resources/read", ["resources/read", "--uri", "test://static-text"], "This is the content of the static text resource."],
  ["prompts/get", ["prompts/get", "--prompt-name", "test_prompt_with_arguments", "--prompt-args", "arg1=a", "arg2=b"], "arg1='a', arg2='b'"],
];

describe("MCP Inspector CLI over stdio", () => {
  for (const [name, method, expected] of calls) {
    // The Inspector passes a stdio server only a few variables of its own unless told: the test's home is one more.
    const server = ["-e", `MCP_PLATFORM_HOME=${process.env.MCP_PLATFORM_HOME}`, process.execPath, entry];
    it(name, async () => expect(await inspect(server, method)).toContain(expected));
  }
});

describe("MCP Inspector CLI over Streamable HTTP with a bearer token", () => {
  let issuer: DevIssuer;
  let server: ServerProcess;
  let token: string;
  const home = mkdtempSync(join(tmpdir(), "conformance-inspector-"));
  beforeAll(async () => {
    issuer = await startDevIssuer({ home });
    server = await startServerProcess(entry, checkingTokensFrom(issuer.issuer, home));
    token = await mintDevToken({ home, issuer: issuer.issuer, audience: server.url, scopes: ["conformance:read"] });
  });
  afterAll(async () => {
    await server.stop();
    await issuer.close();
  });

  for (const [name, method, expected] of calls) {
    it(name, async () => {
      const output = await inspect([server.url, "--transport", "http", "--header", `Authorization: Bearer ${token}`], method);
      expect(output).toContain(expected);
    });
  }

  it("is refused without the token", async () => {
    await expect(inspect([server.url, "--transport", "http"], ["tools/list"])).rejects.toThrow();
  });
});
