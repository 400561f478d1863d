import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { ElicitRequestSchema, type ClientCapabilities } from "@modelcontextprotocol/sdk/types.js";
import type { Principal } from "@mcp-platform/auth";
import type { ServerDefinition } from "@mcp-platform/server";
import { createTrust, ProtocolServerFactory, type TrustOptions } from "@mcp-platform/server/internal";
import { pino } from "pino";

export interface TestClientOptions {
  capabilities?: ClientCapabilities;
  /** Who the client is; by default the local user, who has every scope. */
  principal?: Principal;
  /** Kill switch, store and approval settings of the server under test. */
  trust?: TrustOptions;
  /**
   * Plays the human who approves write and destructive calls (by MCP elicitation): every call is
   * approved, or every call declined. Without it the kit's plan/confirm flow applies.
   */
  approvals?: "approve" | "decline";
}

/**
 * An SDK client connected in memory to a server definition: the fastest way to test tools,
 * resources and prompts through the real protocol, without a port or a process.
 */
export async function createTestClient(definition: ServerDefinition, options: TestClientOptions = {}): Promise<Client> {
  const logger = pino({ level: "silent" });
  const factory = new ProtocolServerFactory(definition, logger, createTrust(definition, logger, options.trust));
  const server = factory.create({ transport: "pipe", longLived: true, ...(options.principal ? { principal: options.principal } : {}) });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const capabilities = options.approvals ? { elicitation: { form: {} }, ...options.capabilities } : (options.capabilities ?? {});
  const client = new Client({ name: "mcp-platform-test", version: "0.0.0" }, { capabilities });
  if (options.approvals) {
    const approve = options.approvals === "approve";
    client.setRequestHandler(ElicitRequestSchema, () => ({ action: "accept", content: { approve } }));
  }
  await server.connect(serverTransport);
  await client.connect(clientTransport);
  return client;
}
