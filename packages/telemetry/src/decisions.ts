import { trace, type Attributes, type Span } from "@opentelemetry/api";
import { instruments } from "./instruments.js";
import { redactedJson } from "./redact.js";
import { PLATFORM_ATTR, PLATFORM_EVENT } from "./semconv.js";

export type ToolOutcome = "success" | "tool_error" | "invalid_arguments" | "refused" | "approval_pending" | "input_required" | "task";
/**
 * `declined`, `cancelled` and `expired` are human overrides of the automation (the person said no,
 * walked away, or let it lapse); `refused` is an approval the kit rejected (forged, replayed, foreign).
 */
export type ApprovalDecision = "requested" | "granted" | "declined" | "cancelled" | "expired" | "refused";

/**
 * Records the platform's decisions on the active request span (as events and attributes) and in the
 * outcome counters, so "what did the platform decide" is answerable from either signal.
 */
export const decisions = {
  /** Routine decisions (an allowed read) go on the span as attributes only; the rest also as an event. */
  authorization(attributes: Attributes, routine = false, span: Span | undefined = trace.getActiveSpan()): void {
    span?.setAttributes(attributes);
    if (!routine) span?.addEvent(PLATFORM_EVENT.authorization, attributes);
  },
  /** Opt-in only: a tool's arguments or result, with secret-looking keys redacted. */
  toolPayload(kind: "arguments" | "result", value: unknown, span: Span | undefined = trace.getActiveSpan()): void {
    span?.setAttribute(kind === "arguments" ? PLATFORM_ATTR.toolArguments : PLATFORM_ATTR.toolResult, redactedJson(value));
  },
  authFailure(reason: string): void {
    instruments().authFailures.add(1, { [PLATFORM_ATTR.authFailureReason]: reason });
  },
  /** A token checked with the last keys fetched: the issuer is down, and its outage is masked until the tolerance runs out. */
  lastKnownKeyCheck(): void {
    instruments().lastKnownKeyChecks.add(1);
  },
  toolCall(tool: string, outcome: ToolOutcome): void {
    instruments().toolCalls.add(1, { "gen_ai.tool.name": tool, [PLATFORM_ATTR.outcome]: outcome });
  },
  killSwitch(tool: string, span: Span | undefined = trace.getActiveSpan()): void {
    span?.setAttribute(PLATFORM_ATTR.killSwitch, true);
    span?.addEvent(PLATFORM_EVENT.killSwitch, { "gen_ai.tool.name": tool });
    instruments().killSwitchRefusals.add(1, { "gen_ai.tool.name": tool });
  },
  deprecation(tool: string, sunset: string, replacement: string, span: Span | undefined = trace.getActiveSpan()): void {
    const attributes = { [PLATFORM_ATTR.deprecationSunset]: sunset, [PLATFORM_ATTR.deprecationReplacement]: replacement };
    span?.setAttributes({ [PLATFORM_ATTR.deprecated]: true, ...attributes });
    span?.addEvent(PLATFORM_EVENT.deprecation, attributes);
    instruments().deprecatedCalls.add(1, { "gen_ai.tool.name": tool });
  },
  approval(tool: string, decision: ApprovalDecision, method: string, span: Span | undefined = trace.getActiveSpan()): void {
    const attributes = { [PLATFORM_ATTR.approvalDecision]: decision, [PLATFORM_ATTR.approvalMethod]: method };
    span?.setAttributes(attributes);
    span?.addEvent(PLATFORM_EVENT.approval, attributes);
    instruments().approvals.add(1, { "gen_ai.tool.name": tool, [PLATFORM_ATTR.approvalDecision]: decision });
  },
  undo(tool: string, actionId: string, span: Span | undefined = trace.getActiveSpan()): void {
    span?.addEvent(PLATFORM_EVENT.undo, { "gen_ai.tool.name": tool, [PLATFORM_ATTR.actionId]: actionId });
    instruments().undos.add(1, { "gen_ai.tool.name": tool });
  },
};
