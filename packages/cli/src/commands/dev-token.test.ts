import { describe, expect, it } from "vitest";
import { run } from "../run.js";

const claims = (token: string) => JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;

async function devToken(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    cwd: process.cwd(),
    env: { MCP_PLATFORM_HOME: process.env.MCP_PLATFORM_HOME!, ...env },
    out: (text: string) => void out.push(text),
    err: (text: string) => void err.push(text),
  };
  const code = await run(["dev-token", "--scopes", "runbooks:read", ...args], io);
  return { code, out, err };
}

describe("dev-token's audience", () => {
  it.each([
    [[], {}, "http://127.0.0.1:3000/mcp"],
    [[], { PORT: "3001" }, "http://127.0.0.1:3001/mcp"],
    [["--port", "4100"], { PORT: "3001" }, "http://127.0.0.1:4100/mcp"],
    [["--audience", "https://runbooks.example.com/mcp"], {}, "https://runbooks.example.com/mcp"],
  ])("%j with %j is %s, said on stderr while stdout has only the token", async (args, env, audience) => {
    const { code, out, err } = await devToken(args, env);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    expect(claims(out[0]!)).toMatchObject({ aud: audience, scope: "runbooks:read" });
    expect(err).toEqual([`dev-token: for ${audience} (the server's MCP_AUTH_AUDIENCE), scopes runbooks:read`]);
  });

  it("refuses a bad PORT by name, and --port with --audience", async () => {
    expect((await devToken([], { PORT: "http" })).err).toEqual(['mcp-platform dev-token: PORT must be an integer from 1 to 65535 (got "http"), or use --port']);
    expect((await devToken(["--port", "1", "--audience", "x"])).err[0]).toContain("Give --port or --audience, not both");
  });
});
