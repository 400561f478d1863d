import { execFile } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { selfSignedCertificate } from "@mcp-platform/test-services";
import { exportJWK, generateKeyPair } from "jose";
import { describe, expect, it } from "vitest";
import { signedToken } from "./test-fixtures/signed-token.js";

const AUDIENCE = "https://mcp.example.com/mcp";
const built = fileURLToPath(new URL("../dist/index.js", import.meta.url));

/** Verifies `token` in a new process, as a server does at start (Node reads NODE_EXTRA_CA_CERTS then). */
async function verifyInProcess(issuer: string, token: string, extraCaFile?: string): Promise<unknown> {
  const script = `
    import { createTokenVerifier } from ${JSON.stringify(built)};
    const verifier = createTokenVerifier({ issuer: ${JSON.stringify(issuer)}, audience: ${JSON.stringify(AUDIENCE)} });
    const outcome = await verifier.verify(${JSON.stringify(token)}).then(
      (principal) => ({ subject: principal.subject }),
      (error) => ({ status: error.status, message: error.message, detail: error.detail }),
    );
    process.stdout.write(JSON.stringify(outcome));`;
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  if (extraCaFile) env.NODE_EXTRA_CA_CERTS = extraCaFile;
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], { env });
  return JSON.parse(stdout);
}

describe("an issuer on HTTPS whose certificate an internal CA signed", () => {
  it("is refused until Node is given the CA in NODE_EXTRA_CA_CERTS; the log, not the caller, hears which certificate failed and what to set", async () => {
    const tls = selfSignedCertificate();
    const signing = await generateKeyPair("ES256");
    const jwk = { ...(await exportJWK(signing.publicKey)), kid: "k1", alg: "ES256", use: "sig" };
    let issuer = "";
    const server = createServer(tls, (req, res) => {
      const body =
        req.url === "/.well-known/oauth-authorization-server" ? { issuer, jwks_uri: `${issuer}/jwks` } : req.url === "/jwks" ? { keys: [jwk] } : undefined;
      res.writeHead(body ? 200 : 404, { "content-type": "application/json" }).end(JSON.stringify(body ?? {}));
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    issuer = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const token = await signedToken({ key: signing.privateKey, kid: "k1", issuer, audience: AUDIENCE, subject: "alice" });
      const caFile = join(mkdtempSync(join(tmpdir(), "internal-ca-")), "ca.pem");
      writeFileSync(caFile, tls.cert);

      const untrusted = await verifyInProcess(issuer, token);
      const locations = ["oauth-authorization-server", "openid-configuration"].map((name) => `${issuer}/.well-known/${name}`);
      expect(untrusted).toEqual({
        status: 503,
        // What a caller may read: where the metadata was looked for, nothing about this network.
        message: `No authorization server metadata with a jwks_uri found for ${issuer}: tried ${locations.map((url) => `${url} (unreachable)`).join(", ")}`,
        detail: expect.stringMatching(
          new RegExp(
            `^No authorization server .* tried ${locations[0]} \\(unreachable: self-signed certificate.*\\(an untrusted certificate: give Node the CA's PEM in NODE_EXTRA_CA_CERTS\\)\\), `,
          ),
        ) as string,
      });
      // Node ignores a file it cannot read without a word: the log says which file was set.
      const misspelt = join(caFile, "..", "ca.pme");
      await expect(verifyInProcess(issuer, token, misspelt)).resolves.toMatchObject({
        status: 503,
        detail: expect.stringContaining(
          `(an untrusted certificate: NODE_EXTRA_CA_CERTS is ${misspelt}, which Node could not read at start or which holds another CA)`,
        ) as string,
      });
      await expect(verifyInProcess(issuer, token, caFile)).resolves.toEqual({ subject: "alice" });
    } finally {
      server.close();
    }
  });
});
