import type { DiagLogger } from "@opentelemetry/api";

/** OpenTelemetry's own diagnostics on stderr: the console logger would put `info` on stdout. */
export const stderrDiagLogger: DiagLogger = {
  error: (message, ...args) => write("error", message, args),
  warn: (message, ...args) => write("warn", message, args),
  info: (message, ...args) => write("info", message, args),
  debug: (message, ...args) => write("debug", message, args),
  verbose: (message, ...args) => write("verbose", message, args),
};

function write(level: string, message: string, args: unknown[]): void {
  const detail = args.length ? ` ${args.map((arg) => (arg instanceof Error ? arg.message : JSON.stringify(arg))).join(" ")}` : "";
  process.stderr.write(`${JSON.stringify({ level, name: "opentelemetry", msg: `${message}${detail}` })}\n`);
}
