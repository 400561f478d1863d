import { randomUUID } from "node:crypto";
import { argumentsHash, type Principal } from "@mcp-platform/auth";
import { decisions, redactedJson, type ToolOutcome } from "@mcp-platform/telemetry";
import {
  inputRequired,
  MissingRequiredClientCapabilityError,
  ProtocolError,
  ProtocolErrorCode,
  type CallToolResult,
  type InputRequiredResult,
  type Tool,
} from "@modelcontextprotocol/server";
import type { Logger } from "pino";
import type { RequestContext } from "../context.js";
import { ACCESS_RULES } from "../definition/access.js";
import { takeApprovalToken } from "../definition/approval-argument.js";
import type { AnyTool } from "../definition/define.js";
import { isPastSunset, retiredMessage } from "../definition/deprecation.js";
import { toolListEntry } from "../definition/tool-entry.js";
import { ToolError } from "../definition/tool-error.js";
import type { UndoRecorder } from "../protocol/handler-context.js";
import { InputNeeded, InputRounds } from "../protocol/input-rounds.js";
import { withInputRounds } from "../protocol/with-input-rounds.js";
import type { ActionStore } from "../store/action-store.js";
import { MAX_ARGUMENT_DEPTH, nestsDeeperThan } from "../tools/argument-depth.js";
import { executeTool, internalErrorResult } from "../tools/execute-tool.js";
import { parseToolArguments } from "../tools/tool-arguments.js";
import { errorResult, resultSummary } from "../tools/tool-result.js";
import type { ApprovalFlow, Grant } from "./approval.js";
import { approvalPlan } from "./approval-plan.js";
import type { DecisionRecorder } from "./decide.js";
import { DeprecationLog } from "./deprecation-log.js";
import type { InputStates } from "./input-states.js";
import type { KillSwitch } from "./kill-switch.js";
import type { RoundInput } from "./round-input.js";
import type { ScopePolicy } from "./scopes.js";
import { SingleExecution } from "./single-execution.js";
import { LIST_ACTIONS_TOOL, UNDO_TOOL } from "./undo-tools.js";
import { taskOptions } from "../tasks/task-options.js";
import { TASKS_EXTENSION } from "../tasks/task-wire.js";
import type { TaskRunner } from "../tasks/task-runner.js";
import { ToolExecution, type CallState } from "../tasks/tool-execution.js";

export const ACTION_META_KEY = "io.github.mcp-platform/action";

export interface ToolGateParts {
  server: string;
  tools: readonly AnyTool[];
  scopes: ScopePolicy;
  killSwitch: KillSwitch;
  approvals: ApprovalFlow;
  inputs: InputStates;
  tasks: TaskRunner;
  store: ActionStore;
  decisions: DecisionRecorder;
  recordToolPayloads: boolean;
  logger: Logger;
}

export interface ToolCall {
  name: string;
  args: Record<string, unknown> | undefined;
  meta: Record<string, unknown> | undefined;
  principal: Principal;
  round: RoundInput;
  signal: AbortSignal;
  /** The handler context for this call, given its state (questions, signal, task) and how it saves undo data. */
  ctx: (state: CallState, recordUndo?: UndoRecorder) => RequestContext;
}

