import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { serve } from "./serve.js";
import { startTelemetryFor, type TelemetryLifecycle } from "./telemetry-lifecycle.js";
import { exampleServer } from "./test-support/example-server.js";

const silent = pino({ level: "silent" });

/** A lifecycle that records when it was asked to start (and never gets ready, which no test here needs). */
function recordingTelemetry(): TelemetryLifecycle & { starts: number } {
  const telemetry = {
    starts: 0,
    start: () => void telemetry.starts++,
    ready: new Promise<void>(() => undefined),
    shutdown: () => Promise.resolve(),
  };
  return telemetry;
}

describe("when telemetry starts loading over HTTP", () => {
  afterEach(() => vi.useRealTimers());

  it("waits for the issuer's keys that the first requests wait for, then starts (real server, an issuer that answers late)", async () => {
    let answer!: () => void;
    const issuerAnswers = new Promise<void>((resolve) => (answer = resolve));
    const issuer = createServer((_req, res) => void issuerAnswers.then(() => res.writeHead(404).end()));
    issuer.listen(0, "127.0.0.1");
    await once(issuer, "listening");
    const telemetry = recordingTelemetry();
    const env = {
      MCP_TRANSPORT: "http",
      PORT: "0",
      MCP_AUTH_ISSUER: `http://127.0.0.1:${(issuer.address() as AddressInfo).port}`,
      MCP_AUTH_AUDIENCE: "http://127.0.0.1:1/mcp",
      MCP_PLATFORM_HOME: mkdtempSync(join(tmpdir(), "telemetry-start-")),
    };
    const running = await serve(exampleServer, { env, logger: silent, telemetry });
    try {
      // Past the delay after listening; the SDK's module graph would now hold up the requests waiting for keys.
      await sleep(500);
      expect(telemetry.starts).toBe(0);
      answer();
      await vi.waitFor(() => expect(telemetry.starts).toBe(1), { timeout: 1500 });
    } finally {
      await running.stop();
      issuer.close();
    }
  });

  it("does not wait longer than 2 s for an issuer that never answers, so /readyz is not held back by it", async () => {
    vi.useFakeTimers();
    const telemetry = recordingTelemetry();
    await startTelemetryFor("http", telemetry, silent, new Promise(() => undefined));
    await vi.advanceTimersByTimeAsync(1999);
    expect(telemetry.starts).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(telemetry.starts).toBe(1);
  });

  it("starts once, 100 ms after the start settles, even when the 2 s bound passes later", async () => {
    vi.useFakeTimers();
    const telemetry = recordingTelemetry();
    await startTelemetryFor("http", telemetry, silent, Promise.resolve());
    await vi.advanceTimersByTimeAsync(99);
    expect(telemetry.starts).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(telemetry.starts).toBe(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(telemetry.starts).toBe(1);
  });
});
