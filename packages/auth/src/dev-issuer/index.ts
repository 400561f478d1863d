export { startDevIssuer, type DevIssuer } from "./issuer-server.js";
export { mintDevToken, type DevTokenRequest } from "./mint-token.js";
export { loadOrCreateSigningKey, type DevSigningKey } from "./signing-key.js";
