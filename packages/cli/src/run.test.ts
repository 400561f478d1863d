import { describe, expect, it } from "vitest";
import type { CommandIo } from "./command.js";
import { run } from "./run.js";

function io(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const commandIo: CommandIo = { cwd: process.cwd(), env, out: (text) => out.push(text), err: (text) => err.push(text) };
  return { commandIo, out, err };
}

describe("mcp-platform", () => {
  it("lists its commands", async () => {
    const { commandIo, out } = io();
    expect(await run(["--help"], commandIo)).toBe(0);
    expect(out.join("\n")).toMatch(/contract update\|check +write \(update\) or verify \(check\)/);
    expect(out.join("\n")).toContain("catalog [--check]");
  });

  it("shows one command's usage with --help, and runs nothing", async () => {
    const { commandIo, out } = io({ MCP_PLATFORM_NOW: "someday" });
    expect(await run(["contract", "check", "--help"], commandIo)).toBe(0);
    expect(out).toEqual(["Usage: mcp-platform contract update|check\n\nwrite (update) or verify (check) each server's mcp-contract.json"]);
  });

  it("refuses an unknown command with usage and exit code 2", async () => {
    const { commandIo, err } = io();
    expect(await run(["constructor"], commandIo)).toBe(2);
    expect(err.join("\n")).toMatch(/^mcp-platform: unknown command "constructor"\n\nUsage:/);
  });

  it("refuses an unknown subcommand", async () => {
    const { commandIo, err } = io();
    expect(await run(["contract", "publish"], commandIo)).toBe(2);
    expect(err).toEqual(["Usage: mcp-platform contract update|check"]);
  });

  it("answers an unknown option, or one missing its value, with the command's usage and exit code 2", async () => {
    const unknown = io();
    expect(await run(["dev-token", "--scope", "runbooks:read"], unknown.commandIo)).toBe(2);
    expect(unknown.err).toEqual(["mcp-platform dev-token: Unknown option '--scope'\nUsage: mcp-platform dev-token --scopes S [--port N | --audience URL]"]);
    const missing = io();
    expect(await run(["traces", "--last"], missing.commandIo)).toBe(2);
    expect(missing.err[0]).toMatch(/^mcp-platform traces: Option '--last <value>' argument missing\nUsage: mcp-platform traces \[--last N\]/);
  });

  it("turns an error into one line naming the command, not a stack trace", async () => {
    const { commandIo, err } = io({ MCP_PLATFORM_NOW: "someday" });
    expect(await run(["contract", "check"], commandIo)).toBe(1);
    expect(err).toEqual(['mcp-platform contract: MCP_PLATFORM_NOW must be an ISO date such as 2026-05-01 (got "someday")']);
  });
});
