import { join } from "node:path";
import { platformHome, recordSessionEnd } from "@mcp-platform/telemetry";
import type { Logger } from "pino";
import { isLoopback, loadConfig, type RuntimeConfig } from "./config.js";
import type { ServerDefinition } from "./definition/define.js";
import { eventBusFor } from "./events/event-bus-from-config.js";
import { publishChanges } from "./events/publish-changes.js";
import { createHttpServer } from "./http/http-server.js";
import { createLogger } from "./logger.js";
import { approvalKeys } from "./policy/approval-secret.js";
import { createTrust, type Trust } from "./policy/trust.js";
import { LOCAL_PRINCIPAL, fixedPrincipalConnection } from "./protocol/request-scope.js";
import { ProtocolServerFactory } from "./protocol/server-factory.js";
import { openActionStore } from "./store/open-action-store.js";
import { defaultStorePath } from "./store/store-location.js";
import { startTelemetryFor, type TelemetryLifecycle } from "./telemetry-lifecycle.js";

/** A server that is up; `stop()` drains it gracefully within the configured deadline. */
export interface RunningServer {
  readonly config: RuntimeConfig;
  readonly logger: Logger;
  /** `http://host:port/mcp` for HTTP, undefined for stdio. */
  readonly url: string | undefined;
  stop(): Promise<{ completed: boolean }>;
}

export interface ServeOptions {
  /** Defaults to `process.env`; tests pass their own. */
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Started when it does no harm to the first answer (see `startTelemetryFor`); `/readyz` waits for it. */
  telemetry?: TelemetryLifecycle;
}

/** Starts a server on the transport its configuration names. Throws `ConfigError` for bad config. */
export async function serve(definition: ServerDefinition, options: ServeOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const config = loadConfig(env, definition.transport);
  const logger = options.logger ?? createLogger(definition.name, config.LOG_LEVEL);
  const trust = await startTrust(definition, config, env, logger);
  const factory = new ProtocolServerFactory(definition, logger, trust);
  const base = { version: definition.version };

  if (config.MCP_TRANSPORT === "stdio") {
    if (options.telemetry) await startTelemetryFor("stdio", options.telemetry, logger);
    const startedAt = performance.now();
    const { serveStdio } = await import("@modelcontextprotocol/server/stdio");
    // The client's first message picks the revision: `server/discover` or a 2026-07-28 request, or `initialize`.
    const connection = serveStdio(({ era }) => factory.create(fixedPrincipalConnection(LOCAL_PRINCIPAL), era), {
      onerror: (error) => logger.debug({ err: error }, "stdio protocol error"),
    });
    logger.info({ ...base, transport: "stdio" }, "serving MCP over stdio");
    return {
      config,
      logger,
      url: undefined,
      async stop() {
        const completed = await factory.inFlight.idle(config.MCP_SHUTDOWN_TIMEOUT_MS);
        await trust.tasks.drain(config.MCP_SHUTDOWN_TIMEOUT_MS);
        await connection.close();
        recordSessionEnd(startedAt, "pipe");
        await trust.close();
        return { completed };
      },
    };
  }

  const bus = eventBusFor(config, definition.name, logger);
  const stopPublishing = publishChanges(definition, trust.killSwitch, bus);
  const http = createHttpServer(factory, config, logger, bus, options.telemetry?.ready);
  const address = await http.listen();
  if (options.telemetry) await startTelemetryFor("http", options.telemetry, logger, http.warmedUp);
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}/mcp`;
  logger.info({ ...base, transport: "http", url, sessions: config.MCP_SESSIONS, auth: config.MCP_AUTH }, "serving MCP over Streamable HTTP");
  if (!config.authRequired) {
    logger.warn({ auth: "off", host: config.HOST }, "AUTHENTICATION IS OFF (MCP_AUTH=off): every local caller gets every scope. Loopback development only.");
  }
  if (!isLoopback(config.HOST) && config.allowedHosts === undefined) {
    logger.warn({ host: config.HOST }, "listening beyond loopback with no MCP_ALLOWED_HOSTS: Host header is not checked");
  }
  return {
    config,
    logger,
    url,
    async stop() {
      const drained = await http.drain(config.MCP_SHUTDOWN_TIMEOUT_MS);
      await trust.tasks.drain(config.MCP_SHUTDOWN_TIMEOUT_MS);
      stopPublishing();
      await bus.close();
      await trust.close();
      return drained;
    },
  };
}

async function startTrust(definition: ServerDefinition, config: RuntimeConfig, env: NodeJS.ProcessEnv, logger: Logger): Promise<Trust> {
  const home = platformHome(env);
  return createTrust(definition, logger, {
    store: await openActionStore(config, defaultStorePath(home, definition.name), logger),
    approvalKeys: approvalKeys(config.MCP_APPROVAL_SECRET, config.MCP_APPROVAL_PREVIOUS_SECRETS, join(home, "approval.key")),
    approvalTtlSeconds: config.MCP_APPROVAL_TTL_SECONDS,
    undoLeaseSeconds: config.MCP_UNDO_LEASE_SECONDS,
    disabledTools: config.MCP_DISABLED_TOOLS,
    ...(config.MCP_DISABLED_TOOLS_FILE ? { disabledToolsFile: config.MCP_DISABLED_TOOLS_FILE } : {}),
    recordToolPayloads: config.MCP_TRACE_TOOL_PAYLOADS === "true",
  });
}
