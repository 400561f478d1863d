import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mintDevToken, startDevIssuer } from "@mcp-platform/auth/dev-issuer";
import { freePort, startLoadBalancer, startPostgres, startRedis } from "@mcp-platform/test-services";
import { startServerProcess, type ServerProcess } from "@mcp-platform/testing";

const entry = fileURLToPath(new URL("../../dist/index.js", import.meta.url));

export interface Replica {
  process: ServerProcess;
  /** `127.0.0.1:<port>`, as nginx names it. */
  address: string;
}

/**
 * inventory as a team would deploy it, on loopback: `count` replicas, each with its own platform
 * home (nothing shared through the file system), sharing PostgreSQL (action store and inventory),
 * Redis (rate limits) and the approval key, behind an nginx round robin, with real tokens.
 */
export const UNDO_LEASE_SECONDS = 1;

export async function startFleet(count: number) {
  const home = mkdtempSync(join(tmpdir(), "inventory-fleet-"));
  const [postgres, redis, issuer, port] = await Promise.all([startPostgres(), startRedis(), startDevIssuer({ home }), freePort()]);
  const database = postgres.createDatabase("fleet");
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    MCP_AUTH: "on",
    MCP_AUTH_ISSUER: issuer.issuer,
    MCP_AUTH_AUDIENCE: `${origin}/mcp`,
    MCP_APPROVAL_SECRET: randomBytes(32).toString("base64"),
    MCP_STORE_URL: database,
    MCP_INVENTORY_DB_URL: database,
    MCP_RATE_LIMIT_REDIS_URL: redis.url,
    // A short undo lease, so an undo the killed replica had claimed becomes possible again in the test.
    MCP_UNDO_LEASE_SECONDS: String(UNDO_LEASE_SECONDS),
    OTEL_SDK_DISABLED: "true",
    LOG_LEVEL: "warn",
  };
  const processes = await Promise.all(
    Array.from({ length: count }, (_, i) => startServerProcess(entry, { ...env, MCP_PLATFORM_HOME: join(home, `replica-${i}`) }, 30_000)),
  );
  const replicas: Replica[] = processes.map((process) => ({ process, address: new URL(process.url).host }));
  const balancer = await startLoadBalancer(
    replicas.map((r) => Number(new URL(r.process.url).port)),
    { port },
  );
  return {
    origin,
    database,
    replicas,
    token: (subject: string) =>
      mintDevToken({ home, issuer: issuer.issuer, audience: env.MCP_AUTH_AUDIENCE, scopes: ["inventory:read", "inventory:write"], subject }),
    async stop() {
      await balancer.stop();
      await Promise.all(replicas.map((r) => r.process.stop()));
      await Promise.all([issuer.close(), redis.stop(), postgres.stop()]);
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export type Fleet = Awaited<ReturnType<typeof startFleet>>;
