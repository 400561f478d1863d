import type { Principal } from "@mcp-platform/auth";
import { Client, type ClientCapabilities } from "@modelcontextprotocol/client";
import type { ServerDefinition } from "@mcp-platform/server";
import { createTrust, ProtocolServerFactory, serveInMemory, type TrustOptions } from "@mcp-platform/server/internal";
import { pino } from "pino";

/** The MCP revisions a test client can speak: 2026-07-28 (stateless), or 2025-11-25 (`initialize`). */
export type TestProtocol = "2026-07-28" | "2025-11-25";

export interface TestClientOptions {
  /** Which revision the client speaks; `2026-07-28` unless a test is about older clients. */
  protocol?: TestProtocol;
  capabilities?: ClientCapabilities;
  /** Who the client is; by default the local user, who has every scope. */
  principal?: Principal;
  /** Kill switch, store and approval settings of the server under test. */
  trust?: TrustOptions;
  /**
   * Plays the human who approves write and destructive calls (by MCP elicitation: an MRTR round
   * on 2026-07-28, a server request on 2025-11-25): every call is approved, or every call
   * declined. Without it the kit's plan/confirm flow applies.
   */
  approvals?: "approve" | "decline";
}

/**
 * The SDK's client connected in memory to a server definition: the fastest way to test tools,
 * resources and prompts through the real protocol, without a port or a process.
 */
export async function createTestClient(definition: ServerDefinition, options: TestClientOptions = {}): Promise<Client> {
  const logger = pino({ level: "silent" });
  const factory = new ProtocolServerFactory(definition, logger, createTrust(definition, logger, options.trust));
  const served = serveInMemory(factory, options.principal);
  const capabilities = options.approvals ? { elicitation: { form: {} }, ...options.capabilities } : (options.capabilities ?? {});
  const client = new Client(
    { name: "mcp-platform-test", version: "0.0.0" },
    { capabilities, ...((options.protocol ?? "2026-07-28") === "2026-07-28" ? { versionNegotiation: { mode: { pin: "2026-07-28" } } } : {}) },
  );
  if (options.approvals) {
    const approve = options.approvals === "approve";
    client.setRequestHandler("elicitation/create", () => ({ action: "accept", content: { approve } }));
  }
  await client.connect(served.transport);
  const close = client.close.bind(client);
  client.close = async () => {
    await close();
    await served.close();
    await factory.trust.close();
  };
  return client;
}
