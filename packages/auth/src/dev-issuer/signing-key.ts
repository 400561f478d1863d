import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";

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
    await writeFile(path, JSON.stringify(privateJwk), { mode: 0o600, flag: "wx" }).catch(async (writeError: unknown) => {
      // Another process created the key first: use theirs so both agree.
      if ((writeError as NodeJS.ErrnoException).code !== "EEXIST") throw writeError;
      privateJwk = JSON.parse(await readFile(path, "utf8")) as JWK;
    });
  }
  const { d: _private, ...publicJwk } = privateJwk;
  return { privateKey: (await importJWK(privateJwk, ALGORITHM)) as CryptoKey, publicJwk, kid: privateJwk.kid! };
}
