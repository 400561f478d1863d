import type { ClientCapabilities } from "@modelcontextprotocol/server";
import { declaredCapabilities, isModernRequest } from "../protocol/envelope.js";
import type { ProtocolContext } from "../protocol/request-context.js";
import { TASKS_EXTENSION } from "../tasks/task-wire.js";

/** What one request brings to a multi round-trip exchange, and what its client can answer. */
export interface RoundInput {
  /** A 2026-07-28 request (else 2025, where the SDK's shim asks a session's client directly). */
  modern: boolean;
  /** What the client declared: on this request (2026-07-28), or at its session's `initialize`. */
  capabilities: ClientCapabilities | undefined;
  canElicit: boolean;
  canSample: boolean;
  canListRoots: boolean;
  /** The request declares the tasks extension (2026-07-28 only): a tool call may become a task. */
  canUseTasks: boolean;
  /** The state the client echoed from the previous round, unverified. */
  requestState: string | undefined;
  /** The client's answers to the previous round's questions (untrusted input). */
  inputResponses: Record<string, unknown>;
}

/**
 * On 2026-07-28 the request declares its client's capabilities itself; on 2025 they are what the
 * session's `initialize` said (nothing, for a stateless request: it cannot be asked anything).
 */
export function roundInputOf(ctx: ProtocolContext, sessionCapabilities: ClientCapabilities | undefined): RoundInput {
  const modern = isModernRequest(ctx);
  const capabilities = modern ? declaredCapabilities(ctx) : sessionCapabilities;
  const state = ctx.mcpReq.requestState();
  return {
    modern,
    capabilities,
    canElicit: supportsFormElicitation(capabilities),
    canSample: capabilities?.sampling !== undefined,
    canListRoots: capabilities?.roots !== undefined,
    canUseTasks: modern && capabilities?.extensions?.[TASKS_EXTENSION] !== undefined,
    requestState: typeof state === "string" ? state : undefined,
    inputResponses: ctx.mcpReq.inputResponses ?? {},
  };
}

/** Form elicitation: declared as `{ form: {} }`, or as `{}` by clients from before URL mode existed. */
function supportsFormElicitation(capabilities: ClientCapabilities | undefined): boolean {
  const elicitation = capabilities?.elicitation as { form?: object; url?: object } | undefined;
  return elicitation !== undefined && (elicitation.form !== undefined || elicitation.url === undefined);
}
