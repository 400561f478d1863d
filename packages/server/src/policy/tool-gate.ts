import { randomUUID } from "node:crypto";
import { argumentsHash, type Principal } from "@mcp-platform/auth";
import { decisions, PLATFORM_ATTR, redactedJson } from "@mcp-platform/telemetry";
import { ErrorCode, McpError, type CallToolResult, type Tool } from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "pino";
import type { RequestContext } from "../context.js";
import type { UndoRecorder } from "../request-context.js";
import type { AnyTool } from "../define.js";
import type { ActionStore } from "../store/action-store.js";
import { errorResult, executeTool, parseToolArguments, toolListEntry } from "../tool-registry.js";
import type { ApprovalFlow } from "./approval.js";
import { takeApprovalToken } from "./approval-argument.js";
import type { Audit } from "./audit.js";
import { DeprecationLog, isPastSunset, retiredMessage } from "./deprecation.js";
import type { KillSwitch } from "./kill-switch.js";
import type { ScopePolicy } from "./scopes.js";
import { LIST_ACTIONS_TOOL, UNDO_TOOL } from "./undo-tools.js";

export const ACTION_META_KEY = "io.github.mcp-platform/action";

export interface ToolGateParts {
  server: string;
  tools: readonly AnyTool[];
  scopes: ScopePolicy;
  killSwitch: KillSwitch;
  approvals: ApprovalFlow;
  store: ActionStore;
  audit: Audit;
  logger: Logger;
  recordToolPayloads: boolean;
}

export interface ToolCall {
  name: string;
  args: Record<string, unknown> | undefined;
  meta: Record<string, unknown> | undefined;
  principal: Principal;
  canElicit: boolean;
  ctx: (recordUndo: UndoRecorder) => RequestContext;
}

/**
 * The trust boundary in front of every tool: scope, kill switch, deprecation, approval, then the
 * handler, then the action record. Each decision lands on the request span, in the outcome
 * metrics and (unless routine) in the audit trail.
 */
export class ToolGate {
  readonly #parts: ToolGateParts;
  readonly #tools: Map<string, AnyTool>;
  readonly #entries: Map<string, Tool>;
  readonly #deprecationLog = new DeprecationLog();
  #listCache = new Map<string, Tool[]>();
  #listCacheVersion = -1;

  constructor(parts: ToolGateParts) {
    this.#parts = parts;
    this.#tools = new Map(parts.tools.map((tool) => [tool.name, tool]));
    this.#entries = new Map(parts.tools.map((tool) => [tool.name, toolListEntry(tool)]));
  }

  has(name: string): boolean {
    return this.#tools.has(name);
  }

  accessOf(name: string) {
    return this.#tools.get(name)?.access;
  }

