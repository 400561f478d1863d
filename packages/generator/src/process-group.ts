import { readdirSync, readFileSync } from "node:fs";
import { setTimeout } from "node:timers/promises";

/**
 * Ends a process group (a command started with `detached: true` and everything it started): SIGTERM,
 * then SIGKILL for whatever still runs after `graceMs`. Resolves once nothing in it runs any more.
 */
export async function stopProcessGroup(group: number, graceMs = 5_000): Promise<void> {
  signalGroup(group, "SIGTERM");
  if (await ended(group, graceMs)) return;
  signalGroup(group, "SIGKILL");
  await ended(group, 1_000);
}

/**
 * Whether a process of the group still runs. One that has ended but that no one has reaped (a
 * zombie: in a container whose first process does not reap orphans, it stays) does not run.
 */
export function groupRuns(group: number): boolean {
  if (!signalGroup(group, 0)) return false;
  if (process.platform !== "linux") return true;
  return readdirSync("/proc").some((pid) => /^\d+$/.test(pid) && runsIn(pid, group));
}

function runsIn(pid: string, group: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return false;
  }
  // "pid (command) state ppid pgrp …", where the command may hold spaces and parentheses.
  const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(pgrp) === group && state !== "Z";
}

function signalGroup(group: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-group, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}

async function ended(group: number, withinMs: number): Promise<boolean> {
  const deadline = performance.now() + withinMs;
  while (groupRuns(group)) {
    if (performance.now() >= deadline) return false;
    await setTimeout(50);
  }
  return true;
}
