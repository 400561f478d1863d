import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

/** Sequential `tools/call` over stdio against one long-lived server: calls per second. */
export async function stdioCallsPerSecond(entry: string, env: NodeJS.ProcessEnv, calls: number): Promise<number> {
  const child = spawn(process.execPath, [entry], { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const send = async (message: object) => {
    child.stdin.write(`${JSON.stringify(message)}\n`);
    return JSON.parse((await lines.next()).value as string) as { result?: { content?: { text?: string }[] } };
  };
  await send({ jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "bench", version: "1" } } });
  child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" })}\n`);
  const started = performance.now();
  for (let id = 1; id <= calls; id++) {
    const reply = await send({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "echo", arguments: { text: `s${id}` } } });
    if (reply.result?.content?.[0]?.text !== `echo: s${id}`) throw new Error(`stdio call ${id} got a wrong reply`);
  }
  const rate = calls / ((performance.now() - started) / 1000);
  child.stdin.end();
  child.kill("SIGTERM");
  return rate;
}
