import { request } from "node:http";
import { InMemoryServerEventBus } from "@modelcontextprotocol/server";
import { pino, type Logger } from "pino";
import { createHttpServer, type HttpServer } from "../http/http-server.js";
import { loadConfig } from "../config.js";
import type { ServerDefinition } from "../definition/define.js";
import { createTrust, type TrustOptions } from "../policy/trust.js";
import { mcpHttpRequest } from "../protocol/http-request.js";
import { ProtocolServerFactory } from "../protocol/server-factory.js";

export const MCP_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };
export const PROTOCOLS = ["2026-07-28", "2025-11-25"] as const;

/** Serves a definition on a free loopback port for one test file. */
export async function listen(
  definition: ServerDefinition,
  env: NodeJS.ProcessEnv = {},
  trust: TrustOptions = {},
  logger: Logger = pino({ level: "silent" }),
): Promise<{ url: string; http: HttpServer }> {
  const config = loadConfig({ MCP_TRANSPORT: "http", PORT: "0", MCP_AUTH: "off", ...env });
  const factory = new ProtocolServerFactory(definition, logger, createTrust(definition, logger, trust));
  const http = createHttpServer(factory, config, logger, new InMemoryServerEventBus());
  const { port } = await http.listen();
  // Leave no store or watcher behind when the test server drains.
  http.server.once("close", () => void factory.trust.close());
  return { url: `http://127.0.0.1:${port}`, http };
}

/** A `tools/call` over HTTP in the given revision (2026-07-28 unless said otherwise). */
export function callTool(
  url: string,
  name: string,
  args: unknown,
  id: number | string = 1,
  protocol: string = PROTOCOLS[0],
  signal?: AbortSignal,
): Promise<Response> {
  const { headers, body } = mcpHttpRequest({ id, method: "tools/call", params: { name, arguments: args } }, protocol);
  return fetch(`${url}/mcp`, { method: "POST", headers, body, ...(signal ? { signal } : {}) });
}

/** node:http, because fetch will not let a caller set the Host header. */
export function postWithHost(url: string, host: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/mcp`, { method: "POST", headers: { ...MCP_HEADERS, host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once("error", reject);
    req.end(body);
  });
}
