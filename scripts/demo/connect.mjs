// Real MCP clients (the official SDK's) on a server process, with a bearer token from the dev issuer.
import { Client } from "@modelcontextprotocol/client";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { Client as LegacyClient } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as LegacyHttpTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

/**
 * The SDK v2 client speaking MCP 2026-07-28. `onQuestion` plays the human: it gets each form the
 * server asks (an approval, say) and returns the answer.
 */
export async function connect(url, token, onQuestion) {
  const capabilities = onQuestion ? { elicitation: { form: {} } } : {};
  const client = new Client({ name: "demo", version: "1.0.0" }, { capabilities, versionNegotiation: { mode: { pin: "2026-07-28" } } });
  if (onQuestion) client.setRequestHandler("elicitation/create", (request) => onQuestion(request.params));
  const authProvider = token ? { token: () => Promise.resolve(token) } : undefined;
  await client.connect(new StreamableHTTPClientTransport(new URL(url), authProvider ? { authProvider } : {}));
  return client;
}

/** The v1 SDK client (2025-11-25, `initialize`), as clients built before 2026-07-28 still connect. */
export async function connectLegacy(url, token) {
  const client = new LegacyClient({ name: "demo-legacy", version: "1.0.0" });
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  await client.connect(new LegacyHttpTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

/** A raw JSON-RPC POST, for showing what the HTTP layer answers (status codes, challenges). */
export async function post(url, body, token, headers = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...headers,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, challenge: response.headers.get("www-authenticate"), body: await response.text() };
}
