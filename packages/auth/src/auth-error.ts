/** Why a request's credentials were refused; `reason` feeds the auth-failure metric and audit. */
export type AuthFailureReason =
  | "missing_token"
  | "malformed_header"
  | "malformed_token"
  | "token_too_large"
  | "invalid_signature"
  | "unknown_key"
  | "disallowed_algorithm"
  | "expired"
  | "not_yet_valid"
  | "wrong_issuer"
  | "wrong_audience"
  | "invalid_claims"
  | "inactive"
  | "issuer_unreachable";

/**
 * A refused credential. `description` is safe to return to the caller in `error_description`:
 * it names what was wrong, never the token or key material.
 */
export class AuthError extends Error {
  override readonly name = "AuthError";
  readonly reason: AuthFailureReason;
  /** 401 for the caller's credentials; 503 when the issuer cannot be reached to check them. */
  readonly status: 401 | 503;
  /** For the server's log only: what an operator needs (an internal address, a TLS error) and a caller must not see. */
  readonly detail: string;

  constructor(reason: AuthFailureReason, description: string, detail = description) {
    super(description);
    this.reason = reason;
    this.status = reason === "issuer_unreachable" ? 503 : 401;
    this.detail = detail;
  }
}

/**
 * Names the audience expected (this resource's public URL, never the token's claim, which the caller
 * controls): a dev token minted for another port is the usual cause.
 */
export function wrongAudience(audience: string): AuthError {
  return new AuthError("wrong_audience", `Token is not meant for this resource (its audience must be ${audience})`);
}

/**
 * Names the issuer this resource trusts (public: it is in the protected-resource metadata), and
 * says when the token's `iss` differs from it only by a trailing slash, the usual misconfiguration
 * (some identity providers put one in `iss`, some do not). The claim itself is not echoed.
 */
export function wrongIssuer(issuer: string, claimed: unknown): AuthError {
  const trim = (value: string) => value.replace(/\/+$/, "");
  const slashOnly = typeof claimed === "string" && trim(claimed) === trim(issuer);
  const hint = slashOnly ? "; the token's iss differs from it only by a trailing slash" : "";
  return new AuthError("wrong_issuer", `Token was issued by another issuer (this resource trusts iss ${issuer} exactly${hint})`);
}
