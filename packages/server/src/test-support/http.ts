import { request } from "node:http";
import { pino, type Logger } from "pino";
import { createHttpServer, type HttpServer } from "../http/http-server.js";
import { loadConfig } from "../config.js";
import type { ServerDefinition } from "../define.js";
import { createTrust, type TrustOptions } from "../policy/trust.js";
import { ProtocolServerFactory } from "../protocol-server.js";

export const MCP_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };

/** Serves a definition on a free loopback port for one test file. */
export async function listen(
  definition: ServerDefinition,
  env: NodeJS.ProcessEnv = {},
  trust: TrustOptions = {},
  logger: Logger = pino({ level: "silent" }),
): Promise<{ url: string; http: HttpServer }> {
  const config = loadConfig({ MCP_TRANSPORT: "http", PORT: "0", MCP_AUTH: "off", ...env });
  const factory = new ProtocolServerFactory(definition, logger, createTrust(definition, logger, trust));
  const http = createHttpServer(factory, config, logger);
  const { port } = await http.listen();
  // Leave no store or watcher behind when the test server drains.
  http.server.once("close", () => void factory.trust.close());
  return { url: `http://127.0.0.1:${port}`, http };
}

export function callTool(url: string, name: string, args: unknown, id: number | string = 1): Promise<Response> {
  return fetch(`${url}/mcp`, {
    method: "POST",
    headers: MCP_HEADERS,
    body: JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } }),
  });
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

