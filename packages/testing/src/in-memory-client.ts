import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { ClientCapabilities } from "@modelcontextprotocol/sdk/types.js";
import type { ServerDefinition } from "@mcp-platform/server";
import { ProtocolServerFactory } from "@mcp-platform/server/internal";
import { pino } from "pino";

export interface TestClientOptions {
  capabilities?: ClientCapabilities;
}

/**
 * An SDK client connected in memory to a server definition: the fastest way to test tools,
 * resources and prompts through the real protocol, without a port or a process.
 */
export async function createTestClient(definition: ServerDefinition, options: TestClientOptions = {}): Promise<Client> {
  const server = new ProtocolServerFactory(definition, pino({ level: "silent" })).create({ transport: "pipe" });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "mcp-platform-test", version: "0.0.0" }, { capabilities: options.capabilities ?? {} });
  await server.connect(serverTransport);
  await client.connect(clientTransport);
  return client;
}
