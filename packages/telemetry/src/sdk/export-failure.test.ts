import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const sdk = fileURLToPath(new URL("../../dist/sdk/index.js", import.meta.url));

/** A process that starts telemetry as a server does, ends one span, and stops once it is exported (or not). */
const tracedProcess = `
  import { trace } from "@opentelemetry/api";
  import { startTelemetry } from ${JSON.stringify(sdk)};
  const telemetry = startTelemetry({ name: "billing", version: "1.0.0", owner: "team-billing" });
  telemetry.start();
  await telemetry.ready;
  trace.getTracer("test").startSpan("tools/call get_invoice").end();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await telemetry.shutdown(500);
`;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("a collector that cannot be reached", () => {
  it("costs one log line per failed export, of the server log's shape, saying why", async () => {
    const port = await closedPort();
    const env = {
      ...process.env,
      MCP_TRANSPORT: "http",
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_EXPORTER_OTLP_TIMEOUT: "500",
      OTEL_BSP_SCHEDULE_DELAY: "50",
      OTEL_METRICS_EXPORTER: "none",
    };
    const { stderr } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", tracedProcess], {
      env,
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
    });
    const lines = stderr
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const failures = lines.filter((line) => String(line.msg).startsWith("telemetry export failed"));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ level: 50, name: "opentelemetry", msg: `telemetry export failed: connect ECONNREFUSED 127.0.0.1:${port}` });
    expect(failures[0]!.time).toEqual(expect.any(Number));
  });
});
