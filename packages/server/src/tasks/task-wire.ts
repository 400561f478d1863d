import type { TaskRecord } from "../store/task-store.js";

/** The extension's name, in capabilities and in the errors that name it. */
export const TASKS_EXTENSION = "io.modelcontextprotocol/tasks";

/** A task as the extension shows it: its state, and what goes with that state. */
export function detailedTask(task: TaskRecord): Record<string, unknown> {
  return {
    ...taskFields(task),
    ...(task.status === "input_required" ? { inputRequests: task.inputRequests } : {}),
    ...(task.status === "completed" ? { result: task.result } : {}),
    ...(task.status === "failed" ? { error: task.error } : {}),
  };
}

/** What `tools/call` answers when the call became a task: the handle to poll. */
export function createTaskResult(task: TaskRecord): Record<string, unknown> {
  return { resultType: "task", ...taskFields(task) };
}

function taskFields(task: TaskRecord) {
  return {
    taskId: task.id,
    status: task.status,
    ...(task.statusMessage ? { statusMessage: task.statusMessage } : {}),
    createdAt: task.createdAt,
    lastUpdatedAt: task.lastUpdatedAt,
    ttlMs: task.ttlMs,
    pollIntervalMs: task.pollIntervalMs,
  };
}
