import { describe, expect, it } from "vitest";
import { run } from "./run.js";

function io() {
  const lines: string[] = [];
  return { lines, io: { cwd: process.cwd(), env: {}, out: (text: string) => void lines.push(text), err: (text: string) => void lines.push(text) } };
}

describe("bad flag values", () => {
  it.each([
    [["traces", "--last", "0"], 'mcp-platform traces: --last must be an integer from 1 to 1000 (got "0")'],
    [["dev-token", "--scopes", "x:read", "--expires-in", "soon"], 'mcp-platform dev-token: --expires-in must be an integer from 60 to 86400 (got "soon")'],
    [["dev-issuer", "--port", "99999"], 'mcp-platform dev-issuer: --port must be an integer from 0 to 65535 (got "99999")'],
  ])("%j fails with one line and exit 1", async (argv, line) => {
    const { lines, io: streams } = io();
    expect(await run(argv, streams)).toBe(1);
    expect(lines).toEqual([line]);
  });
});
