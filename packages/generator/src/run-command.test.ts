import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { groupRuns } from "./process-group.js";
import { runCommand } from "./run-command.js";

const scratch = mkdtempSync(join(tmpdir(), "run-command-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("runCommand", () => {
  it("rejects with the command's last lines when it fails", async () => {
    await expect(runCommand("sh", ["-c", "echo out; echo err >&2; exit 3"], scratch)).rejects.toThrow(/failed \(3\):\nout\nerr$/);
  });

  it("when aborted, stops the command and what it started, then rejects with the reason", async () => {
    const interrupt = new AbortController();
    // Writes its process id, which names its process group, then waits on a process it started.
    const running = runCommand("sh", ["-c", "echo $$ > started.tmp && mv started.tmp started; sleep 30 & wait"], scratch, {
      signal: interrupt.signal,
    });
    while (!existsSync(join(scratch, "started"))) await setTimeout(20);
    const group = Number(readFileSync(join(scratch, "started"), "utf8"));
    expect(groupRuns(group)).toBe(true);
    const reason = new Error("interrupted");
    interrupt.abort(reason);
    await expect(running).rejects.toBe(reason);
    expect(groupRuns(group)).toBe(false);
  });
});
