import { execFileSync, type SpawnOptions } from "node:child_process";
import { chownSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { postgresBinDir } from "./binaries.js";
import { freePort } from "./free-port.js";
import { startServiceProcess } from "./service-process.js";

export interface LocalPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, no password (trust on loopback). */
  url: string;
  /** A fresh empty database on this server, as a URL. */
  createDatabase(name: string): string;
  stop(): Promise<void>;
}

/**
 * A throw-away PostgreSQL server: `initdb` into a temp folder, then `postgres` on a free port of
 * 127.0.0.1 with its socket in that folder. Durability is off (fsync), since the folder is deleted
 * anyway. PostgreSQL refuses to run as root, so under root it runs as Debian's `postgres` user.
 */
export async function startPostgres(): Promise<LocalPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL is not installed: no /usr/lib/postgresql/<version>/bin (apt-get install postgresql)");
  const dir = mkdtempSync(join(tmpdir(), "mcp-platform-pg-"));
  const data = join(dir, "data");
  mkdirSync(data, { mode: 0o700 });
  const options = runAsPostgresUser([dir, data]);
  execFileSync(join(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"], {
    ...options,
    stdio: "pipe",
  });
  const port = await freePort();
  const server = await startServiceProcess({
    command: join(bin, "postgres"),
    args: ["-D", data, "-k", dir, "-h", "127.0.0.1", "-p", String(port), "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    ready: /database system is ready to accept connections/,
    dir,
    signal: "SIGINT",
    options,
  });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    createDatabase(name) {
      execFileSync(join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", name], { ...options, stdio: "pipe" });
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop: () => server.stop(),
  };
}

function runAsPostgresUser(paths: string[]): SpawnOptions {
  if (process.getuid?.() !== 0) return {};
  const [uid, gid] = ["-u", "-g"].map((flag) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim())) as [number, number];
  for (const path of paths) chownSync(path, uid, gid);
  return { uid, gid, env: { ...process.env, HOME: paths[0] } };
}
