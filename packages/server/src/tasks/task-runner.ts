import { randomUUID } from "node:crypto";
import type { Principal } from "@mcp-platform/auth";
import { ProtocolError, ProtocolErrorCode } from "@modelcontextprotocol/server";
import type { TaskOptions } from "../definition/define.js";
import { InFlight } from "../in-flight.js";
import { TERMINAL_STATUSES, type TaskRecord, type TaskStore } from "../store/task-store.js";
import { HEARTBEAT_MS, RunningTask } from "./running-task.js";

const DEFAULT_TTL_MS = 3_600_000;
const DEFAULT_POLL_INTERVAL_MS = 500;
/** A task whose runner has been silent this long stopped with its replica. */
const ORPHANED_AFTER_MS = 6 * HEARTBEAT_MS;
const INTERNAL_ERROR = -32603;

/**
 * The tasks of one server: started here, run in the background, and answered for from the store,
 * so `tasks/get`, `tasks/update` and `tasks/cancel` work on any replica and after a restart. A
 * task only its creator may see: to anyone else it does not exist.
 */
export class TaskRunner {
  readonly #running = new Map<string, RunningTask>();
  readonly #work = new InFlight();

  constructor(
    private readonly server: string,
    private readonly store: TaskStore,
  ) {}

  /** Records a new task (durably, before its handle is handed out) and starts its heartbeat. */
  async start(tool: string, principal: Principal, options: TaskOptions): Promise<RunningTask> {
    const now = new Date().toISOString();
    const record: TaskRecord = {
      id: randomUUID(),
      server: this.server,
      tool,
      subject: principal.subject,
      status: "working",
      createdAt: now,
      lastUpdatedAt: now,
      ttlMs: options.ttlMs === undefined ? DEFAULT_TTL_MS : options.ttlMs,
      pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      inputRequests: {},
      inputResponses: {},
      heartbeatAt: Date.now(),
    };
    await this.store.createTask(record);
    const task = new RunningTask(record, this.store);
    this.#running.set(task.id, task);
    return task;
  }

  /** Runs a started task's work to its end; a shutdown waits for it (`drain`). */
  run(task: RunningTask, work: () => Promise<void>): void {
    void this.#work.track(() => work().finally(() => this.#running.delete(task.id)));
  }

  async get(id: string, principal: Principal): Promise<TaskRecord> {
    const task = await this.#owned(id, principal);
    if (TERMINAL_STATUSES.includes(task.status) || Date.now() - task.heartbeatAt < ORPHANED_AFTER_MS) return task;
    const error = { code: INTERNAL_ERROR, message: "The replica running this task stopped before it finished" };
    await this.store.updateTask(id, { status: "failed", error, statusMessage: error.message });
    return this.#owned(id, principal);
  }

  async answer(id: string, principal: Principal, responses: Record<string, unknown>): Promise<void> {
    await this.#owned(id, principal);
    await this.store.answerTask(id, responses);
    this.#running.get(id)?.answered();
  }

  /** Cancels a task that is still running; a task that already ended is acknowledged as it is. */
  async cancel(id: string, principal: Principal): Promise<void> {
    await this.#owned(id, principal);
    await this.store.updateTask(id, { status: "cancelled", statusMessage: "Cancelled by the client" });
    this.#running.get(id)?.cancel();
  }

  /** Waits for tasks in progress, up to the deadline; the ones still running fail, saying why. */
  async drain(timeoutMs: number): Promise<boolean> {
    const completed = await this.#work.idle(timeoutMs);
    const error = { code: INTERNAL_ERROR, message: "The server shut down before the task finished" };
    await Promise.allSettled([...this.#running.values()].map((task) => (task.cancel(), task.fail(error))));
    return completed;
  }

  async #owned(id: string, principal: Principal): Promise<TaskRecord> {
    const task = await this.store.getTask(id);
    if (!task || task.server !== this.server || task.subject !== principal.subject) {
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Failed to retrieve task: Task not found (${id})`);
    }
    return task;
  }
}
