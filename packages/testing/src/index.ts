export { createTestClient, type TestClientOptions, type TestProtocol } from "./in-memory-client.js";
export { startLoopbackServer, type LoopbackServer } from "./loopback-server.js";
export { freePort } from "@mcp-platform/test-services";
export { startServerProcess, type ServerProcess } from "./server-process.js";
export { startOtlpReceiver, type ReceivedMetric, type ReceivedSpan } from "./otlp-receiver.js";
