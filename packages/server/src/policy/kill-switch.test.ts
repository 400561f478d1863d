import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { KillSwitch } from "./kill-switch.js";

const TOOLS = ["get_host", "delete_host", "undo_action"];
const switches: KillSwitch[] = [];
afterEach(() => switches.splice(0).forEach((killSwitch) => killSwitch.close()));

function killSwitch(disabled: string[], file?: string) {
  const lines: { msg: string; disabled?: string[]; unknown?: string[]; file?: string; reason?: string }[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) });
  const created = new KillSwitch(disabled, file, logger, TOOLS);
  switches.push(created);
  return { killSwitch: created, lines };
}

describe("KillSwitch", () => {
  it("says at start which listed names match no tool here, so a typo in an incident is seen", () => {
    const { killSwitch: started, lines } = killSwitch(["delete_host", "delete_hosts"]);
    expect(started.isDisabled("delete_host")).toBe(true);
    expect(lines).toEqual([
      expect.objectContaining({
        msg: "kill switch set at start; delete_hosts names no tool of this server (a typo, or another server's tool)",
        disabled: ["delete_host", "delete_hosts"],
        unknown: ["delete_hosts"],
      }),
    ]);
  });

  it("says nothing when nothing is switched off, and no unknown names when all match", () => {
    expect(killSwitch([]).lines).toEqual([]);
    expect(killSwitch(["get_host"]).lines).toEqual([expect.objectContaining({ msg: "kill switch set at start", disabled: ["get_host"] })]);
  });

  it("warns at start when the file is not there, and takes it up once it is", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "kill-switch-")), "disabled-tools");
    const { killSwitch: watching, lines } = killSwitch([], file);
    expect(lines).toEqual([expect.objectContaining({ msg: expect.stringContaining("MCP_DISABLED_TOOLS_FILE does not exist yet") as string, file })]);
    writeFileSync(file, "delete_host\n");
    for (let i = 0; i < 40 && !watching.isDisabled("delete_host"); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(watching.isDisabled("delete_host")).toBe(true);
  });

  it("warns once when the file is a folder, as a ConfigMap volume's mount point is, and switches nothing off", async () => {
    const folder = mkdtempSync(join(tmpdir(), "kill-switch-"));
    writeFileSync(join(folder, "disabled-tools"), "delete_host\n");
    const { killSwitch: watching, lines } = killSwitch([], folder);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(lines).toEqual([
      expect.objectContaining({
        msg: "MCP_DISABLED_TOOLS_FILE cannot be read (a folder: name the file inside it, as a ConfigMap volume holds one file per key): nothing is switched off by file until it can",
        file: folder,
        reason: expect.stringContaining("EISDIR") as string,
      }),
    ]);
    expect(watching.isDisabled("delete_host")).toBe(false);
  });

  it("reports each change of the file the same way", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "kill-switch-")), "disabled-tools");
    writeFileSync(file, "# nothing off\n");
    const { killSwitch: watching, lines } = killSwitch([], file);
    writeFileSync(file, "get_host\nget_hots # incident 4711\n");
    for (let i = 0; i < 40 && !watching.isDisabled("get_host"); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(watching.isDisabled("get_host")).toBe(true);
    expect(lines).toEqual([
      expect.objectContaining({ msg: expect.stringMatching(/^kill switch changed; get_hots names no tool/) as string, unknown: ["get_hots"] }),
    ]);
  });
});
