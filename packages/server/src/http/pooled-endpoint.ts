import type { IncomingMessage, ServerResponse } from "node:http";
import type { Principal } from "@mcp-platform/auth";
import { SUPPORTED_PROTOCOL_VERSIONS, type JSONRPCRequest } from "@modelcontextprotocol/sdk/types.js";
import { authInfoFor } from "../principal-of.js";
import { JSON_RPC, sendJsonRpcError } from "./responses.js";
import type { ServerPool } from "./server-pool.js";

/**
 * Stateless requests on prebuilt servers: no server, transport, web Request or Response is built
 * per call. The HTTP checks are the ones the SDK's transport makes (Accept, Content-Type, protocol
 * version), with the same status codes. A server whose caller left mid-call is cancelled and dropped.
 */
export async function handlePooled(pool: ServerPool, req: IncomingMessage, res: ServerResponse, request: JSONRPCRequest, principal: Principal): Promise<void> {
  const accept = req.headers.accept ?? "";
  if (!accept.includes("application/json") || !accept.includes("text/event-stream")) {
    return sendJsonRpcError(res, 406, JSON_RPC.serverError, "Not Acceptable: Client must accept both application/json and text/event-stream");
  }
  if (!req.headers["content-type"]?.includes("application/json")) {
    return sendJsonRpcError(res, 415, JSON_RPC.serverError, "Unsupported Media Type: Content-Type must be application/json");
  }
  const version = req.headers["mcp-protocol-version"];
  if (typeof version === "string" && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
    return sendJsonRpcError(res, 400, JSON_RPC.serverError, `Bad Request: Unsupported protocol version ${version} (supported: ${SUPPORTED_PROTOCOL_VERSIONS.join(", ")})`);
  }
  const pooled = await pool.acquire();
  let answered = false;
  let abandoned = false;
  const onClose = () => {
    if (answered) return;
    abandoned = true;
    pooled.transport.cancel(request.id);
  };
  res.once("close", onClose);
  const response = await pooled.transport.dispatch(request, {
    authInfo: authInfoFor(principal, req.socket.remoteAddress),
    requestInfo: { headers: req.headers },
  });
  answered = true;
  res.off("close", onClose);
  if (abandoned) pool.discard(pooled);
  else pool.release(pooled);
  if (res.destroyed) return;
  const payload = JSON.stringify(response);
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }).end(payload);
}
