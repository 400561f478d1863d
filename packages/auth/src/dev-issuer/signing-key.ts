import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";
import { writeKeyFileOnce } from "../key-file.js";

export interface DevSigningKey {
  privateKey: CryptoKey;
  publicJwk: JWK;
  kid: string;
}

const ALGORITHM = "ES256";

/**
 * The dev issuer's ES256 key pair, generated once and kept (mode 0600) under `<home>/dev-issuer/`,
 * so tokens minted by `mcp-platform dev-token` verify against the JWKS the dev issuer serves.
 */
export async function loadOrCreateSigningKey(home: string): Promise<DevSigningKey> {
  const directory = join(home, "dev-issuer");
  const path = join(directory, "signing-key.json");
  let privateJwk: JWK;
  try {
    privateJwk = JSON.parse(await readFile(path, "utf8")) as JWK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), alg: ALGORITHM, use: "sig" };
    privateJwk.kid = await calculateJwkThumbprint(privateJwk);
    await mkdir(directory, { recursive: true, mode: 0o700 });
    privateJwk = JSON.parse(writeKeyFileOnce(path, JSON.stringify(privateJwk)).toString("utf8")) as JWK;
  }
  const { d: _private, ...publicJwk } = privateJwk;
  return { privateKey: (await importJWK(privateJwk, ALGORITHM)) as CryptoKey, publicJwk, kid: privateJwk.kid! };
}
