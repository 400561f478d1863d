import { randomBytes } from "node:crypto";
import { ApprovalTokens } from "@mcp-platform/auth";
import type { Logger } from "pino";
import type { ServerDefinition } from "../define.js";
import type { ActionStore } from "../store/action-store.js";
import { SqliteActionStore } from "../store/sqlite-action-store.js";
import { ApprovalFlow } from "./approval.js";
import { Audit } from "./audit.js";
import { KillSwitch } from "./kill-switch.js";
import { ScopePolicy } from "./scopes.js";
import { ToolGate } from "./tool-gate.js";
import { undoTools } from "./undo-tools.js";

export interface TrustOptions {
  store?: ActionStore;
  approvalSecret?: Uint8Array;
  approvalTtlSeconds?: number;
  undoLeaseSeconds?: number;
  disabledTools?: readonly string[];
  disabledToolsFile?: string;
  recordToolPayloads?: boolean;
}

/** Everything behind the trust boundary of one server process, built once at start. */
export interface Trust {
  gate: ToolGate;
  audit: Audit;
  killSwitch: KillSwitch;
  scopes: ScopePolicy;
  store: ActionStore;
  close(): Promise<void>;
}

/** Defaults suit tests and in-memory clients: an in-memory store and a random approval key. */
export function createTrust(definition: ServerDefinition, logger: Logger, options: TrustOptions = {}): Trust {
  const store = options.store ?? new SqliteActionStore(":memory:");
  const scopes = new ScopePolicy(definition);
  const audit = new Audit(definition.name, logger, store);
  const killSwitch = new KillSwitch(options.disabledTools ?? [], options.disabledToolsFile, logger);
  const tokens = new ApprovalTokens(options.approvalSecret ?? randomBytes(32), options.approvalTtlSeconds ?? 300);
  const tools = definition.tools ?? [];
  const undoable = tools.some((tool) => tool.undo);
  const all = undoable ? [...tools, ...undoTools(definition.name, new Map(tools.map((t) => [t.name, t])), store, scopes, options.undoLeaseSeconds ?? 60)] : tools;
  const gate = new ToolGate({
    server: definition.name,
    tools: all,
    scopes,
    killSwitch,
    approvals: new ApprovalFlow(definition.name, tokens, store, audit),
    store,
    audit,
    logger,
    recordToolPayloads: options.recordToolPayloads ?? false,
  });
  return {
    gate,
    audit,
    killSwitch,
    scopes,
    store,
    async close() {
      killSwitch.close();
      await store.close();
    },
  };
}
