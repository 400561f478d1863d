import type { IncomingMessage, ServerResponse } from "node:http";
import { createMcpHandler, type McpHttpHandler, type ServerEventBus } from "@modelcontextprotocol/server";
import type { Logger } from "pino";
import { authInfoConnection, authInfoFor, type RequestScope } from "../protocol/request-scope.js";
import type { ProtocolServerFactory } from "../protocol/server-factory.js";
import { sendWebResponse, toWebRequest } from "./web-adapter.js";

/**
 * The SDK's own HTTP handler, for what the kit's multiplexed path does not serve: 2026-07-28
 * `subscriptions/listen` streams (fed by the kit's event bus) and the 2025 requests that set client
 * state (`initialize`, `logging/setLevel`) or come as batches, each on a server of its own.
 */
export class SdkEndpoint {
  readonly #handler: McpHttpHandler;
  readonly #keepAliveMs: number;

  constructor(factory: ProtocolServerFactory, bus: ServerEventBus, limits: { maxBodyBytes: number; keepAliveMs: number }, logger: Logger) {
    this.#keepAliveMs = limits.keepAliveMs;
    this.#handler = createMcpHandler(({ era }) => factory.create(authInfoConnection(false), era), {
      bus,
      maxRequestBodySize: limits.maxBodyBytes,
      onerror: (error) => logger.debug({ err: error }, "request refused or failed in the SDK's handler"),
    });
  }

  async serve(req: IncomingMessage, res: ServerResponse, body: unknown, { principal, clientAddress }: RequestScope): Promise<void> {
    const response = await this.#handler.fetch(toWebRequest(req, res), {
      authInfo: authInfoFor(principal, clientAddress),
      ...(body === undefined ? {} : { parsedBody: body }),
    });
    await sendWebResponse(response, res, this.#keepAliveMs);
  }

  close(): Promise<void> {
    return this.#handler.close();
  }
}
