import { argumentsHash, type ApprovalTokens, type Principal } from "@mcp-platform/auth";
import { decisions } from "@mcp-platform/telemetry";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { RequestContext } from "../context.js";
import type { ActionStore } from "../store/action-store.js";
import { APPROVAL_META_KEY, APPROVAL_TOKEN_ARGUMENT } from "./approval-argument.js";
import type { Audit } from "./audit.js";

export type ApprovalOutcome = { approved: true } | { approved: false; result: CallToolResult };

export interface ApprovalRequest {
  tool: string;
  /** The arguments as sent, without the approval token: what the token is bound to. */
  args: Record<string, unknown>;
  token: string | undefined;
  principal: Principal;
  plan: string;
  /** The client declared form elicitation on this connection, so a human can be asked directly. */
  canElicit: boolean;
  ctx: RequestContext;
}

const approvalForm = z.object({
  approve: z.boolean().describe("Approve this action"),
});

/**
 * Human approval before a write or destructive tool runs: by MCP elicitation when the client can
 * ask its user, otherwise plan/confirm: the first call returns the plan and a short-lived token
 * bound to the principal, the tool and the arguments' hash, and only a second call with exactly
 * those arguments and that token runs the tool, once.
 */
export class ApprovalFlow {
  constructor(
    private readonly server: string,
    private readonly tokens: ApprovalTokens,
    private readonly store: ActionStore,
    private readonly audit: Audit,
  ) {}

  async decide(request: ApprovalRequest): Promise<ApprovalOutcome> {
    if (request.token !== undefined) return this.#redeem(request);
    if (request.canElicit) return this.#elicit(request);
    return this.#requestConfirmation(request);
  }

  async #redeem({ tool, args, token, principal }: ApprovalRequest): Promise<ApprovalOutcome> {
    const claims = { subject: principal.subject, server: this.server, tool, argumentsHash: argumentsHash(args) };
    const verified = await this.tokens.verify(token!, claims);
    if (!verified.ok) return this.#deny(tool, principal, "token", `Approval refused: ${verified.reason}.`);
    const expiresAt = Math.floor(Date.now() / 1000) + 86_400;
    if (!(await this.store.consumeApproval(verified.id, expiresAt))) {
      return this.#deny(tool, principal, "token", "Approval refused: this approval token was already used.");
    }
    return this.#grant(tool, principal, "token");
  }

  async #elicit({ tool, plan, principal, ctx }: ApprovalRequest): Promise<ApprovalOutcome> {
    decisions.approval(tool, "requested", "elicitation");
    this.audit.record(principal, { decision: "approval", outcome: "requested", tool, detail: "elicitation" });
    const answer = await ctx.elicit(`Approve ${tool}?\n\n${plan}`, approvalForm).catch(() => undefined);
    if (answer?.action === "accept" && answer.content.approve) return this.#grant(tool, principal, "elicitation");
    return this.#deny(tool, principal, "elicitation", `The call to ${tool} was not approved (${answer?.action ?? "no answer"}); nothing was done.`);
  }

  async #requestConfirmation({ tool, args, plan, principal }: ApprovalRequest): Promise<ApprovalOutcome> {
    const issued = await this.tokens.issue({ subject: principal.subject, server: this.server, tool, argumentsHash: argumentsHash(args) });
    decisions.approval(tool, "requested", "token");
    this.audit.record(principal, { decision: "approval", outcome: "requested", tool, detail: "token" });
    const expires = new Date(issued.expiresAt * 1000).toISOString();
    const text =
      `Approval required before ${tool} runs. Plan: ${plan}\n\n` +
      `Show this plan to the user. If they approve, call ${tool} again with the same arguments plus ` +
      `"${APPROVAL_TOKEN_ARGUMENT}": "${issued.token}" (valid until ${expires}, once). Nothing was done yet.`;
    return {
      approved: false,
      result: {
        content: [{ type: "text", text }],
        isError: true,
        _meta: { [APPROVAL_META_KEY]: { status: "approval_required", token: issued.token, expiresAt: expires, plan } },
      },
    };
  }

  #grant(tool: string, principal: Principal, method: string): ApprovalOutcome {
    decisions.approval(tool, "granted", method);
    this.audit.record(principal, { decision: "approval", outcome: "granted", tool, detail: method });
    return { approved: true };
  }

  #deny(tool: string, principal: Principal, method: string, message: string): ApprovalOutcome {
    decisions.approval(tool, "denied", method);
    this.audit.record(principal, { decision: "approval", outcome: "denied", tool, detail: message });
    return { approved: false, result: { content: [{ type: "text", text: message }], isError: true } };
  }
}
