import { createHash, randomUUID } from "node:crypto";
import { SignJWT } from "jose/jwt/sign";
import { jwtVerify } from "jose/jwt/verify";

const TYPE = "mcp-approval+jwt";

/** What an approval token is bound to: who may use it, for which tool, with exactly which arguments. */
export interface ApprovalClaims {
  subject: string;
  server: string;
  tool: string;
  argumentsHash: string;
}

export interface IssuedApproval {
  token: string;
  id: string;
  expiresAt: number;
}

/**
 * Short-lived approval tokens for the plan/confirm flow, signed with a key every replica shares
 * (HS256: the server is both issuer and verifier). Single use is enforced by the caller's store.
 */
export class ApprovalTokens {
  readonly #key: Uint8Array;
  readonly #ttlSeconds: number;

  constructor(secret: Uint8Array, ttlSeconds: number) {
    if (secret.length < 32) throw new Error("Approval key must be at least 32 bytes");
    this.#key = secret;
    this.#ttlSeconds = ttlSeconds;
  }

  async issue(claims: ApprovalClaims): Promise<IssuedApproval> {
    const id = randomUUID();
    const expiresAt = Math.floor(Date.now() / 1000) + this.#ttlSeconds;
    const token = await new SignJWT({ tool: claims.tool, args: claims.argumentsHash })
      .setProtectedHeader({ alg: "HS256", typ: TYPE })
      .setSubject(claims.subject)
      .setAudience(claims.server)
      .setJti(id)
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(this.#key);
    return { token, id, expiresAt };
  }

  /** Returns the token's id when it is valid for exactly these claims, else a reason it is not. */
  async verify(token: string, expected: ApprovalClaims): Promise<{ ok: true; id: string } | { ok: false; reason: string }> {
    try {
      const { payload } = await jwtVerify(token, this.#key, { algorithms: ["HS256"], typ: TYPE, audience: expected.server });
      if (payload.sub !== expected.subject) return { ok: false, reason: "the approval was issued to another principal" };
      if (payload.tool !== expected.tool) return { ok: false, reason: "the approval was issued for another tool" };
      if (payload.args !== expected.argumentsHash) return { ok: false, reason: "the arguments differ from the approved ones" };
      return { ok: true, id: payload.jti! };
    } catch (error) {
      const expired = (error as { code?: string }).code === "ERR_JWT_EXPIRED";
      return { ok: false, reason: expired ? "the approval has expired" : "the approval token is invalid" };
    }
  }
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
