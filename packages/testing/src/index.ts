export { createTestClient, type TestClientOptions, type TestProtocol } from "./in-memory-client.js";
export { startLoopbackServer, type LoopbackServer } from "./loopback-server.js";
export { checkingTokensFrom, freePort, startServerProcess, waitUntil, type ServerProcess } from "@mcp-platform/test-services";
export { startOtlpReceiver, type ReceivedMetric, type ReceivedSpan } from "./otlp-receiver.js";
