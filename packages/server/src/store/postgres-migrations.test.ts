import { missingService, startPostgres, type LocalPostgres } from "@mcp-platform/test-services";
import type { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, type Migration } from "./postgres-migrations.js";
import { openPostgresPool } from "./postgres-pool.js";

const missing = missingService("postgresql");
const silent = { warn: () => undefined };

const migrations: Migration[] = [
  { version: 2, name: "second", sql: "ALTER TABLE things ADD COLUMN label text" },
  { version: 1, name: "first", sql: "CREATE TABLE things (id integer PRIMARY KEY)" },
];

describe.skipIf(missing)(`PostgreSQL migrations${missing ? ` (${missing})` : ""}`, () => {
  let server: LocalPostgres;
  const pools: Pool[] = [];
  const pool = async (url: string) => {
    const opened = await openPostgresPool(url, silent, 2);
    pools.push(opened);
    return opened;
  };

  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    for (const p of pools) await p.end();
    await server?.stop();
  });

  it("applies each version once, in order, when replicas start together", async () => {
    const url = server.createDatabase("together");
    const replicas = await Promise.all([1, 2, 3, 4].map(() => pool(url)));
    const applied = await Promise.all(replicas.map((p) => migrate(p, "app_migrations", migrations)));
    expect(applied.flat().sort()).toEqual([1, 2]);
    expect(applied.find((versions) => versions.length > 0)).toEqual([1, 2]);
    const { rows } = await replicas[0]!.query("SELECT version, name FROM app_migrations ORDER BY version");
    expect(rows).toEqual([
      { version: 1, name: "first" },
      { version: 2, name: "second" },
    ]);
    expect(await migrate(replicas[0]!, "app_migrations", migrations)).toEqual([]);
  });

  it("applies nothing of a batch when one migration fails", async () => {
    const db = await pool(server.createDatabase("failing"));
    const broken = [...migrations, { version: 3, name: "broken", sql: "ALTER TABLE nothing ADD COLUMN x int" }];
    await expect(migrate(db, "app_migrations", broken)).rejects.toThrow(/nothing/);
    const { rows } = await db.query("SELECT to_regclass('things') AS things, to_regclass('app_migrations') AS tracking");
    expect(rows).toEqual([{ things: null, tracking: null }]);
  });
});
