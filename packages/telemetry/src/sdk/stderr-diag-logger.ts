import { hostname } from "node:os";
import { diag, type DiagLogger } from "@opentelemetry/api";

/** pino's numeric levels, so these lines sort and filter with the server's own. */
const LEVELS = { error: 50, warn: 40, info: 30, debug: 20, verbose: 10 } as const;
const HOST = hostname();

/**
 * OpenTelemetry's own diagnostics on stderr (the console logger would put `info` on stdout), as
 * JSON lines of the same shape as the server's log: a log pipeline reads both alike.
 */
export const stderrDiagLogger: DiagLogger = {
  error: (message, ...args) => write("error", message, args),
  warn: (message, ...args) => write("warn", message, args),
  info: (message, ...args) => write("info", message, args),
  debug: (message, ...args) => write("debug", message, args),
  verbose: (message, ...args) => write("verbose", message, args),
};

function write(level: keyof typeof LEVELS, message: string, args: unknown[]): void {
  const detail = args.length ? ` ${args.map((arg) => (arg instanceof Error ? arg.message : JSON.stringify(arg))).join(" ")}` : "";
  const line = { level: LEVELS[level], time: Date.now(), pid: process.pid, hostname: HOST, name: "opentelemetry", msg: `${message}${detail}` };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

/**
 * What OpenTelemetry's global error handler gets (an export that failed, mostly), as one line:
 * its default logs the error flattened to JSON, stack included, inside the message.
 */
export function exportErrorHandler(error: unknown): void {
  const { message, code } = (typeof error === "object" && error !== null ? error : { message: String(error) }) as { message?: unknown; code?: unknown };
  const status = typeof code === "number" ? ` (HTTP ${code})` : "";
  diag.error(`telemetry export failed: ${typeof message === "string" && message ? message : String(error)}${status}`);
}
