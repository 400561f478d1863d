import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fleetOutcomes, fleetPage, type CatalogSync } from "@mcp-platform/contract";
import { readContracts } from "@mcp-platform/contract/outcomes";
import { openRecordedStores } from "@mcp-platform/server/store";

/** The charts cut the window into this many periods: enough to see a trend, few enough to read each bar. */
const PERIODS = 12;
const UNDO_WINDOW_SECONDS = 3600;

/**
 * The stores `pnpm catalog` reads outcomes from: `--store` (a PostgreSQL URL or a SQLite file), else,
 * with `MCP_STORE_URL` or `--outcomes`, those the servers use (as `mcp-platform outcomes` reads them);
 * `undefined` when none is asked for, and the fleet page has no outcomes.
 */
export function storeEnvironment(env: NodeJS.ProcessEnv, cwd: string, store: string | undefined, outcomes = false): NodeJS.ProcessEnv | undefined {
  if (store === undefined) return env.MCP_STORE_URL || outcomes ? env : undefined;
  if (/^postgres(ql)?:\/\//.test(store)) return { ...env, MCP_STORE_URL: store };
  return { ...env, MCP_STORE_URL: undefined, MCP_STORE_PATH: resolve(cwd, store) };
}

/** Writes the fleet page with the store's outcomes since `since`, each figure charted over the window. */
export async function writeFleetOutcomesPage(
  sync: CatalogSync,
  options: { env: NodeJS.ProcessEnv; since: Date; now: Date; out: string; warn: (message: string) => void },
): Promise<void> {
  const stores = await openRecordedStores(options.env, { warn: (_details, message) => options.warn(message) });
  if (stores.length === 0) throw new Error("no action store there: servers create theirs on their first start");
  try {
    const outcomes = await fleetOutcomes({
      stores: stores.map((store) => store.outcomes),
      contracts: await readContracts(sync.workspace),
      since: options.since,
      now: options.now,
      undoWindowSeconds: UNDO_WINDOW_SECONDS,
      periods: PERIODS,
    });
    await mkdir(dirname(options.out), { recursive: true });
    await writeFile(options.out, fleetPage(sync.catalog, outcomes));
  } finally {
    for (const store of stores) await store.close();
  }
}