/** A result, a round's questions, or the handle of the task the call became. */
export type ToolAnswer = CallToolResult | InputRequiredResult | Record<string, unknown>;

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
  readonly #once: SingleExecution<ToolAnswer>;
  #listCache = new Map<string, Tool[]>();
  /** The kill-switch version and UTC day the cached lists hold for: a sunset retires a tool at midnight. */
  #listCacheValidity = "";

  constructor(parts: ToolGateParts) {
    this.#parts = parts;
    this.#tools = new Map(parts.tools.map((tool) => [tool.name, tool]));
    this.#entries = new Map(parts.tools.map((tool) => [tool.name, toolListEntry(tool)]));
    this.#once = new SingleExecution(parts.store);
  }

  tool(name: string): AnyTool | undefined {
    return this.#tools.get(name);
  }

  /** The tools this caller may call right now, computed once per scope set, kill-switch state and day. */
  visibleTools(principal: Principal): Tool[] {
    const now = new Date();
    const validity = `${this.#parts.killSwitch.version} ${now.toISOString().slice(0, 10)}`;
    if (this.#listCacheValidity !== validity) {
      this.#listCache = new Map();
      this.#listCacheValidity = validity;
    }
    const key = `${principal.kind} ${[...principal.scopes].sort().join(" ")}`;
    let list = this.#listCache.get(key);
    if (!list) {
      list = [...this.#tools.values()]
        .filter((tool) => this.#parts.scopes.allows(principal, tool.access))
        .filter((tool) => !this.#parts.killSwitch.isDisabled(tool.name))
        .filter((tool) => !(tool.deprecated && isPastSunset(tool.deprecated, now)))
        .map((tool) => this.#entries.get(tool.name)!);
      this.#listCache.set(key, list);
    }
    return list;
  }

  async call(call: ToolCall): Promise<ToolAnswer> {
    const tool = this.#tools.get(call.name);
    if (!tool) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown tool: ${call.name}`);
    try {
      return await this.#call(tool, call);
    } catch (error) {
      // Rounds and deliberate JSON-RPC errors are protocol outcomes, and a `plan` may refuse with
      // a ToolError as a handler may; anything else failed inside the kit or a `plan`, and the
      // caller gets a reference to the log, never the message.
      if (error instanceof InputNeeded || error instanceof ProtocolError) throw error;
      if (error instanceof ToolError) return this.#outcome(tool, errorResult(error.message), "tool_error");
      return this.#outcome(tool, internalErrorResult(tool.name, error, this.#parts.logger), "tool_error");
    }
  }

  async #call(tool: AnyTool, call: ToolCall): Promise<ToolAnswer> {
    const { principal } = call;
    const { scopes, killSwitch, decisions: decide } = this.#parts;
    const required = scopes.required(tool.access);
    const granted = scopes.allows(principal, tool.access);
    decide.record(principal, { kind: "scope", tool: tool.name, access: tool.access, required, granted });
    if (!granted) return this.#refused(tool, `Forbidden: ${tool.name} needs scope ${required}.`);
    if (killSwitch.isDisabled(tool.name)) {
      decide.record(principal, { kind: "kill_switch", tool: tool.name });
      return this.#refused(tool, `Tool ${tool.name} is switched off by the operators (kill switch); try again later or ask the owning team.`);
    }
    if (tool.deprecated) {
      if (isPastSunset(tool.deprecated)) return this.#refused(tool, retiredMessage(tool.name, tool.deprecated));
      const { sunset, replacement } = tool.deprecated;
      decide.record(principal, {
        kind: "deprecation",
        tool: tool.name,
        sunset,
        replacement,
        firstUse: this.#deprecationLog.firstUse(tool.name, principal.subject),
      });
    }
    if (taskOptions(tool)?.mode === "required" && !call.round.canUseTasks) return this.#needsTasks(tool, call.round);
    const { args, token } = takeApprovalToken(call.args, call.meta);
    if (nestsDeeperThan(args, MAX_ARGUMENT_DEPTH)) {
      return this.#outcome(
        tool,
        errorResult(`Invalid arguments for tool ${tool.name}: they nest deeper than ${MAX_ARGUMENT_DEPTH} levels.`),
        "invalid_arguments",
      );
    }
    const parsed = parseToolArguments(tool, args);
    if (!parsed.ok) return this.#outcome(tool, parsed.result, "invalid_arguments");
    if (this.#parts.recordToolPayloads) decisions.toolPayload("arguments", args);
    const answer =
      ACCESS_RULES[tool.access].approval && !KIT_TOOLS.has(tool.name)
        ? await this.#approved(tool, parsed.input, args, token, call)
        : await this.#ask(tool, parsed.input, args, call);
    if (this.#parts.recordToolPayloads) decisions.toolPayload("result", answer);
    return answer;
  }

  /** A call that needs no approval; it may still ask its client questions (rounds), or become a task. */
  async #ask(tool: AnyTool, input: Record<string, unknown>, args: Record<string, unknown>, call: ToolCall): Promise<ToolAnswer> {
    const answer = await withInputRounds(this.#parts.inputs, { op: tool.name, args, principal: call.principal }, call.round, (rounds) =>
      this.#execute(tool, input, call, rounds, (result) => {
        if (tool.name === UNDO_TOOL) this.#recordUndo(call.principal, String(input.action_id), result);
        return Promise.resolve(result);
      }),
    );
    return this.#outcome(tool, answer, outcomeOf(answer));
  }

  /**
   * Runs the handler: to its result, or to a task handle when the call becomes a task (`finish`
   * then applies to the task's result, when it comes).
   */
  async #execute(
    tool: AnyTool,
    input: Record<string, unknown>,
    call: ToolCall,
    questions: InputRounds,
    finish: (result: CallToolResult) => Promise<CallToolResult>,
    recordUndo?: UndoRecorder,
  ): Promise<ToolAnswer> {
    const options = taskOptions(tool);
    const plan = options && call.round.canUseTasks ? { runner: this.#parts.tasks, tool: tool.name, principal: call.principal, options } : undefined;
    const execution = new ToolExecution(questions, call.signal, call.round, plan);
    if (plan && !options!.startsInHandler) await execution.startTask();
    return await execution.run(async () => finish(await executeTool(tool, input, call.ctx(execution, recordUndo))));
  }

  async #approved(
    tool: AnyTool,
    input: Record<string, unknown>,
    args: Record<string, unknown>,
    token: string | undefined,
    call: ToolCall,
  ): Promise<ToolAnswer> {
    const noQuestions = new ToolExecution(
      new InputRounds({}, { ...call.round, canElicit: false, canSample: false, canListRoots: false }),
      call.signal,
      call.round,
      undefined,
    );
    const plan = async () => approvalPlan(tool, tool.plan ? await tool.plan(input, call.ctx(noQuestions)) : `Call ${tool.name} with ${redactedJson(args)}.`);
    const decision = await this.#parts.approvals.decide({ tool: tool.name, args, token, principal: call.principal, plan, round: call.round });
    if (decision.kind === "answer") return this.#outcome(tool, decision.result, "approval_pending");
    const { grant } = decision;
    const stillRunning = () =>
      errorResult(`The approved call to ${tool.name} is still running (or its replica stopped); ${LIST_ACTIONS_TOOL} shows its action.`);
    return this.#once.run(grant.id, grant.expiresAt, () => this.#act(tool, input, args, call, grant), call.signal, stillRunning);
  }

  /** Write-ahead: the action is in the store before the handler runs, so none can happen unrecorded. */
  async #act(tool: AnyTool, input: Record<string, unknown>, args: Record<string, unknown>, call: ToolCall, grant: Grant): Promise<ToolAnswer> {
    const action = { id: grant.actionId ?? (await this.#beginAction(tool, call.principal, args)), undoSaved: false };
    const rounds = new InputRounds(grant.answers, call.round);
    const recordUndo = async (data: unknown) => {
      await this.#parts.store.saveUndoData(action.id, data);
      action.undoSaved = true;
    };
    const finish = async (result: CallToolResult) => {
      await this.#parts.store.completeAction(action.id, result.isError ? "failed" : "done", resultSummary(result));
      if (result.isError) return result;
      const undoable = tool.undo !== undefined && action.undoSaved;
      this.#parts.decisions.record(call.principal, { kind: "action", tool: tool.name, actionId: action.id });
      result._meta = { ...result._meta, [ACTION_META_KEY]: { id: action.id, undoable } };
      result.content.push({
        type: "text",
        text: undoable ? `Action ${action.id} recorded; it can be reverted with ${UNDO_TOOL}.` : `Action ${action.id} recorded.`,
      });
      return result;
    };
    try {
      const answer = await this.#execute(tool, input, call, rounds, finish, recordUndo);
      return this.#outcome(tool, answer, outcomeOf(answer));
    } catch (error) {
      if (!(error instanceof InputNeeded)) throw error;
      const requestState = await this.#parts.approvals.continuation(
        { tool: tool.name, args, principal: call.principal },
        { ...grant, actionId: action.id },
        rounds.answers,
      );
      return this.#outcome(tool, inputRequired({ inputRequests: rounds.pending, requestState }), "input_required");
    }
  }

  async #beginAction(tool: AnyTool, principal: Principal, args: Record<string, unknown>): Promise<string> {
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
    return id;
  }

  #recordUndo(principal: Principal, actionId: string, result: CallToolResult): void {
    this.#parts.decisions.record(principal, { kind: "undo", tool: UNDO_TOOL, actionId, done: !result.isError });
  }

  /** A tool that only runs as a task, called by a client that cannot follow one. */
  #needsTasks(tool: AnyTool, round: RoundInput): CallToolResult {
    if (round.modern) throw new MissingRequiredClientCapabilityError({ requiredCapabilities: { extensions: { [TASKS_EXTENSION]: {} } } });
    return this.#refused(tool, `Tool ${tool.name} runs only as a task: call it from a 2026-07-28 client that supports ${TASKS_EXTENSION}.`);
  }

  #refused(tool: AnyTool, message: string): CallToolResult {
    return this.#outcome(tool, errorResult(message), "refused");
  }

  #outcome<T extends ToolAnswer>(tool: AnyTool, result: T, outcome: ToolOutcome): T {
    decisions.toolCall(tool.name, outcome);
    return result;
  }
}

/** The kit's own undo tools: corrective, so they skip approval and are not themselves recorded as actions. */
const KIT_TOOLS = new Set([UNDO_TOOL, LIST_ACTIONS_TOOL]);

function outcomeOf(answer: ToolAnswer): ToolOutcome {
  const resultType = (answer as { resultType?: string }).resultType;
  if (resultType === "input_required") return "input_required";
  if (resultType === "task") return "task";
  return (answer as CallToolResult).isError ? "tool_error" : "success";
}
