import type { Principal } from "@mcp-platform/auth";
import { Client } from "@modelcontextprotocol/client";
import { pino } from "pino";
import type { ServerDefinition } from "../definition/define.js";
import { createTrust } from "../policy/trust.js";
import { serveInMemory } from "../protocol/serve-in-memory.js";
import { ProtocolServerFactory } from "../protocol/server-factory.js";
import type { ActionStore } from "../store/action-store.js";

type ElicitationAnswer = { action: "accept"; content: { approve: boolean } } | { action: "decline" | "cancel" };

/**
 * A server on `store` (its `read_flag` switched off), with clients for any caller: one that answers
 * approvals with `answer` (MCP elicitation), or without it a client that cannot show a form.
 */
export function servedOn(definition: ServerDefinition, store: ActionStore, approvalKey: Uint8Array) {
  const logger = pino({ level: "silent" });
  const trust = createTrust(definition, logger, { store, approvalKeys: [approvalKey], disabledTools: ["read_flag"] });
  const factory = new ProtocolServerFactory(definition, logger, trust);
  const clients: Client[] = [];
  return {
    async client(subject: string, answer?: () => ElicitationAnswer): Promise<Client> {
      const principal: Principal = { kind: "local", subject, scopes: new Set() };
      const client = new Client(
        { name: "outcomes-test", version: "0" },
        { capabilities: answer ? { elicitation: { form: {} } } : {}, versionNegotiation: { mode: { pin: "2026-07-28" } } },
      );
      if (answer) client.setRequestHandler("elicitation/create", answer);
      await client.connect(serveInMemory(factory, principal).transport);
      clients.push(client);
      return client;
    },
    async close(): Promise<void> {
      for (const client of clients) await client.close();
      await trust.close();
    },
  };
}
