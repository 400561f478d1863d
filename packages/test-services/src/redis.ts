import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findProgram } from "./binaries.js";
import { freePort } from "./free-port.js";
import { startServiceProcess } from "./service-process.js";

export interface LocalRedis {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  stop(): Promise<void>;
}

/** A throw-away `redis-server` on a free port of 127.0.0.1, keeping nothing on disk. */
export async function startRedis(): Promise<LocalRedis> {
  const program = findProgram("redis-server");
  if (!program) throw new Error("Redis is not installed: no redis-server (apt-get install redis-server)");
  const dir = mkdtempSync(join(tmpdir(), "mcp-platform-redis-"));
  const port = await freePort();
  const server = await startServiceProcess({
    command: program,
    args: ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no", "--daemonize", "no"],
    ready: /Ready to accept connections/,
    dir,
    signal: "SIGTERM",
  });
  return { url: `redis://127.0.0.1:${port}`, stop: () => server.stop() };
}
