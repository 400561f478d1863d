import { missingService } from "@mcp-platform/test-services";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED } from "./inventory.js";
import { callTool, textOf, type CallRecord } from "./test-fixtures/mcp-call.js";
import { startFleet, UNDO_LEASE_SECONDS, type Fleet } from "./test-fixtures/fleet.js";

const APPROVAL = "io.github.mcp-platform/approval";
const ACTION = "io.github.mcp-platform/action";
const ITERATIONS = 16;
/** The replica is killed once this share of the planned requests has completed. */
const KILL_AT = 0.4;

const missing = (["postgresql", "redis-server", "nginx"] as const).map(missingService).find(Boolean);

interface Write {
  reason: string;
  plan: CallRecord;
  confirm?: CallRecord;
  actionId?: string;
  undo?: CallRecord;
}

describe.skipIf(missing)(`three inventory replicas behind nginx${missing ? ` (${missing})` : ""}`, () => {
  let fleet: Fleet;
  beforeAll(async () => {
    fleet = await startFleet(3);
  });
  afterAll(async () => {
    await fleet?.stop();
  });

  it("serve reads and approved writes with undo; a replica killed mid-load loses only its in-flight requests", async () => {
    const calls: CallRecord[] = [];
    const writes: Write[] = [];
    const victim = fleet.replicas[1]!;
    const planned = SEED.length * ITERATIONS * 4.5;
    let killedAt: number | undefined;
    // SIGKILL takes effect a moment after it is sent: requests accepted until the process is gone count as in flight.
    let deadAt = Infinity;
    void victim.process.exited.then(() => (deadAt = performance.now()));

    const call = async (bearer: string, tool: string, args: Record<string, unknown>) => {
      const record = await callTool(fleet.origin, bearer, tool, args);
      calls.push(record);
      if (killedAt === undefined && calls.length >= planned * KILL_AT) {
        killedAt = performance.now();
        victim.process.child.kill("SIGKILL");
      }
      return record;
    };

    // One user per seeded service, so that each service's writes and undos stay in order.
    await Promise.all(
      SEED.map(async ([service], user) => {
        const bearer = await fleet.token(`user-${user}`);
        for (let i = 0; i < ITERATIONS; i++) {
          if ((await call(bearer, "get_service", { name: service })).failure) continue;
          if ((await call(bearer, "list_services", { team: SEED[(user + i) % SEED.length]![1] })).failure) continue;
          const args = { service, enabled: true, reason: `load ${user}.${i}` };
          const write: Write = { reason: args.reason, plan: await call(bearer, "set_maintenance_mode", args) };
          if (write.plan.failure) continue;
          writes.push(write);
          const token = (write.plan.result?._meta?.[APPROVAL] as { token?: string } | undefined)?.token;
          expect(token, textOf(write.plan.result)).toBeDefined();
          write.confirm = await call(bearer, "set_maintenance_mode", { ...args, approval_token: token });
          if (write.confirm.failure) continue;
          expect(write.confirm.result?.isError, textOf(write.confirm.result)).toBeFalsy();
          write.actionId = (write.confirm.result?._meta?.[ACTION] as { id: string }).id;
          if (i % 2 === 0) write.undo = await call(bearer, "undo_action", { action_id: write.actionId });
        }
      }),
    );
    expect(killedAt, "the replica was killed during the load").toBeDefined();

    // Every failure was a request in flight on the killed replica when it died; no other error.
    const failures = calls.filter((c) => c.failure);
    const inFlightOnVictim = (c: CallRecord) => c.upstream.split(", ").at(-1) === victim.address && c.started <= deadAt && c.ended >= killedAt!;
    const unexplained = failures.filter((c) => !inFlightOnVictim(c));
    expect(unexplained.map((c) => `${c.tool} via ${c.upstream} (${c.started - killedAt!}..${c.ended - killedAt!} ms after the kill): ${c.failure}`)).toEqual(
      [],
    );
    for (const c of calls.filter((c) => !c.failure && c.tool !== "set_maintenance_mode")) expect(c.result?.isError, textOf(c.result)).toBeFalsy();
    const undoFailures = writes.filter((w) => w.undo?.failure);
    for (const w of writes.filter((w) => w.undo && !w.undo.failure)) expect(w.undo!.result?.isError, textOf(w.undo!.result)).toBeFalsy();

    // Approvals issued by one replica were redeemed on another.
    const confirmed = writes.filter((w) => w.actionId);
    expect(confirmed.filter((w) => w.plan.upstream !== w.confirm!.upstream).length).toBeGreaterThan(0);

    // Every action not yet undone can be undone now, from the replicas that are left, including
    // those the killed replica performed, and those whose undo it had claimed when it died (the
    // claim lapses after its lease).
    const open = confirmed.filter((w) => !w.undo || w.undo.failure).reverse();
    expect(open.some((w) => w.confirm!.upstream === victim.address)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, UNDO_LEASE_SECONDS * 1000 + 100));
    for (const w of open) {
      const bearer = await fleet.token(`user-${w.reason.split(" ")[1]!.split(".")[0]}`);
      const cutOff = w.undo?.failure !== undefined;
      w.undo = await callTool(fleet.origin, bearer, "undo_action", { action_id: w.actionId });
      expect(w.undo.failure).toBeUndefined();
      expect(w.undo.upstream).not.toBe(victim.address);
      // An undo cut off mid-flight may have finished before its replica died: then the retry is told so.
      if (cutOff && w.undo.result?.isError) expect(textOf(w.undo.result)).toBe(`Action ${w.actionId} was already undone.`);
      else expect(w.undo.result?.isError, textOf(w.undo.result)).toBeFalsy();
    }

    // The action log holds each successful write exactly once, and nothing else but writes whose
    // confirmation was in flight on the killed replica.
    const db = new pg.Client({ connectionString: fleet.database });
    await db.connect();
    const { rows } = await db
      .query<{ id: string; arguments_summary: string; undone: boolean }>(
        "SELECT id, arguments_summary, undone_at IS NOT NULL AS undone FROM mcp_actions WHERE tool = 'set_maintenance_mode'",
      )
      .finally(() => db.end());
    const byReason = new Map<string, typeof rows>();
    for (const row of rows) {
      const { reason } = JSON.parse(row.arguments_summary) as { reason: string };
      byReason.set(reason, [...(byReason.get(reason) ?? []), row]);
    }
    for (const w of confirmed) expect(byReason.get(w.reason)?.map((r) => [r.id, r.undone])).toEqual([[w.actionId, true]]);
    const unconfirmed = [...byReason.keys()].filter((reason) => !confirmed.some((w) => w.reason === reason));
    for (const reason of unconfirmed) {
      const write = writes.find((w) => w.reason === reason);
      expect(write?.confirm && inFlightOnVictim(write.confirm), `action for "${reason}" with no confirmed write`).toBe(true);
      expect(byReason.get(reason)).toHaveLength(1);
    }

    console.log(
      `replicas: ${calls.length} requests (${confirmed.length} approved writes, ${confirmed.filter((w) => w.plan.upstream !== w.confirm!.upstream).length} ` +
        `redeemed on another replica), ${failures.length} failed, all in flight on the killed replica ` +
        `(${failures.map((c) => c.tool).join(", ") || "none"}); ${rows.length} actions logged, ${unconfirmed.length} of them from cut-off confirmations; ` +
        `${open.length} undone after the kill (${undoFailures.length} of them cut off mid-flight)`,
    );
  });
});
