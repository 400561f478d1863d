import { AuthError } from "./auth-error.js";

/** Tokens longer than this are refused before any parsing: no real access token is this big. */
export const MAX_TOKEN_LENGTH = 8192;

/** The token of an `Authorization: Bearer …` header (RFC 6750), or why there is none usable. */
export function bearerToken(header: string | undefined): string {
  if (header === undefined || header === "") throw new AuthError("missing_token", "Authorization required");
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec(header);
  if (!match) throw new AuthError("malformed_header", "Authorization header must be 'Bearer <token>'");
  if (match[1]!.length > MAX_TOKEN_LENGTH) throw new AuthError("token_too_large", "Token is too large");
  return match[1]!;
}
