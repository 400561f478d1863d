import { z } from "zod";

const LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1"];

const list = z
  .string()
  .transform((value) => value.split(",").map((item) => item.trim()).filter(Boolean));

const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be an integer from ${min} to ${max}` })
    .int(`must be an integer from ${min} to ${max}`)
    .min(min, `must be an integer from ${min} to ${max}`)
    .max(max, `must be an integer from ${min} to ${max}`);

/** The environment variables the runtime reads (see DESIGN.md, interface conventions). */
const environmentSchema = z.object({
  MCP_TRANSPORT: z.enum(["stdio", "http"], { error: 'must be "stdio" or "http"' }).default("stdio"),
  HOST: z.string().min(1, "must not be empty").default("127.0.0.1"),
  PORT: integer(0, 65535).default(3000),
  MCP_SESSIONS: z.enum(["stateless", "stateful"], { error: 'must be "stateless" or "stateful"' }).default("stateless"),
  MCP_SESSION_IDLE_SECONDS: integer(1, 86_400).default(1800),
  MCP_ALLOWED_HOSTS: list.optional(),
  MCP_ALLOWED_ORIGINS: list.optional(),
  MCP_MAX_BODY_BYTES: integer(1024, 64 * 1024 * 1024).default(1024 * 1024),
  MCP_SHUTDOWN_TIMEOUT_MS: integer(0, 300_000).default(10_000),
  MCP_TRACE_TOOL_PAYLOADS: z.enum(["true", "false"], { error: 'must be "true" or "false"' }).default("false"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
});

export type Environment = z.output<typeof environmentSchema>;

export interface RuntimeConfig extends Environment {
  /** Host header names accepted on /mcp; `undefined` means any (allow-list explicitly `*`). */
  allowedHosts: string[] | undefined;
  /** Origins accepted on /mcp when a browser sends one. */
  allowedOrigins: string[] | undefined;
}

/** A configuration mistake: its message is one line naming the variable and what is allowed. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0]);
    throw new ConfigError(`Invalid configuration: ${variable} ${issue.message} (got ${JSON.stringify(env[variable])})`);
  }
  const config = parsed.data;
  return {
    ...config,
    allowedHosts: config.MCP_ALLOWED_HOSTS ? allowList(config.MCP_ALLOWED_HOSTS) : defaultAllowedHosts(config.HOST),
    allowedOrigins: config.MCP_ALLOWED_ORIGINS ? allowList(config.MCP_ALLOWED_ORIGINS) : defaultAllowedOrigins(config.HOST),
  };
}

export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.includes(host) || host.startsWith("127.");
}

function allowList(values: string[]): string[] | undefined {
  return values.includes("*") ? undefined : values.map((value) => value.toLowerCase());
}

/** DNS-rebinding protection: a loopback server answers only to loopback names unless told otherwise. */
function defaultAllowedHosts(host: string): string[] | undefined {
  if (isLoopback(host)) return [...LOOPBACK_HOSTS, "[::1]"];
  return undefined;
}

function defaultAllowedOrigins(host: string): string[] | undefined {
  if (isLoopback(host)) return ["http://localhost", "http://127.0.0.1", "http://[::1]"];
  return undefined;
}
