import { traceLogFields } from "@mcp-platform/telemetry";
import { pino, type Logger } from "pino";

/**
 * Structured JSON logs on stderr: under stdio, stdout carries the protocol and must stay clean.
 * Anything that looks like a credential is redacted before it is written. A line written while a
 * request is traced carries its `trace_id` and `span_id`.
 */
export function createLogger(name: string, level: string): Logger {
  return pino(
    {
      name,
      level,
      mixin: traceLogFields,
      redact: {
        paths: ["authorization", "token", "*.authorization", "*.token", "headers.authorization", "*.headers.authorization"],
        censor: "[redacted]",
      },
    },
    pino.destination({ fd: 2, sync: true }),
  );
}
