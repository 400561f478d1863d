import { TELEMETRY_VARIABLES } from "@mcp-platform/telemetry";
import { z } from "zod";
import { hostEntryProblem, originEntryProblem } from "./allow-list-entries.js";
import { trustedProxyProblem } from "./http/client-address.js";
import { misspelledVariable } from "./misspelled-variable.js";

const LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1"];

const list = z.string().transform((value) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean),
);

const checkedList = (problem: (entry: string) => string | undefined) =>
  list.superRefine((entries, ctx) => {
    const found = entries.map(problem).find(Boolean);
    if (found) ctx.addIssue({ code: "custom", message: found });
  });

const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be an integer from ${min} to ${max}` })
    .int(`must be an integer from ${min} to ${max}`)
    .min(min, `must be an integer from ${min} to ${max}`)
    .max(max, `must be an integer from ${min} to ${max}`);

const url = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const resourceUrl = url.refine((value) => !value.includes("#"), "must not have a #fragment: a resource URL has none (RFC 8707)");
const issuerUrl = url.refine((value) => !/[?#]/.test(value), "must not have a query or a #fragment: an issuer identifier has neither (RFC 8414)");
/** Values that may hold credentials: a configuration error names them but never repeats them. */
const SECRET_VARIABLES = new Set([
  "MCP_STORE_URL",
  "MCP_RATE_LIMIT_REDIS_URL",
  "MCP_EVENTS_REDIS_URL",
  "MCP_APPROVAL_SECRET",
  "MCP_APPROVAL_PREVIOUS_SECRETS",
  "MCP_AUTH_CLIENT_SECRET",
]);

const redisUrl = z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" });

const approvalKey = z.string().refine((value) => Buffer.from(value, "base64").length >= 32, "must be at least 32 bytes, base64-encoded");

const flag = z.enum(["true", "false"], { error: 'must be "true" or "false"' }).default("false");

/** The environment variables the runtime reads (see DESIGN.md, interface conventions). */
const environmentSchema = z.object({
  MCP_TRANSPORT: z.enum(["stdio", "http"], { error: 'must be "stdio" or "http"' }).default("stdio"),
  HOST: z.string().min(1, "must not be empty").default("127.0.0.1"),
  PORT: integer(0, 65535).default(3000),
  MCP_SESSIONS: z.enum(["stateless", "stateful"], { error: 'must be "stateless" or "stateful"' }).default("stateless"),
  MCP_SESSION_IDLE_SECONDS: integer(1, 86_400).default(1800),
  MCP_SSE_KEEPALIVE_SECONDS: integer(0, 3600).default(15),
  MCP_ALLOWED_HOSTS: checkedList(hostEntryProblem).optional(),
  MCP_ALLOWED_ORIGINS: checkedList(originEntryProblem).optional(),
  MCP_TRUSTED_PROXIES: checkedList(trustedProxyProblem).default([]),
  MCP_MAX_BODY_BYTES: integer(1024, 64 * 1024 * 1024).default(1024 * 1024),
  MCP_SHUTDOWN_TIMEOUT_MS: integer(0, 300_000).default(10_000),
  MCP_AUTH: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
  MCP_AUTH_ISSUER: issuerUrl.optional(),
  MCP_AUTH_AUDIENCE: resourceUrl.optional(),
  MCP_AUTH_JWKS_URL: url.optional(),
  MCP_AUTH_JWKS_MAX_AGE_SECONDS: integer(1, 86_400).optional(),
  MCP_AUTH_JWKS_OUTAGE_SECONDS: integer(0, 7 * 86_400).optional(),
  MCP_AUTH_FAILURES_PER_MINUTE: integer(0, 1_000_000).default(30),
  MCP_AUTH_INTROSPECTION_URL: url.optional(),
  MCP_AUTH_CLIENT_ID: z.string().optional(),
  MCP_AUTH_CLIENT_SECRET: z.string().optional(),
  MCP_RATE_LIMIT_PER_MINUTE: integer(0, 1_000_000).default(600),
  MCP_PLATFORM_HOME: z.string().optional(),
  MCP_STORE_PATH: z.string().optional(),
  MCP_STORE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" }).optional(),
  MCP_RATE_LIMIT_REDIS_URL: redisUrl.optional(),
  MCP_EVENTS_REDIS_URL: redisUrl.optional(),
  MCP_DISABLED_TOOLS: list.default([]),
  MCP_DISABLED_TOOLS_FILE: z.string().optional(),
  MCP_APPROVAL_SECRET: approvalKey.optional(),
  MCP_APPROVAL_PREVIOUS_SECRETS: list.pipe(z.array(approvalKey)).default([]),
  MCP_APPROVAL_TTL_SECONDS: integer(10, 86_400).default(300),
  MCP_UNDO_LEASE_SECONDS: integer(1, 3600).default(60),
  MCP_TRACE_TOOL_PAYLOADS: flag,
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
  /** Token auth applies: HTTP with MCP_AUTH=on. */
  authRequired: boolean;
}

/** A configuration mistake: its message is one line naming the variable and what is allowed. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Reads the environment; `transport` is the server's own default when `MCP_TRANSPORT` is unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, transport: "stdio" | "http" = "stdio"): RuntimeConfig {
  const typo = misspelledVariable(env, [...Object.keys(environmentSchema.shape), ...TELEMETRY_VARIABLES]);
  if (typo) {
    throw new ConfigError(`Invalid configuration: ${typo.name} is not a variable the kit reads; did you mean ${typo.meant}? (as it is, it would be ignored)`);
  }
  const parsed = environmentSchema.safeParse({ MCP_TRANSPORT: transport, ...env });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0]);
    const got = SECRET_VARIABLES.has(variable) ? "" : ` (got ${JSON.stringify(env[variable])})`;
    throw new ConfigError(`Invalid configuration: ${variable} ${issue.message}${got}`);
  }
  const config = parsed.data;
  if (config.MCP_STORE_URL && !config.MCP_APPROVAL_SECRET) {
    throw new ConfigError("Invalid configuration: MCP_APPROVAL_SECRET is required with MCP_STORE_URL (replicas must sign approval tokens with one key)");
  }
  const authRequired = config.MCP_TRANSPORT === "http" && config.MCP_AUTH === "on";
  if (config.MCP_TRANSPORT === "http") checkAuth(config);
  return {
    ...config,
    authRequired,
    allowedHosts: config.MCP_ALLOWED_HOSTS ? allowList(config.MCP_ALLOWED_HOSTS) : defaultAllowedHosts(config.HOST),
    allowedOrigins: config.MCP_ALLOWED_ORIGINS ? allowList(config.MCP_ALLOWED_ORIGINS) : defaultAllowedOrigins(config.HOST),
  };
}

function checkAuth(config: Environment): void {
  if (config.MCP_AUTH === "off") {
    if (!isLoopback(config.HOST)) {
      throw new ConfigError(`Invalid configuration: MCP_AUTH=off is allowed only on a loopback HOST (got HOST=${JSON.stringify(config.HOST)})`);
    }
    return;
  }
  for (const variable of ["MCP_AUTH_ISSUER", "MCP_AUTH_AUDIENCE"] as const) {
    if (!config[variable]) {
      throw new ConfigError(`Invalid configuration: ${variable} is required for MCP_TRANSPORT=http (or MCP_AUTH=off on a loopback HOST for local development)`);
    }
  }
  if (config.MCP_AUTH_INTROSPECTION_URL && !(config.MCP_AUTH_CLIENT_ID && config.MCP_AUTH_CLIENT_SECRET)) {
    throw new ConfigError("Invalid configuration: MCP_AUTH_CLIENT_ID and MCP_AUTH_CLIENT_SECRET are required with MCP_AUTH_INTROSPECTION_URL");
  }
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
