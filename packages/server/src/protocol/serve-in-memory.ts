import type { Principal } from "@mcp-platform/auth";
import { InMemoryTransport, type Transport } from "@modelcontextprotocol/server";
import { serveStdio } from "@modelcontextprotocol/server/stdio";
import { fixedPrincipalConnection, LOCAL_PRINCIPAL } from "./request-scope.js";
import type { ProtocolServerFactory } from "./server-factory.js";

/**
 * A connection to a server definition in this process, as stdio would give it (the client's first
 * message picks the revision): how tests reach the real protocol without a port or a process.
 */
export function serveInMemory(factory: ProtocolServerFactory, principal: Principal = LOCAL_PRINCIPAL): { transport: Transport; close(): Promise<void> } {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const connection = serveStdio(({ era }) => factory.create(fixedPrincipalConnection(principal), era), { transport: serverSide });
  return { transport: clientSide, close: () => connection.close() };
}
