import { describe, expect, it } from "vitest";
import { defineServer } from "./define.js";
import { serverManifest } from "./manifest.js";

const server = { name: "keys", version: "1.0.0", owner: "team-platform", description: "Rotates keys" };

describe("a server's replaced integrations", () => {
  it("are in its manifest, and absent from it when it names none", () => {
    const replaces = ["cron:rotate-keys", "webhook:pagerduty-ack"];
    expect(serverManifest(defineServer({ ...server, replaces })).replaces).toEqual(replaces);
    expect(serverManifest(defineServer(server))).not.toHaveProperty("replaces");
  });

  it.each([
    [["rotate-keys"], 'Server "keys": replaces "rotate-keys" must be <kind>:<name>, such as cron:rotate-keys'],
    [["cron:"], 'Server "keys": replaces "cron:" must be <kind>:<name>, such as cron:rotate-keys'],
    [["cron:rotate-keys", "cron:rotate-keys"], 'Duplicate replaced integration "cron:rotate-keys"'],
  ])("refuses %j", (replaces, message) => {
    expect(() => defineServer({ ...server, replaces })).toThrow(message);
  });
});
