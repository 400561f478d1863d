import { argumentsHash, type ApprovalTokens, type IssuedApproval, type Principal } from "@mcp-platform/auth";
import { inputRequired, ProtocolError, ProtocolErrorCode, type CallToolResult, type InputRequiredResult } from "@modelcontextprotocol/server";
import { APPROVAL_META_KEY, APPROVAL_TOKEN_ARGUMENT } from "../definition/approval-argument.js";
import type { ActionStore, ApprovalAnswer } from "../store/action-store.js";
import { errorResult } from "../tools/tool-result.js";
import type { ApprovalMethod, DecisionRecorder } from "./decide.js";
import type { RoundInput } from "./round-input.js";

/** The key of the approval question in a round's `inputRequests`. */
export const APPROVAL_INPUT = "approval";

const APPROVAL_FORM = {
  type: "object" as const,
  properties: { approve: { type: "boolean" as const, title: "Approve", description: "Approve this action" } },
  required: ["approve"],
};

/** An approval that lets the call run, once (see `SingleExecution`). */
export interface Grant {
  id: string;
  expiresAt: number;
  method: ApprovalMethod;
  /** Set when the approved call already started an action (it stopped to ask for more input). */
  actionId?: string;
  /** Answers to the handler's own questions so far (replayed on the next round). */
  answers: Record<string, unknown>;
}

export type ApprovalOutcome = { kind: "run"; grant: Grant } | { kind: "answer"; result: CallToolResult | InputRequiredResult };

export interface ApprovalRequest {
  tool: string;
  /** The arguments as sent, without the approval token: what an approval is bound to. */
  args: Record<string, unknown>;
  /** A plan/confirm token from the arguments or `_meta`. */
  token: string | undefined;
  principal: Principal;
  plan: () => Promise<string>;
  round: RoundInput;
}

/** The signed `requestState` of an approved call that stopped to ask its own questions. */
interface ApprovedState {
  phase: "approved";
  action?: string;
  answers: Record<string, unknown>;
}

/** The signed `requestState` of a call waiting for the human's answer. */
interface PendingState {
  phase: "approve";
}

/**
 * Human approval before a write or destructive tool runs. On 2026-07-28 (and on 2025 sessions,
 * through the SDK's shim) it is a multi round-trip request: the first call answers `input_required`
 * with the plan as a form and a signed `requestState`; the retry carrying the human's answer runs
 * the call. A client that cannot show a form gets plan/confirm: the plan and a token to call again
 * with. Either approval is bound to the principal, the tool and the arguments' hash, and expires.
 */
export class ApprovalFlow {
  constructor(
    private readonly server: string,
    private readonly tokens: ApprovalTokens,
    private readonly decisions: DecisionRecorder,
    /** Where each request and its answer are kept, so a request never answered shows as expired. */
    private readonly ledger: Pick<ActionStore, "recordApprovalRequest" | "recordApprovalAnswer">,
  ) {}

  async decide(request: ApprovalRequest): Promise<ApprovalOutcome> {
    const { round } = request;
    if (round.requestState !== undefined) return this.#resume(request, round.requestState);
    if (request.token !== undefined) return this.#redeem(request);
    if (round.canElicit) return this.#ask(request, await this.#issue(request, { phase: "approve" }));
    return this.#requestConfirmation(request);
  }

