import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { SetLevelRequestSchema, type ClientCapabilities, type LoggingLevel } from "@modelcontextprotocol/sdk/types.js";

const SEVERITY: Record<LoggingLevel, number> = {
  debug: 0,
  info: 1,
  notice: 2,
  warning: 3,
  error: 4,
  critical: 5,
  alert: 6,
  emergency: 7,
};

/**
 * What one connected client told this server instance: its capabilities and its log level. It lives
 * and dies with the SDK server it belongs to (one per request in stateless HTTP, one per session
 * otherwise), so nothing one caller set can reach the next.
 */
export class ClientSession {
  #level: LoggingLevel | undefined;
  readonly #server: Server;

  constructor(server: Server) {
    this.#server = server;
    server.setRequestHandler(SetLevelRequestSchema, (request) => {
      this.#level = request.params.level;
      return {};
    });
  }

  get capabilities(): ClientCapabilities | undefined {
    return this.#server.getClientCapabilities();
  }

  /** Log messages below the level the client set are not sent (MCP logging). */
  wants(level: LoggingLevel): boolean {
    return this.#level === undefined || SEVERITY[level] >= SEVERITY[this.#level];
  }
}
