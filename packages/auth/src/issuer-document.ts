import type * as NodeHttp from "node:http";
import type * as NodeHttps from "node:https";
import { createRequire } from "node:module";
import { AuthError } from "./auth-error.js";

const require = createRequire(import.meta.url);
/** Far above any metadata document or key set; an answer past it is not one. */
const MAX_BYTES = 1024 * 1024;
/** TLS errors that mean "signed by a CA this process does not trust": an internal CA, usually. */
const UNTRUSTED = new Set(["SELF_SIGNED_CERT_IN_CHAIN", "DEPTH_ZERO_SELF_SIGNED_CERT", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "UNABLE_TO_VERIFY_LEAF_SIGNATURE"]);

/** An issuer document that could not be read; `why` (a refused connection, an untrusted certificate) is for the log. */
export class IssuerUnreachable extends AuthError {
  constructor(
    readonly url: URL,
    readonly why: string,
  ) {
    super("issuer_unreachable", `${url.href} could not be read`, `${url.href} could not be read: ${why}`);
  }
}

export interface IssuerDocument {
  status: number;
  /** The body parsed as JSON; undefined when it is not JSON. */
  json: unknown;
}

/**
 * GETs one of the issuer's documents (its metadata, its key set) with node:http(s), following no
 * redirect. Node's `fetch` would do, but its HTTP client loads on first use and compiles its parser
 * then: ~50 ms before a server's first authenticated answer on a small machine, and ~1 MiB of heap
 * for the process's life, for a few small GETs. (`require`: importing node:http as a module loads
 * that client too, for the namespace's `WebSocket`.) A network failure or timeout rejects with
 * `IssuerUnreachable`.
 */
export function getIssuerDocument(url: URL, timeoutMs: number, accept = "application/json"): Promise<IssuerDocument> {
  const { get } = (url.protocol === "https:" ? require("node:https") : require("node:http")) as typeof NodeHttp | typeof NodeHttps;
  return new Promise((resolve, reject) => {
    const failed = (why: string) => {
      clearTimeout(deadline);
      reject(new IssuerUnreachable(url, why));
    };
    const request = get(url, { headers: { accept } }, (response) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > MAX_BYTES) return request.destroy(new Error(`larger than ${MAX_BYTES} bytes`));
        chunks.push(chunk);
      });
      response.once("end", () => {
        clearTimeout(deadline);
        resolve({ status: response.statusCode ?? 0, json: parseJson(Buffer.concat(chunks).toString("utf8")) });
      });
      response.once("error", (error) => failed(error.message));
    });
    // The whole answer, not each read: an issuer that trickles bytes is as stuck as a silent one.
    const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    request.once("error", (error: NodeJS.ErrnoException) => failed(UNTRUSTED.has(error.code ?? "") ? `${error.message} (${trustHint()})` : error.message));
  });
}

/** Node ignores a NODE_EXTRA_CA_CERTS file it cannot read without a word, so the hint says what was set. */
function trustHint(): string {
  const extra = process.env.NODE_EXTRA_CA_CERTS;
  if (!extra) return "an untrusted certificate: give Node the CA's PEM in NODE_EXTRA_CA_CERTS";
  return `an untrusted certificate: NODE_EXTRA_CA_CERTS is ${extra}, which Node could not read at start or which holds another CA`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
