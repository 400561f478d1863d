import { fileURLToPath } from "node:url";
import { mcpHttpRequest, type McpMessage } from "../protocol/http-request.js";

/** The kit-owned server that tests start as a real process (`startServerProcess`), scopes `switches:*`. */
export const SWITCHES_FIXTURE = fileURLToPath(new URL("../../test/fixtures/switches-server.mjs", import.meta.url));

export interface RawReply {
  status: number;
  headers: Headers;
  /** `WWW-Authenticate`, or "" */
  challenge: string;
  body: string;
}

/** One JSON-RPC message POSTed in the given revision, with a bearer token and extra headers if given. */
export async function postMcp(
  url: string,
  message: McpMessage,
  protocol: string,
  options: { authorization?: string; headers?: Record<string, string>; capabilities?: Record<string, unknown> } = {},
): Promise<RawReply> {
  const { headers, body } = mcpHttpRequest(message, protocol, options.capabilities);
  const response = await fetch(url, {
    method: "POST",
    headers: { ...headers, ...(options.authorization === undefined ? {} : { authorization: options.authorization }), ...options.headers },
    body,
  });
  return { status: response.status, headers: response.headers, challenge: response.headers.get("www-authenticate") ?? "", body: await response.text() };
}
