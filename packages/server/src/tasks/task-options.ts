import type { AnyTool, TaskOptions } from "../definition/define.js";

/** A tool's task settings in full, or undefined for a tool that never runs as a task. */
export function taskOptions(tool: AnyTool): TaskOptions | undefined {
  if (!tool.task) return undefined;
  return typeof tool.task === "string" ? { mode: tool.task } : tool.task;
}
