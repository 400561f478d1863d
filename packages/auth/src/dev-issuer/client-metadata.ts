import { get } from "node:https";
import { get as getHttp } from "node:http";

/** What the dev issuer needs from an OAuth Client ID Metadata Document. */
export interface ClientMetadata {
  clientId: string;
  name: string;
  redirectUris: string[];
}

const MAX_DOCUMENT_BYTES = 5 * 1024;
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** A client the dev issuer cannot talk to: shown on a page, never sent to its redirect URI (not yet trusted). */
export class ClientRejected extends Error {
  override name = "ClientRejected";
}

/**
 * The client behind `client_id`, which (as MCP 2026-07-28 prefers over dynamic registration) is the
 * HTTPS URL of its metadata document: fetched, and held to naming itself. Plain HTTP is accepted for
 * loopback clients only. `ca` adds trusted certificates (tests serve documents with their own).
 */
export async function fetchClientMetadata(clientId: string, ca?: string): Promise<ClientMetadata> {
  const url = URL.canParse(clientId) ? new URL(clientId) : undefined;
  if (!url || !(url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname))) || url.pathname === "/") {
    throw new ClientRejected(`client_id must be the HTTPS URL of a client metadata document (got ${JSON.stringify(clientId)})`);
  }
  const document = await download(url, ca).catch((error: Error) => {
    throw new ClientRejected(`The client metadata document at ${clientId} could not be fetched: ${error.message}`);
  });
  const metadata = (() => {
    try {
      return JSON.parse(document) as { client_id?: unknown; client_name?: unknown; redirect_uris?: unknown };
    } catch {
      throw new ClientRejected(`The client metadata document at ${clientId} is not JSON`);
    }
  })();
  if (metadata.client_id !== clientId) throw new ClientRejected(`The client metadata document at ${clientId} names another client_id`);
  const redirectUris = Array.isArray(metadata.redirect_uris) ? metadata.redirect_uris.filter((uri): uri is string => typeof uri === "string") : [];
  if (redirectUris.length === 0) throw new ClientRejected(`The client metadata document at ${clientId} has no redirect_uris`);
  return { clientId, name: typeof metadata.client_name === "string" ? metadata.client_name : clientId, redirectUris };
}

/** RFC 8252: a native client's loopback redirect may use any port; everything else must match exactly. */
export function allowsRedirect(client: ClientMetadata, redirectUri: string): boolean {
  if (client.redirectUris.includes(redirectUri)) return true;
  if (!URL.canParse(redirectUri)) return false;
  const asked = new URL(redirectUri);
  return client.redirectUris.some((uri) => {
    if (!URL.canParse(uri)) return false;
    const registered = new URL(uri);
    return asked.protocol === "http:" && LOOPBACK.has(asked.hostname) && registered.hostname === asked.hostname && registered.pathname === asked.pathname;
  });
}

function download(url: URL, ca: string | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === "https:" ? get : getHttp)(
      url,
      { ...(ca ? { ca } : {}), timeout: 5000, headers: { accept: "application/json" } },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          return reject(new Error(`HTTP ${response.statusCode}`));
        }
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          body += chunk;
          if (body.length > MAX_DOCUMENT_BYTES) response.destroy(new Error(`larger than ${MAX_DOCUMENT_BYTES} bytes`));
        });
        response.on("end", () => resolve(body));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error("no answer within 5 s")));
    request.on("error", reject);
  });
}
