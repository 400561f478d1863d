/**
 * For the kit's own packages (testing, bench), not for team servers: the pieces behind `serve()`.
 * Not covered by semver.
 */
export { createLogger } from "./logger.js";
export { ProtocolServerFactory } from "./protocol-server.js";
export { createTrust, type TrustOptions } from "./policy/trust.js";
