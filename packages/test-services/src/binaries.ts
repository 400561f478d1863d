import { existsSync, readdirSync } from "node:fs";
import { delimiter, join } from "node:path";

/** The program on PATH or in the system folders Debian installs daemons into (not on every PATH). */
export function findProgram(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(delimiter), "/usr/sbin", "/usr/bin"];
  return dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

/** Debian keeps each PostgreSQL major version's server programs in /usr/lib/postgresql/<major>/bin. */
export function postgresBinDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((version) => join(root, version, "bin")).find((dir) => existsSync(join(dir, "postgres")) && existsSync(join(dir, "initdb")));
}

/**
 * Why the named service cannot run here (its program is not installed), or undefined when it can.
 * Tests skip with this reason; CI installs the packages (.ci/run), so there they always run.
 */
export function missingService(service: "postgresql" | "redis-server" | "nginx" | "chromium"): string | undefined {
  const present = service === "postgresql" ? postgresBinDir() !== undefined : findProgram(service) !== undefined;
  return present ? undefined : `skipped: ${service} is not installed (apt-get install ${service})`;
}
