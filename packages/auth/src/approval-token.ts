import { createHash, randomUUID } from "node:crypto";
import { SignJWT } from "jose/jwt/sign";
import { jwtVerify } from "jose/jwt/verify";
import { decodeProtectedHeader } from "jose/decode/protected_header";

const TYPE = "mcp-approval+jwt";

/** What an approval is bound to: who may use it, on which server, for which call with exactly which arguments. */
export interface ApprovalClaims {
  subject: string;
  server: string;
  /** The call it is for: a tool name, or `prompts/get <name>` and the like for input rounds. */
  tool: string;
  argumentsHash: string;
}

export interface IssuedApproval {
  token: string;
  id: string;
  expiresAt: number;
}

export type VerifiedApproval<T> = { ok: true; id: string; expiresAt: number; data: T } | { ok: false; reason: string; expired: boolean };

/**
 * Short-lived approvals signed with keys every replica shares (HS256: the server is both issuer and
 * verifier). Each token names its key (`kid`, derived from the key itself), so an operator can
 * rotate: new approvals use the first key, and tokens signed with a previous key keep verifying
 * until they expire. Single use is the caller's business (its store).
 */
export class ApprovalTokens {
  readonly #signing: { kid: string; key: Uint8Array };
  readonly #byKid: Map<string, Uint8Array>;
  readonly #ttlSeconds: number;

  /** `keys[0]` signs; every key verifies. */
  constructor(keys: readonly Uint8Array[], ttlSeconds: number) {
    if (keys.length === 0 || keys.some((key) => key.length < 32)) throw new Error("Approval keys must be at least 32 bytes");
    const named = keys.map((key) => ({ kid: keyId(key), key }));
    this.#signing = named[0]!;
    this.#byKid = new Map(named.map(({ kid, key }) => [kid, key]));
    this.#ttlSeconds = ttlSeconds;
  }

  get ttlSeconds(): number {
    return this.#ttlSeconds;
  }

  /** Signs `claims`, plus `data` the caller gets back on verify (integrity-protected, not secret). */
  async issue(claims: ApprovalClaims, data: Record<string, unknown> = {}): Promise<IssuedApproval> {
    const id = randomUUID();
    const expiresAt = Math.floor(Date.now() / 1000) + this.#ttlSeconds;
    const token = await new SignJWT({ ...data, tool: claims.tool, args: claims.argumentsHash })
      .setProtectedHeader({ alg: "HS256", typ: TYPE, kid: this.#signing.kid })
      .setSubject(claims.subject)
      .setAudience(claims.server)
      .setJti(id)
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(this.#signing.key);
    return { token, id, expiresAt };
  }

  /** The token's id and data when it is valid for exactly these claims, else a reason it is not. */
  async verify<T = Record<string, unknown>>(token: string, expected: ApprovalClaims): Promise<VerifiedApproval<T>> {
    const refused = (reason: string, expired = false) => ({ ok: false as const, reason, expired });
    let key: Uint8Array | undefined;
    try {
      key = this.#byKid.get(decodeProtectedHeader(token).kid ?? "");
    } catch {
      return refused("the approval is malformed");
    }
    if (!key) return refused("the approval was signed with a key this server does not hold");
    try {
      const { payload } = await jwtVerify(token, key, { algorithms: ["HS256"], typ: TYPE });
      if (payload.aud !== expected.server) return refused("the approval was issued by another server");
      if (payload.sub !== expected.subject) return refused("the approval was issued to another principal");
      if (payload.tool !== expected.tool) return refused("the approval was issued for another call");
      if (payload.args !== expected.argumentsHash) return refused("the arguments differ from the approved ones");
      const { sub: _s, aud: _a, jti, iat: _i, exp, tool: _t, args: _h, ...data } = payload;
      return { ok: true, id: jti!, expiresAt: exp!, data: data as T };
    } catch (error) {
      const expired = (error as { code?: string }).code === "ERR_JWT_EXPIRED";
      return refused(expired ? "the approval has expired" : "the approval is invalid", expired);
    }
  }
}

/** A key's public name: a short hash, so tokens say which key signed them without revealing it. */
function keyId(key: Uint8Array): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 12);
}

/** A stable hash of tool arguments: key order does not matter, values do. */
export function argumentsHash(args: unknown): string {
  return createHash("sha256").update(canonicalJson(args)).digest("base64url");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
