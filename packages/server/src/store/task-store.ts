/** Where a task is in its life; the last three never change again. */
export type TaskStatus = "working" | "input_required" | "completed" | "failed" | "cancelled";

export const TERMINAL_STATUSES: readonly TaskStatus[] = ["completed", "failed", "cancelled"];

/** A JSON-RPC error a task failed with. */
export interface TaskError {
  code: number;
  message: string;
  data?: unknown;
}

/** A tool call running as a task (`io.modelcontextprotocol/tasks`): readable on any replica, after restarts. */
export interface TaskRecord {
  id: string;
  server: string;
  tool: string;
  /** The principal that started it: the only one who may read, answer or cancel it. */
  subject: string;
  status: TaskStatus;
  statusMessage?: string;
  createdAt: string;
  lastUpdatedAt: string;
  /** How long after `createdAt` the task may be forgotten; `null`: kept until purged by hand. */
  ttlMs: number | null;
  pollIntervalMs: number;
  /** The questions the task waits on, by key (`input_required`). */
  inputRequests: Record<string, unknown>;
  /** The answers it got so far, by key. */
  inputResponses: Record<string, unknown>;
  result?: unknown;
  error?: TaskError;
  /** Epoch ms its runner last said it is alive: a task whose runner stopped can be told apart. */
  heartbeatAt: number;
}

/** The changes a runner makes as its task goes on. */
export type TaskChanges = Partial<Pick<TaskRecord, "status" | "statusMessage" | "result" | "error">>;

/** Tasks in the action store: SQLite by default, PostgreSQL when replicas share it. Each method is atomic. */
export interface TaskStore {
  /** Durable before it returns: a `tasks/get` for the id finds it, on any replica. */
  createTask(task: TaskRecord): Promise<void>;
  getTask(id: string): Promise<TaskRecord | undefined>;
  /** Applies `changes` unless the task already ended; `false` if it had (a cancelled task stays cancelled). */
  updateTask(id: string, changes: TaskChanges): Promise<boolean>;
  /** Adds questions the task now waits on (keys are never reused) and marks it `input_required`. */
  askTask(id: string, requests: Record<string, unknown>): Promise<boolean>;
  /**
   * Takes the answers to questions the task is waiting on (others are ignored) and returns the
   * task as it is then: `working` again once nothing is outstanding. `undefined` for no such task.
   */
  answerTask(id: string, responses: Record<string, unknown>): Promise<TaskRecord | undefined>;
  /** The runner is alive; also tells it whether the task was cancelled meanwhile. */
  heartbeatTask(id: string, at: number): Promise<TaskStatus | undefined>;
}

/** The answers merged into a task: only keys it asks for count, and it is working again when none are left. */
export function withAnswers(task: TaskRecord, responses: Record<string, unknown>): TaskRecord {
  if (TERMINAL_STATUSES.includes(task.status)) return task;
  const inputRequests = { ...task.inputRequests };
  const inputResponses = { ...task.inputResponses };
  for (const [key, value] of Object.entries(responses)) {
    if (!(key in inputRequests)) continue;
    delete inputRequests[key];
    inputResponses[key] = value;
  }
  const status = Object.keys(inputRequests).length === 0 ? "working" : "input_required";
  return { ...task, inputRequests, inputResponses, status, lastUpdatedAt: new Date().toISOString() };
}