  /** Signs the state of a call that asks the client something (its own questions, after approval). */
  async continuation(request: Pick<ApprovalRequest, "tool" | "args" | "principal">, grant: Grant, answers: Record<string, unknown>): Promise<string> {
    const state: ApprovedState & Record<string, unknown> = { phase: "approved", answers, ...(grant.actionId ? { action: grant.actionId } : {}) };
    return (await this.#issue(request, state)).token;
  }

  async #resume(request: ApprovalRequest, requestState: string): Promise<ApprovalOutcome> {
    const verified = await this.tokens.verify<PendingState | ApprovedState>(requestState, this.#claims(request));
    if (!verified.ok) {
      this.#record(request, verified.expired ? "expired" : "refused", roundMethod(request), verified.reason);
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Invalid or expired requestState: ${verified.reason}; nothing was done`);
    }
    const { id, expiresAt, data } = verified;
    if (data.phase === "approved") {
      const answers = { ...data.answers, ...request.round.inputResponses };
      return { kind: "run", grant: { id, expiresAt, method: roundMethod(request), answers, ...(data.action ? { actionId: data.action } : {}) } };
    }
    const answer = request.round.inputResponses[APPROVAL_INPUT] as { action?: string; content?: { approve?: unknown } } | undefined;
    // No answer yet (the client retried without one): ask again, with the same state.
    if (answer === undefined) return this.#ask(request, { token: requestState, id, expiresAt });
    if (answer.action === "accept" && answer.content?.approve === true) {
      await this.#answer(request, id, "granted", roundMethod(request));
      return { kind: "run", grant: { id, expiresAt, method: roundMethod(request), answers: {} } };
    }
    const outcome = answer.action === "cancel" ? "cancelled" : "declined";
    await this.#answer(request, id, outcome, roundMethod(request));
    return { kind: "answer", result: errorResult(`The call to ${request.tool} was not approved (${outcome}); nothing was done.`) };
  }

  async #redeem(request: ApprovalRequest): Promise<ApprovalOutcome> {
    const verified = await this.tokens.verify(request.token!, this.#claims(request));
    if (!verified.ok) {
      this.#record(request, verified.expired ? "expired" : "refused", "token", verified.reason);
      return { kind: "answer", result: errorResult(`Approval refused: ${verified.reason}. Nothing was done.`) };
    }
    await this.#answer(request, verified.id, "granted", "token");
    return { kind: "run", grant: { id: verified.id, expiresAt: verified.expiresAt, method: "token", answers: {} } };
  }

  async #ask(request: ApprovalRequest, approval: IssuedApproval): Promise<ApprovalOutcome> {
    await this.#requested(request, approval, roundMethod(request));
    const message = `Approve ${request.tool}?\n\n${await request.plan()}`;
    const result = inputRequired({
      inputRequests: { [APPROVAL_INPUT]: inputRequired.elicit({ mode: "form", message, requestedSchema: APPROVAL_FORM }) },
      requestState: approval.token,
    });
    return { kind: "answer", result };
  }

  async #requestConfirmation(request: ApprovalRequest): Promise<ApprovalOutcome> {
    const plan = await request.plan();
    const issued = await this.#issue(request, {});
    await this.#requested(request, issued, "token");
    const expires = new Date(issued.expiresAt * 1000).toISOString();
    const text =
      `Approval required before ${request.tool} runs. Plan: ${plan}\n\n` +
      `Show this plan to the user. If they approve, call ${request.tool} again with the same arguments plus ` +
      `"${APPROVAL_TOKEN_ARGUMENT}": "${issued.token}" (valid until ${expires}). Nothing was done yet.`;
    return {
      kind: "answer",
      result: {
        content: [{ type: "text", text }],
        isError: true,
        _meta: { [APPROVAL_META_KEY]: { status: "approval_required", token: issued.token, expiresAt: expires, plan } },
      },
    };
  }

  #issue(request: Pick<ApprovalRequest, "tool" | "args" | "principal">, data: Record<string, unknown>) {
    return this.tokens.issue(this.#claims(request), data);
  }

  #claims({ tool, args, principal }: Pick<ApprovalRequest, "tool" | "args" | "principal">) {
    return { subject: principal.subject, server: this.server, tool, argumentsHash: argumentsHash(args) };
  }

  async #requested(request: ApprovalRequest, approval: IssuedApproval, method: ApprovalMethod): Promise<void> {
    this.#record(request, "requested", method);
    await this.ledger.recordApprovalRequest({
      id: approval.id,
      server: this.server,
      tool: request.tool,
      subject: request.principal.subject,
      requestedAt: new Date().toISOString(),
      expiresAt: new Date(approval.expiresAt * 1000).toISOString(),
    });
  }

  async #answer(request: ApprovalRequest, id: string, answer: ApprovalAnswer, method: ApprovalMethod): Promise<void> {
    this.#record(request, answer, method);
    await this.ledger.recordApprovalAnswer(id, answer, new Date().toISOString());
  }

  #record(
    request: ApprovalRequest,
    outcome: "requested" | "granted" | "declined" | "cancelled" | "expired" | "refused",
    method: ApprovalMethod,
    detail?: string,
  ) {
    this.decisions.record(request.principal, { kind: "approval", tool: request.tool, outcome, method, ...(detail ? { detail } : {}) });
  }
}

/** A round on 2026-07-28 is MRTR; on a 2025 session the SDK's shim asks by elicitation. */
function roundMethod(request: ApprovalRequest): ApprovalMethod {
  return request.round.modern ? "mrtr" : "elicitation";
}
