import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { Protocol } from "./wire.js";

const META_2026 = { "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {} };

/** Sequential `tools/call` over stdio against one long-lived server, in one revision: calls per second. */
export async function stdioCallsPerSecond(entry: string, env: NodeJS.ProcessEnv, protocol: Protocol, calls: number): Promise<number> {
  const child = spawn(process.execPath, [entry], { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const send = async (message: object) => {
    child.stdin.write(`${JSON.stringify(message)}\n`);
    return JSON.parse((await lines.next()).value as string) as { result?: { content?: { text?: string }[] } };
  };
  if (protocol === "2025-11-25") {
    await send({
      jsonrpc: "2.0",
      id: 0,
      method: "initialize",
      params: { protocolVersion: protocol, capabilities: {}, clientInfo: { name: "bench", version: "1" } },
    });
    child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" })}\n`);
  }
  const meta = protocol === "2026-07-28" ? { _meta: META_2026 } : {};
  const started = performance.now();
  for (let id = 1; id <= calls; id++) {
    const reply = await send({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "echo", arguments: { text: `s${id}` }, ...meta } });
    if (reply.result?.content?.[0]?.text !== `echo: s${id}`) throw new Error(`stdio call ${id} got a wrong reply`);
  }
  const rate = calls / ((performance.now() - started) / 1000);
  child.stdin.end();
  child.kill("SIGTERM");
  return rate;
}
