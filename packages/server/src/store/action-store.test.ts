import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { missingService, startPostgres, type LocalPostgres } from "@mcp-platform/test-services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionRecord, ActionStore } from "./action-store.js";
import { PostgresActionStore } from "./postgres-action-store.js";
import { SqliteActionStore } from "./sqlite-action-store.js";

/** A backing database, and a way to open another store on it (as another replica would). */
interface Backend {
  setUp(): Promise<void>;
  open(): Promise<ActionStore>;
  tearDown(): Promise<void>;
}

const silent = { warn: () => undefined };

function sqlite(): Backend {
  const dir = mkdtempSync(join(tmpdir(), "store-test-"));
  return {
    setUp: () => Promise.resolve(),
    open: () => Promise.resolve(new SqliteActionStore(join(dir, "store.sqlite"))),
    tearDown: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

function postgres(): Backend {
  let server: LocalPostgres;
  return {
    setUp: async () => void (server = await startPostgres()),
    open: () => PostgresActionStore.open(server.url, silent),
    tearDown: () => server.stop(),
  };
}

const postgresMissing = missingService("postgresql");
const backends = [
  { name: "SQLite", backend: sqlite, skip: undefined },
  { name: `PostgreSQL${postgresMissing ? ` (${postgresMissing})` : ""}`, backend: postgres, skip: postgresMissing },
];

const action = (overrides: Partial<ActionRecord> = {}): ActionRecord => ({
  id: randomUUID(),
  server: "inventory",
  tool: "set_maintenance_mode",
  subject: "alice",
  argumentsHash: "h",
  argumentsSummary: '{"service":"payments-api"}',
  resultSummary: "payments-api is in maintenance",
  status: "done",
  undoData: { name: "payments-api", status: "active", reason: null },
  undoable: true,
  createdAt: new Date().toISOString(),
  ...overrides,
});

describe.each(backends)("$name action store", ({ backend, skip }) => {
  const db = backend();
  const stores: ActionStore[] = [];
  const open = async () => {
    const store = await db.open();
    stores.push(store);
    return store;
  };
  let store: ActionStore;

  beforeAll(async () => {
    if (skip) return;
    await db.setUp();
    store = await open();
  });
  afterAll(async () => {
    if (skip) return;
    for (const s of stores) await s.close();
    await db.tearDown();
  });

  it.skipIf(skip)("records an action and reads it back as it was", async () => {
    const full = action({ clientId: "ci-bot" });
    const bare = action({ undoData: undefined, undoable: false });
    const nullUndo = action({ undoData: null });
    for (const a of [full, bare, nullUndo]) await store.recordAction(a);
    expect(await store.getAction(full.id)).toEqual(full);
    expect(await store.getAction(bare.id)).toEqual(bare);
    expect(await store.getAction(nullUndo.id)).toEqual(nullUndo);
    expect(await store.getAction(randomUUID())).toBeUndefined();
  });

  it.skipIf(skip)("lists one server's actions, newest first, up to the limit", async () => {
    const server = `list-${randomUUID()}`;
    const times = ["2026-01-01T10:00:00.000Z", "2026-01-01T12:00:00.000Z", "2026-01-01T11:00:00.000Z"];
    for (const createdAt of times) await store.recordAction(action({ server, createdAt }));
    await store.recordAction(action({ server: `${server}-other` }));
    const listed = await store.listActions(server, 2);
    expect(listed.map((a) => a.createdAt)).toEqual(["2026-01-01T12:00:00.000Z", "2026-01-01T11:00:00.000Z"]);
  });

  it.skipIf(skip)("writes an action ahead of its handler, then its undo data, then its outcome", async () => {
    const a = action({ status: "pending", resultSummary: "", undoData: undefined });
    await store.recordAction(a);
    expect(await store.getAction(a.id)).toEqual(a);
    await store.saveUndoData(a.id, { name: "payments-api", status: "active" });
    await store.completeAction(a.id, "done", "payments-api is in maintenance");
    expect(await store.getAction(a.id)).toMatchObject({ status: "done", resultSummary: "payments-api is in maintenance", undoData: { status: "active" } });
  });

  it.skipIf(skip)("lets an action be undone once, and again only after the claim is released", async () => {
    const a = action();
    await store.recordAction(a);
    const at = new Date().toISOString();
    expect(await store.claimUndo(a.id, 60)).toBe(true);
    expect(await store.claimUndo(a.id, 60)).toBe(false);
    await store.releaseUndo(a.id);
    expect(await store.claimUndo(a.id, 60)).toBe(true);
    await store.completeUndo(a.id, "bob", at);
    expect(await store.getAction(a.id)).toMatchObject({ undoneAt: at, undoneBy: "bob" });
    await store.releaseUndo(a.id);
    expect(await store.claimUndo(a.id, 60)).toBe(false);
    expect(await store.claimUndo(randomUUID(), 60)).toBe(false);
  });

  it.skipIf(skip)("lets a claim whose holder died lapse after its lease", async () => {
    const a = action();
    await store.recordAction(a);
    expect(await store.claimUndo(a.id, 60)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await store.claimUndo(a.id, 0.01)).toBe(true);
  });

  it.skipIf(skip)("gives an undo claim to exactly one of many replicas racing for it", async () => {
    const replicas = [store, await open(), await open()];
    const a = action();
    await store.recordAction(a);
    const claims = await Promise.all(replicas.flatMap((replica) => [0, 1, 2].map(() => replica.claimUndo(a.id, 60))));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it.skipIf(skip)("gives an approval to one execution, on whichever replica claims it first, and keeps its outcome for the others", async () => {
    const replicas = [store, await open()];
    const expiresAt = Math.floor(Date.now() / 1000) + 300;
    const approval = randomUUID();
    const claimed = await Promise.all(replicas.flatMap((r) => [r.claimApproval(approval, expiresAt), r.claimApproval(approval, expiresAt)]));
    expect(claimed.filter(Boolean)).toHaveLength(1);
    expect(await replicas[1]!.approvalOutcome(approval)).toBeUndefined();
    const outcome = { content: [{ type: "text", text: "done once" }] };
    await replicas[claimed.indexOf(true) < 2 ? 0 : 1]!.saveApprovalOutcome(approval, outcome);
    for (const replica of replicas) expect(await replica.approvalOutcome(approval)).toEqual(outcome);
    expect(await store.claimApproval(randomUUID(), expiresAt)).toBe(true);
  });

  it.skipIf(skip)("forgets claimed approvals once they have expired", async () => {
    const approval = randomUUID();
    const past = Math.floor(Date.now() / 1000) - 10;
    expect(await store.claimApproval(approval, past)).toBe(true);
    expect(await store.claimApproval(approval, past)).toBe(true);
  });

  it.skipIf(skip)("stores audit entries", async () => {
    await expect(
      store.recordAudit({ at: new Date().toISOString(), server: "inventory", decision: "approval", outcome: "granted", subject: "alice", tool: "t" }),
    ).resolves.toBeUndefined();
  });
});
