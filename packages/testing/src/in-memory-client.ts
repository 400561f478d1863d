import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { ClientCapabilities } from "@modelcontextprotocol/sdk/types.js";
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
}

/**
 * An SDK client connected in memory to a server definition: the fastest way to test tools,
 * resources and prompts through the real protocol, without a port or a process.
 */
export async function createTestClient(definition: ServerDefinition, options: TestClientOptions = {}): Promise<Client> {
  const logger = pino({ level: "silent" });
  const factory = new ProtocolServerFactory(definition, logger, createTrust(definition, logger, options.trust));
  const server = factory.create({ transport: "pipe", ...(options.principal ? { principal: options.principal } : {}) });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "mcp-platform-test", version: "0.0.0" }, { capabilities: options.capabilities ?? {} });
  await server.connect(serverTransport);
  await client.connect(clientTransport);
  return client;
}