  /** The tools this caller may call right now, computed once per scope set and kill-switch state. */
  visibleTools(principal: Principal): Tool[] {
    if (this.#listCacheVersion !== this.#parts.killSwitch.version) {
      this.#listCache = new Map();
      this.#listCacheVersion = this.#parts.killSwitch.version;
    }
    const key = [...principal.scopes].sort().join(" ");
    let list = this.#listCache.get(key);
    if (!list) {
      const now = new Date();
      list = [...this.#tools.values()]
        .filter((tool) => this.#parts.scopes.allows(principal, tool.access))
        .filter((tool) => !this.#parts.killSwitch.isDisabled(tool.name))
        .filter((tool) => !(tool.deprecated && isPastSunset(tool.deprecated, now)))
        .map((tool) => this.#entries.get(tool.name)!);
      this.#listCache.set(key, list);
    }
    return list;
  }

  async call(call: ToolCall): Promise<CallToolResult> {
    const tool = this.#tools.get(call.name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${call.name}`);
    const { principal } = call;
    const { scopes, killSwitch, audit } = this.#parts;
    const allowed = scopes.allows(principal, tool.access);
    decisions.authorization(
      {
        [PLATFORM_ATTR.principalSubject]: principal.subject,
        ...(principal.clientId ? { [PLATFORM_ATTR.principalClientId]: principal.clientId } : {}),
        [PLATFORM_ATTR.toolAccess]: tool.access,
        [PLATFORM_ATTR.scopeRequired]: scopes.required(tool.access),
        [PLATFORM_ATTR.scopeGranted]: allowed,
      },
      allowed && tool.access === "read",
    );
    audit.record(principal, { decision: "scope", outcome: allowed ? "allowed" : "denied", tool: tool.name }, allowed && tool.access === "read");
    if (!allowed) return this.#refused(tool, `Forbidden: ${tool.name} needs scope ${scopes.required(tool.access)}.`);
    if (killSwitch.isDisabled(tool.name)) {
      decisions.killSwitch(tool.name);
      audit.record(principal, { decision: "kill_switch", outcome: "refused", tool: tool.name });
      return this.#refused(tool, `Tool ${tool.name} is switched off by the operators (kill switch); try again later or ask the owning team.`);
    }
    if (tool.deprecated) {
      if (isPastSunset(tool.deprecated)) return this.#refused(tool, retiredMessage(tool.name, tool.deprecated));
      decisions.deprecation(tool.name, tool.deprecated.sunset, tool.deprecated.replacement);
      if (this.#deprecationLog.firstUse(tool.name, principal.subject)) {
        audit.record(principal, { decision: "deprecation", outcome: "used", tool: tool.name, detail: `sunset ${tool.deprecated.sunset}` });
      }
    }
    return this.#run(tool, call);
  }

  async #run(tool: AnyTool, call: ToolCall): Promise<CallToolResult> {
    const { args, token } = takeApprovalToken(call.args, call.meta);
    const parsed = parseToolArguments(tool, args);
    if (!parsed.ok) return this.#outcome(tool, parsed.result, "invalid_arguments");
    if (this.#parts.recordToolPayloads) decisions.toolPayload("arguments", args);
    let action: PendingAction | undefined;
    const ctx = call.ctx((data) => (action ? this.#saveUndoData(action, data) : Promise.resolve()));
    const acts = tool.access !== "read" && !KIT_TOOLS.has(tool.name);
    if (acts) {
      const plan = tool.plan ? await tool.plan(parsed.input, ctx) : `Call ${tool.name} with ${redactedJson(args)}.`;
      const approval = await this.#parts.approvals.decide({ tool: tool.name, args, token, principal: call.principal, plan, canElicit: call.canElicit, ctx });
      if (!approval.approved) return this.#outcome(tool, approval.result, "approval_pending");
      action = await this.#beginAction(tool, call.principal, args);
    }
    const result = await executeTool(tool, parsed.input, ctx);
    if (this.#parts.recordToolPayloads) decisions.toolPayload("result", result);
    if (action) await this.#finishAction(action, tool, call.principal, result);
    if (tool.name === UNDO_TOOL && !result.isError) decisions.undo(tool.name, String(parsed.input.action_id));
    if (tool.name === UNDO_TOOL) {
      this.#parts.audit.record(call.principal, { decision: "undo", outcome: result.isError ? "failed" : "done", detail: String(parsed.input.action_id) });
    }
    return this.#outcome(tool, result, result.isError ? "tool_error" : "success");
  }

  /** Write-ahead: the action is in the store before the handler runs, so none can happen unrecorded. */
  async #beginAction(tool: AnyTool, principal: Principal, args: Record<string, unknown>): Promise<PendingAction> {
    const id = randomUUID();
    await this.#parts.store.recordAction({
      id,
      server: this.#parts.server,
      tool: tool.name,
      subject: principal.subject,
      ...(principal.clientId ? { clientId: principal.clientId } : {}),
      argumentsHash: argumentsHash(args),
      argumentsSummary: redactedJson(args),
      resultSummary: "",
      status: "pending",
      undoable: tool.undo !== undefined,
      createdAt: new Date().toISOString(),
    });
    return { id, undoSaved: false };
  }

  async #saveUndoData(action: PendingAction, data: unknown): Promise<void> {
    await this.#parts.store.saveUndoData(action.id, data);
    action.undoSaved = true;
  }

  async #finishAction(action: PendingAction, tool: AnyTool, principal: Principal, result: CallToolResult): Promise<void> {
    const text = result.content.map((block) => (block.type === "text" ? block.text : `[${block.type}]`)).join(" ");
    await this.#parts.store.completeAction(action.id, result.isError ? "failed" : "done", text.slice(0, 500));
    if (result.isError) return;
    const { id } = action;
    const undoable = tool.undo !== undefined && action.undoSaved;
    this.#parts.audit.record(principal, { decision: "action", outcome: "done", tool: tool.name, detail: id });
    result._meta = { ...result._meta, [ACTION_META_KEY]: { id, undoable } };
    result.content.push({ type: "text", text: undoable ? `Action ${id} recorded; it can be reverted with ${UNDO_TOOL}.` : `Action ${id} recorded.` });
  }

  #refused(tool: AnyTool, message: string): CallToolResult {
    return this.#outcome(tool, errorResult(message), "refused");
  }

  #outcome(tool: AnyTool, result: CallToolResult, outcome: Parameters<typeof decisions.toolCall>[1]): CallToolResult {
    decisions.toolCall(tool.name, outcome);
    return result;
  }
}

interface PendingAction {
  id: string;
  undoSaved: boolean;
}

/** The kit's own undo tools: corrective, so they skip approval and are not themselves recorded as actions. */
const KIT_TOOLS = new Set([UNDO_TOOL, LIST_ACTIONS_TOOL]);
