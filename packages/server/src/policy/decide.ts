import type { Principal } from "@mcp-platform/auth";
import { decisions, PLATFORM_ATTR, type ApprovalDecision } from "@mcp-platform/telemetry";
import type { AccessLevel } from "../definition/access.js";
import type { Audit } from "./audit.js";
import type { DeprecatedCallCounter } from "./deprecated-call-counter.js";

/** Every decision the trust boundary takes, in the shape it is recorded. */
export type Decision =
  | { kind: "authentication"; reason: string; description: string; clientAddress?: string }
  | { kind: "scope"; tool: string; access: AccessLevel; required: string; granted: boolean }
  | { kind: "kill_switch"; tool: string }
  | { kind: "deprecation"; tool: string; sunset: string; replacement: string; firstUse: boolean }
  | { kind: "approval"; tool: string; outcome: ApprovalDecision; method: ApprovalMethod; detail?: string }
  | { kind: "action"; tool: string; actionId: string }
  | { kind: "undo"; tool: string; actionId: string; done: boolean };

/** How a human was asked: an MRTR round (2026-07-28), elicitation on a session, or a plan/confirm token. */
export type ApprovalMethod = "mrtr" | "elicitation" | "token";

/**
 * Records one decision everywhere it belongs, together: an event (or attributes) on the request
 * span, the outcome counter, and the audit trail (a JSON log line and a store row). Routine
 * decisions (an allowed read) stay on the span and at debug level: they are the hot path.
 */
export class DecisionRecorder {
  readonly #audit: Audit;
  readonly #deprecatedCalls: DeprecatedCallCounter;

  constructor(audit: Audit, deprecatedCalls: DeprecatedCallCounter) {
    this.#audit = audit;
    this.#deprecatedCalls = deprecatedCalls;
  }

  record(principal: Principal | undefined, decision: Decision): void {
    switch (decision.kind) {
      case "authentication":
        decisions.authFailure(decision.reason);
        // No token at all (how every OAuth sign-in starts) and an issuer that cannot be reached refuse
        // no credential: counted, but routine, so that such requests cost no store write (nothing
        // limits them, and an outage, logged once on its own, would otherwise write a row per request).
        this.#audit.record(
          principal,
          {
            decision: "authentication",
            outcome: "refused",
            detail: `${decision.reason}: ${decision.description}`,
            ...(decision.clientAddress ? { clientAddress: decision.clientAddress } : {}),
          },
          decision.reason === "missing_token" || decision.reason === "issuer_unreachable",
        );
        return;
      case "scope": {
        const routine = decision.granted && decision.access === "read";
        decisions.authorization(
          {
            [PLATFORM_ATTR.principalSubject]: principal?.subject ?? "unauthenticated",
            ...(principal?.clientId ? { [PLATFORM_ATTR.principalClientId]: principal.clientId } : {}),
            [PLATFORM_ATTR.toolAccess]: decision.access,
            [PLATFORM_ATTR.scopeRequired]: decision.required,
            [PLATFORM_ATTR.scopeGranted]: decision.granted,
          },
          routine,
        );
        this.#audit.record(principal, { decision: "scope", outcome: decision.granted ? "allowed" : "denied", tool: decision.tool }, routine);
        return;
      }
      case "kill_switch":
        decisions.killSwitch(decision.tool);
        this.#audit.record(principal, { decision: "kill_switch", outcome: "refused", tool: decision.tool });
        return;
      case "deprecation":
        decisions.deprecation(decision.tool, decision.sunset, decision.replacement);
        this.#deprecatedCalls.count(decision.tool, principal?.subject ?? "unauthenticated", decision.sunset);
        // Each caller's use is in the log and the trail once; every call is counted (metric and store) and on its span.
        if (decision.firstUse) {
          this.#audit.record(principal, { decision: "deprecation", outcome: "used", tool: decision.tool, detail: `sunset ${decision.sunset}` });
        }
        return;
      case "approval":
        decisions.approval(decision.tool, decision.outcome, decision.method);
        this.#audit.record(principal, {
          decision: "approval",
          outcome: decision.outcome,
          tool: decision.tool,
          detail: decision.detail ?? decision.method,
        });
        return;
      case "action":
        this.#audit.record(principal, { decision: "action", outcome: "done", tool: decision.tool, detail: decision.actionId });
        return;
      case "undo":
        if (decision.done) decisions.undo(decision.tool, decision.actionId);
        this.#audit.record(principal, { decision: "undo", outcome: decision.done ? "done" : "failed", tool: decision.tool, detail: decision.actionId });
        return;
    }
  }
}
