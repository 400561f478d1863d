import { randomBytes } from "node:crypto";
import { ApprovalTokens } from "@mcp-platform/auth";
import type { Logger } from "pino";
import type { ServerDefinition } from "../definition/define.js";
import { listChanged } from "../server-changes.js";
import type { ActionStore } from "../store/action-store.js";
import { SqliteActionStore } from "../store/sqlite-action-store.js";
import { TaskRunner } from "../tasks/task-runner.js";
import { ApprovalFlow } from "./approval.js";
import { Audit } from "./audit.js";
import { DecisionRecorder } from "./decide.js";
import { DeprecatedCallCounter } from "./deprecated-call-counter.js";
import { InputStates } from "./input-states.js";
import { KillSwitch } from "./kill-switch.js";
import { ScopePolicy } from "./scopes.js";
import { watchSunsets } from "./sunset-clock.js";
import { ToolGate } from "./tool-gate.js";
import { undoTools } from "./undo-tools.js";

export interface TrustOptions {
  store?: ActionStore;
  /** The first key signs approvals and request states; all of them verify (rotation). */
  approvalKeys?: Uint8Array[];
  approvalTtlSeconds?: number;
  undoLeaseSeconds?: number;
  disabledTools?: readonly string[];
  disabledToolsFile?: string;
  recordToolPayloads?: boolean;
}

/** Everything behind the trust boundary of one server process, built once at start. */
export interface Trust {
  gate: ToolGate;
  decisions: DecisionRecorder;
  /** Signs and checks the state of multi round-trip requests that are not approvals. */
  inputs: InputStates;
  tasks: TaskRunner;
  killSwitch: KillSwitch;
  scopes: ScopePolicy;
  store: ActionStore;
  close(): Promise<void>;
}

/** Defaults suit tests and in-memory clients: an in-memory store and a random approval key. */
export function createTrust(definition: ServerDefinition, logger: Logger, options: TrustOptions = {}): Trust {
  const store = options.store ?? new SqliteActionStore(":memory:");
  const scopes = new ScopePolicy(definition);
  const deprecatedCalls = new DeprecatedCallCounter(definition.name, store, logger);
  const decisions = new DecisionRecorder(new Audit(definition.name, logger, store), deprecatedCalls);
  const tokens = new ApprovalTokens(options.approvalKeys ?? [randomBytes(32)], options.approvalTtlSeconds ?? 300);
  const inputs = new InputStates(definition.name, tokens);
  const tasks = new TaskRunner(definition.name, store.tasks);
  const tools = definition.tools ?? [];
  const undoable = tools.some((tool) => tool.undo);
  const kitTools = undoable ? undoTools(definition.name, new Map(tools.map((t) => [t.name, t])), store, scopes, options.undoLeaseSeconds ?? 60) : [];
  const killSwitch = new KillSwitch(
    options.disabledTools ?? [],
    options.disabledToolsFile,
    logger,
    [...tools, ...kitTools].map((tool) => tool.name),
  );
  const stopSunsets = watchSunsets(
    tools.flatMap((tool) => (tool.deprecated ? [tool.deprecated] : [])),
    () => listChanged(definition, "tools"),
  );
  const gate = new ToolGate({
    server: definition.name,
    tools: [...tools, ...kitTools],
    scopes,
    killSwitch,
    approvals: new ApprovalFlow(definition.name, tokens, decisions, store),
    inputs,
    tasks,
    store,
    decisions,
    recordToolPayloads: options.recordToolPayloads ?? false,
    logger,
  });
  return {
    gate,
    decisions,
    inputs,
    tasks,
    killSwitch,
    scopes,
    store,
    async close() {
      killSwitch.close();
      stopSunsets();
      await deprecatedCalls.flush();
      await store.close();
    },
  };
}
