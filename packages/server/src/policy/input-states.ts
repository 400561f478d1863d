import { argumentsHash, type ApprovalTokens, type Principal } from "@mcp-platform/auth";
import { inputRequired, ProtocolError, ProtocolErrorCode, type InputRequest, type InputRequiredResult } from "@modelcontextprotocol/server";
import type { RoundInput } from "./round-input.js";

/** The call a round belongs to: its operation (a tool name, `prompts/get <name>`, ...) and arguments. */
export interface RoundCall {
  op: string;
  args: unknown;
  principal: Principal;
}

interface InputState {
  phase: "input";
  answers: Record<string, unknown>;
}

/**
 * The signed `requestState` of a call that asks its client questions (no approval involved): it
 * carries the answers so far, so the next round's handler can replay them, and binds them to the
 * principal, the operation and the arguments (a state taken to another call is refused).
 */
export class InputStates {
  constructor(
    private readonly server: string,
    private readonly tokens: ApprovalTokens,
  ) {}

  /**
   * Every answer so far, in a round that carries the previous round's state (a first round has only
   * its own answers, the client's word as any answer is). A forged, foreign or expired state is -32602.
   */
  async resume(call: RoundCall, round: RoundInput & { requestState: string }): Promise<Record<string, unknown>> {
    const verified = await this.tokens.verify<InputState>(round.requestState, this.#claims(call));
    if (!verified.ok || verified.data.phase !== "input") {
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Invalid or expired requestState: ${verified.ok ? "not an input round" : verified.reason}`);
    }
    return { ...verified.data.answers, ...round.inputResponses };
  }

  async next(call: RoundCall, answers: Record<string, unknown>, questions: Record<string, InputRequest>): Promise<InputRequiredResult> {
    const state: InputState = { phase: "input", answers };
    const { token } = await this.tokens.issue(this.#claims(call), { ...state });
    return inputRequired({ inputRequests: questions, requestState: token });
  }

  #claims(call: RoundCall) {
    return { subject: call.principal.subject, server: this.server, tool: call.op, argumentsHash: argumentsHash(call.args) };
  }
}
