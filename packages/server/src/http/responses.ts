import type { ServerResponse } from "node:http";

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

/** A JSON-RPC error answered before any handler saw the request (id null when there is no single request). */
export function sendJsonRpcError(
  res: ServerResponse,
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
  id: string | number | null = null,
  data?: unknown,
): void {
  sendJson(res, status, { jsonrpc: "2.0", id, error: { code, message, ...(data === undefined ? {} : { data }) } }, headers);
}

export const JSON_RPC = { parseError: -32700, invalidRequest: -32600, serverError: -32000 } as const;
