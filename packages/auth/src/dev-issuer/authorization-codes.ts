import { createHash, randomBytes } from "node:crypto";

/** An authorization request a person has yet to approve, or a code that approval issued. */
export interface Grant {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  resource: string;
  state: string | undefined;
  subject?: string;
}

const CONSENT_TTL_MS = 10 * 60_000;
const CODE_TTL_MS = 60_000;

/**
 * Pending consents and issued codes, in memory: single use, short-lived (RFC 6749 §4.1.2 asks
 * codes to live minutes at most), each redeemed only with the PKCE verifier its request committed to.
 */
export class AuthorizationCodes {
  readonly #consents = new Map<string, { grant: Grant; expires: number }>();
  readonly #codes = new Map<string, { grant: Grant; expires: number }>();

  ask(grant: Grant): string {
    return put(this.#consents, grant, CONSENT_TTL_MS);
  }

  /** The pending request behind a consent form, once. */
  answer(consentId: string): Grant | undefined {
    return take(this.#consents, consentId);
  }

  issue(grant: Grant): string {
    return put(this.#codes, grant, CODE_TTL_MS);
  }

  /** The grant a code was issued for, if the redemption matches it; a code is gone after one try. */
  redeem(code: string, redemption: { clientId: string; redirectUri: string; codeVerifier: string }): Grant | undefined {
    const grant = take(this.#codes, code);
    if (!grant || grant.clientId !== redemption.clientId || grant.redirectUri !== redemption.redirectUri) return undefined;
    const challenge = createHash("sha256").update(redemption.codeVerifier).digest("base64url");
    return challenge === grant.codeChallenge ? grant : undefined;
  }
}

function put(map: Map<string, { grant: Grant; expires: number }>, grant: Grant, ttlMs: number): string {
  const now = Date.now();
  for (const [key, entry] of map) if (entry.expires <= now) map.delete(key);
  const key = randomBytes(24).toString("base64url");
  map.set(key, { grant, expires: now + ttlMs });
  return key;
}

function take(map: Map<string, { grant: Grant; expires: number }>, key: string): Grant | undefined {
  const entry = map.get(key);
  map.delete(key);
  return entry && entry.expires > Date.now() ? entry.grant : undefined;
}
