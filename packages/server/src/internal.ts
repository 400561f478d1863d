/**
 * For the kit's own packages (testing, bench), not for team servers: the pieces behind `serve()`.
 * Not covered by semver.
 */
export { createLogger } from "./logger.js";
export { createTrust, type Trust, type TrustOptions } from "./policy/trust.js";
export { fixedPrincipalConnection, LOCAL_PRINCIPAL } from "./protocol/request-scope.js";
export { ProtocolServerFactory } from "./protocol/server-factory.js";
export { serveInMemory } from "./protocol/serve-in-memory.js";
export { mcpHttpRequest, type McpHttpRequest, type McpMessage } from "./protocol/http-request.js";
