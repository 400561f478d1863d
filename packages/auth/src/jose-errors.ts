import * as errors from "jose/errors";
import { AuthError, wrongAudience, wrongIssuer } from "./auth-error.js";

/** Maps jose's verification errors to the kit's reasons, with caller-safe descriptions. */
export function toAuthError(error: unknown, audience: string, issuer: string): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof errors.JWTExpired) return new AuthError("expired", "Token has expired");
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return wrongIssuer(issuer, error.payload.iss);
    if (error.claim === "aud") return wrongAudience(audience);
    if (error.claim === "nbf") return new AuthError("not_yet_valid", "Token is not valid yet");
    return new AuthError("invalid_claims", `Token claim "${error.claim}" is invalid`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new AuthError("disallowed_algorithm", "Token algorithm is not allowed");
  if (error instanceof errors.JWKSNoMatchingKey) return new AuthError("unknown_key", "Token was signed with an unknown key");
  if (error instanceof errors.JWSSignatureVerificationFailed) return new AuthError("invalid_signature", "Token signature is invalid");
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return new AuthError("issuer_unreachable", "The issuer's keys could not be fetched");
  }
  if (error instanceof errors.JOSEError) return new AuthError("malformed_token", "Token is malformed");
  return new AuthError("issuer_unreachable", "Token could not be checked");
}
