import { execFile } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { mintDevToken, startDevIssuer } from "./dev-issuer/index.js";
import { getIssuerDocument } from "./issuer-document.js";

let server: Server | undefined;
afterEach(() => server?.closeAllConnections() ?? undefined);
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serving(listener: RequestListener): Promise<URL> {
  server = createServer(listener).listen(0, "127.0.0.1");
  await once(server, "listening");
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/doc`);
}

describe("getIssuerDocument", () => {
  it("reads the status and JSON, asking for what the caller accepts, and follows no redirect", async () => {
    let accept: string | undefined;
    const url = await serving((req, res) => {
      accept = req.headers.accept;
      if (req.url === "/doc") res.writeHead(302, { location: "/elsewhere" }).end();
      else res.end('{"keys":[]}');
    });
    await expect(getIssuerDocument(url, 1000, "application/jwk-set+json")).resolves.toEqual({ status: 302, json: undefined });
    expect(accept).toBe("application/jwk-set+json");
    await expect(getIssuerDocument(new URL("/other", url), 1000)).resolves.toEqual({ status: 200, json: { keys: [] } });
  });

  it("gives up on an issuer that does not answer in time, naming the URL", async () => {
    const url = await serving(() => undefined);
    await expect(getIssuerDocument(url, 200)).rejects.toMatchObject({
      reason: "issuer_unreachable",
      message: `${url.href} could not be read`,
      detail: `${url.href} could not be read: no answer within 200 ms`,
    });
  });

  it("gives up on one that trickles its answer past the deadline: the deadline is the whole answer's", async () => {
    const url = await serving((_req, res) => {
      res.writeHead(200);
      const drip = setInterval(() => res.write(" "), 50);
      res.once("close", () => clearInterval(drip));
    });
    await expect(getIssuerDocument(url, 300)).rejects.toMatchObject({ detail: `${url.href} could not be read: no answer within 300 ms` });
  });

  it("stops reading an answer past 1 MiB, which no metadata or key set is", async () => {
    const url = await serving((_req, res) => {
      res.write(`{"keys":["${"x".repeat(1024 * 1024)}`);
      // Never ends: the reader must stop on size, not wait for the end.
    });
    await expect(getIssuerDocument(url, 5000)).rejects.toMatchObject({ detail: `${url.href} could not be read: larger than 1048576 bytes` });
  });

  it("checks a token against a real issuer without loading Node's fetch client (a separate process, as a server starts)", async () => {
    const home = mkdtempSync(join(tmpdir(), "issuer-document-"));
    const issuer = await startDevIssuer({ home });
    try {
      const audience = "http://127.0.0.1:1/mcp";
      const token = await mintDevToken({ home, issuer: issuer.issuer, audience, scopes: ["runbooks:read"], subject: "alice" });
      const built = fileURLToPath(new URL("../dist/index.js", import.meta.url));
      const script = `
        import { createTokenVerifier } from ${JSON.stringify(built)};
        const verifier = createTokenVerifier({ issuer: ${JSON.stringify(issuer.issuer)}, audience: ${JSON.stringify(audience)} });
        const principal = await verifier.verify(${JSON.stringify(token)});
        const undici = process.moduleLoadList.filter((name) => name.includes("undici"));
        process.stdout.write(JSON.stringify({ subject: principal.subject, undici }));`;
      const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script]);
      expect(JSON.parse(stdout)).toEqual({ subject: "alice", undici: [] });
    } finally {
      await issuer.close();
    }
  });
});
