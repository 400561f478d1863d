import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { missingService, startPostgres, type LocalPostgres } from "@mcp-platform/test-services";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ledgerServer } from "../test-support/ledger-server.js";
import { servedOn } from "../test-support/served-on.js";
import type { ActionStore } from "./action-store.js";
import type { OutcomeWindow } from "./outcome-queries.js";
import { PostgresActionStore } from "./postgres-action-store.js";
import { SqliteActionStore } from "./sqlite-action-store.js";

const silent = { warn: () => undefined };
const postgresMissing = missingService("postgresql");
const T0 = Date.parse("2026-05-01T10:00:00.000Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Moves the clock every timestamp and approval expiry is taken from; nothing sleeps. */
const at = (offset: number) => vi.setSystemTime(T0 + offset);

function sqlite() {
  const dir = mkdtempSync(join(tmpdir(), "outcomes-"));
  return {
    setUp: () => Promise.resolve(),
    open: (): Promise<ActionStore> => Promise.resolve(new SqliteActionStore(join(dir, "shared.sqlite"))),
    tearDown: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

function postgres() {
  let server: LocalPostgres;
  return {
    setUp: async () => void (server = await startPostgres()),
    open: (): Promise<ActionStore> => PostgresActionStore.open(server.url, silent),
    tearDown: () => server.stop(),
  };
}

const backends = [
  { name: "SQLite", backend: sqlite, skip: undefined },
  { name: `PostgreSQL${postgresMissing ? ` (${postgresMissing})` : ""}`, backend: postgres, skip: postgresMissing },
];

const approve = { action: "accept", content: { approve: true } } as const;

describe.each(backends)("$name: outcome figures of a store seeded by real calls", ({ backend, skip }) => {
  const db = backend();
  let window: OutcomeWindow;
  let reader: ActionStore;

  beforeAll(async () => {
    if (skip) return;
    await db.setUp();
    vi.useFakeTimers({ toFake: ["Date"] });
    const key = randomBytes(32);
    const ledger = servedOn(ledgerServer("ledger"), await db.open(), key);
    const other = servedOn(ledgerServer("other"), await db.open(), key);
    const alice = await ledger.client("alice", () => approve);
    const set = (value: string, fail = false) => alice.callTool({ name: "set_flag", arguments: { flag: "f", value, fail } });
    const undo = async (result: Awaited<ReturnType<typeof set>>) => {
      const { id } = result._meta?.["io.github.mcp-platform/action"] as { id: string };
      expect((await alice.callTool({ name: "undo_action", arguments: { action_id: id } })).isError).toBeFalsy();
    };

    at(-2 * 24 * HOUR);
    await set("before the window");
    at(0);
    const first = await set("1");
    at(10 * MINUTE);
    await undo(first); // 10 minutes later: within the 1 h undo window
    const second = await set("2");
    at(3 * HOUR + 10 * MINUTE);
    await undo(second); // 3 hours later: after it
    at(4 * HOUR);
    expect(
      (await (await ledger.client("alice", () => ({ action: "decline" }))).callTool({ name: "set_flag", arguments: { flag: "f", value: "3" } })).isError,
    ).toBe(true);
    expect(
      (await (await ledger.client("alice", () => ({ action: "cancel" }))).callTool({ name: "set_flag", arguments: { flag: "f", value: "4" } })).isError,
    ).toBe(true);
    expect((await set("5", true)).isError).toBe(true);
    // A client that cannot show a form gets a plan and a token, and never comes back with it.
    const unanswered = await (await ledger.client("alice")).callTool({ name: "set_flag", arguments: { flag: "f", value: "6" } });
    expect(unanswered._meta?.["io.github.mcp-platform/approval"]).toMatchObject({ status: "approval_required" });
    at(5 * HOUR);
    const slowHuman = await ledger.client("alice", () => (at(5 * HOUR + 6 * MINUTE), approve));
    await expect(slowHuman.callTool({ name: "set_flag", arguments: { flag: "f", value: "7" } })).rejects.toThrow(/expired/);
    at(6 * HOUR);
    const bob = await ledger.client("bob");
    for (let call = 0; call < 3; call++) await alice.callTool({ name: "get_flag", arguments: { flag: "f" } });
    await bob.callTool({ name: "get_flag", arguments: { flag: "f" } });
    expect((await bob.callTool({ name: "read_flag", arguments: { flag: "f" } })).content).toEqual([
      { type: "text", text: expect.stringMatching(/switched off/) },
    ]);
    await (await other.client("alice", () => approve)).callTool({ name: "set_flag", arguments: { flag: "f", value: "1" } });
    at(7 * HOUR);
    await (await ledger.client("carol")).callTool({ name: "set_flag", arguments: { flag: "f", value: "8" } });

    await ledger.close();
    await other.close();
    reader = await db.open();
    window = { since: new Date(T0 - 24 * HOUR).toISOString(), now: new Date(T0 + 7 * HOUR + MINUTE).toISOString(), undoWindowSeconds: 3600 };
  });
  afterAll(async () => {
    vi.useRealTimers();
    if (skip) return;
    await reader?.close();
    await db.tearDown();
  });

  it.skipIf(skip)("counts approvals, overrides, actions, undos in and after the window, and kill-switch refusals per server and tool", async () => {
    const { tools } = await reader.outcomes.read(window);
    const byKey = Object.fromEntries(tools.map(({ server, tool, ...counts }) => [`${server}/${tool}`, counts]));
    expect(byKey).toEqual({
      "ledger/set_flag": {
        approvals: { requested: 8, approved: 3, declined: 2, expired: 2, pending: 1 },
        actions: { run: 3, failed: 1, undone: 2, undoneWithinWindow: 1 },
        killSwitchRefusals: 0,
      },
      "ledger/read_flag": {
        approvals: { requested: 0, approved: 0, declined: 0, expired: 0, pending: 0 },
        actions: { run: 0, failed: 0, undone: 0, undoneWithinWindow: 0 },
        killSwitchRefusals: 1,
      },
      "other/set_flag": {
        approvals: { requested: 1, approved: 1, declined: 0, expired: 0, pending: 0 },
        actions: { run: 1, failed: 0, undone: 0, undoneWithinWindow: 0 },
        killSwitchRefusals: 0,
      },
    });
  });

  it.skipIf(skip)("takes the median time to undo per tool, per server and over the store", async () => {
    const { undoMedians } = await reader.outcomes.read(window);
    // The undos took 10 minutes and 3 hours: the median is their mean, 1 h 35 min.
    expect(undoMedians).toEqual(
      expect.arrayContaining([{ server: "ledger", tool: "set_flag", seconds: 5700 }, { server: "ledger", seconds: 5700 }, { seconds: 5700 }]),
    );
    expect(undoMedians).toHaveLength(3);
  });

  it.skipIf(skip)("counts every deprecated call by caller, with the sunset", async () => {
    const { deprecatedCalls } = await reader.outcomes.read(window);
    const lastCallAt = new Date(T0 + 6 * HOUR).toISOString();
    expect(deprecatedCalls.sort((a, b) => a.subject.localeCompare(b.subject))).toEqual([
      { server: "ledger", tool: "get_flag", subject: "alice", calls: 3, lastCallAt, sunset: "2099-01-01" },
      { server: "ledger", tool: "get_flag", subject: "bob", calls: 1, lastCallAt, sunset: "2099-01-01" },
    ]);
  });

  it.skipIf(skip)("reads one server of a shared store, and turns pending approvals into expired ones once their time is up", async () => {
    const later = { ...window, now: new Date(T0 + 8 * HOUR).toISOString(), server: "ledger" };
    const { tools, deprecatedCalls } = await reader.outcomes.read(later);
    expect(tools.map((t) => `${t.server}/${t.tool}`).sort()).toEqual(["ledger/read_flag", "ledger/set_flag"]);
    expect(tools.find((t) => t.tool === "set_flag")!.approvals).toEqual({ requested: 8, approved: 3, declined: 2, expired: 3, pending: 0 });
    expect(deprecatedCalls).toHaveLength(2);
  });

  it.skipIf(skip)("widens to the records before `since` when asked", async () => {
    const { tools } = await reader.outcomes.read({ ...window, since: new Date(T0 - 3 * 24 * HOUR).toISOString() });
    expect(tools.find((t) => t.server === "ledger" && t.tool === "set_flag")!.actions.run).toBe(4);
  });
});
