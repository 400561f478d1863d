import type { IncomingHttpHeaders } from "node:http";
import type { HeaderParameter } from "../definition/header-parameters.js";
import { NAME_HEADER_SOURCE, nameHeaderValue } from "../protocol/name-header.js";

/** MCP's code for HTTP headers that disagree with the body they travel with (HTTP 400). */
export const HEADER_MISMATCH = -32020;

const SENTINEL = /^=\?base64\?(.*)\?=$/;
const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Why a 2026-07-28 request's standard headers do not match its body, or undefined: gateways may
 * route and rate-limit on `Mcp-Method` / `Mcp-Name`, so the server must refuse a request whose
 * headers say something else than the body it executes. (The protocol version and method headers
 * are compared with the body by the SDK's classifier; this is the presence and name half.)
 */
export function standardHeaderMismatch(method: string, params: unknown, headers: IncomingHttpHeaders): string | undefined {
  if (headers["mcp-protocol-version"] === undefined) return "the required MCP-Protocol-Version header is absent";
  if (headers["mcp-method"] === undefined) return `the body names method ${method} but the required Mcp-Method header is absent`;
  const value = nameHeaderValue(method, params);
  if (typeof value !== "string") return undefined;
  const field = NAME_HEADER_SOURCE[method]!;
  const header = single(headers["mcp-name"]);
  if (header === undefined) return `the body carries params.${field}="${value}" but the required Mcp-Name header is absent`;
  const decoded = decodeHeaderValue(header.trim());
  if (decoded === undefined) return "the Mcp-Name header carries an invalid Base64 sentinel value";
  if (decoded !== value) return `the body carries params.${field}="${value}" but the Mcp-Name header names "${decoded}"`;
  return undefined;
}

/** Why a `tools/call`'s `Mcp-Param-*` headers do not match its arguments, or undefined. */
export function parameterHeaderMismatch(parameters: readonly HeaderParameter[], args: unknown, headers: IncomingHttpHeaders): string | undefined {
  for (const { path, header, type } of parameters) {
    const value = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], args);
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") continue;
    const name = `Mcp-Param-${header}`;
    const raw = single(headers[name.toLowerCase()]);
    if (raw === undefined) return `the body carries ${path.join(".")}=${JSON.stringify(value)} but the ${name} header is absent`;
    const decoded = decodeHeaderValue(raw.trim());
    if (decoded === undefined) return `the ${name} header carries an invalid Base64 sentinel value`;
    const numeric = type === "integer" && typeof value === "number" && DECIMAL.test(decoded);
    if (numeric ? Number(decoded) !== value : decoded !== String(value)) {
      return `the ${name} header says ${JSON.stringify(decoded)} but the body carries ${path.join(".")}=${JSON.stringify(value)}`;
    }
  }
  return undefined;
}

/** A header value as sent, or decoded from the `=?base64?…?=` sentinel; undefined if that is malformed. */
export function decodeHeaderValue(value: string): string | undefined {
  const encoded = SENTINEL.exec(value)?.[1];
  if (encoded === undefined) return value;
  if (!CANONICAL_BASE64.test(encoded)) return undefined;
  return Buffer.from(encoded, "base64").toString("utf8");
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
