export { findProgram, missingService } from "./binaries.js";
export { freePort } from "./free-port.js";
export { startLoadBalancer, UPSTREAM_HEADER, type LocalLoadBalancer } from "./nginx.js";
export { startPostgres, type LocalPostgres } from "./postgres.js";
export { startRedis, type LocalRedis } from "./redis.js";
export { checkingTokensFrom, startServerProcess, type ServerProcess } from "./server-process.js";
export { startLockfileRegistry, type LockfileRegistry } from "./lockfile-registry.js";
export { selfSignedCertificate, type SelfSignedCertificate } from "./self-signed-certificate.js";
export { waitUntil, type WaitOptions } from "./wait-until.js";
