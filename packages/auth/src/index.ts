export { ApprovalTokens, argumentsHash, type ApprovalClaims, type IssuedApproval, type VerifiedApproval } from "./approval-token.js";
export { AuthError, type AuthFailureReason } from "./auth-error.js";
export { bearerToken, MAX_TOKEN_LENGTH } from "./bearer.js";
export { insufficientScopeChallenge, unauthorizedChallenge } from "./challenge.js";
export type { IntrospectionOptions } from "./introspection.js";
export type { KeysOutageEvent } from "./last-known-keys.js";
export { hasScope, type Principal } from "./principal.js";
export { protectedResourceMetadata, resourceMetadataUrl, type ProtectedResourceMetadata } from "./resource-metadata.js";
export { createTokenVerifier, DEFAULT_ALGORITHMS, type TokenVerifier, type TokenVerifierOptions } from "./token-verifier.js";
