import type { CreateMessageRequestParams, InputRequest } from "@modelcontextprotocol/server";
import { ToolError } from "../definition/tool-error.js";

/** What the client said it can do for a server that needs input (per request on 2026-07-28). */
export interface InputAbilities {
  canElicit: boolean;
  canSample: boolean;
}

/**
 * Ends the handler's round: the client must answer `requests` and retry (a multi round-trip
 * request). Thrown by `ctx.elicit` / `ctx.sample` when the answer is not known yet.
 */
export class InputNeeded extends Error {
  constructor(readonly requests: Record<string, InputRequest>) {
    super("The handler needs input from the client");
    this.name = "InputNeeded";
  }
}

/**
 * A handler's questions to the client, answered by replay: on 2026-07-28 a handler that asks
 * (`ctx.elicit`, `ctx.sample`) ends its round; the client answers and retries, and the handler
 * runs again from the start, this time getting the recorded answers in the order it asked. So the
 * code before a question runs once per round: keep it free of side effects. On 2025-11-25
 * sessions the SDK's shim asks the client directly and re-runs the handler the same way.
 */
export class InputRounds {
  readonly #answers: Readonly<Record<string, unknown>>;
  readonly #abilities: InputAbilities;
  #asked = 0;
  readonly #pending: Record<string, InputRequest> = {};

  constructor(answers: Readonly<Record<string, unknown>>, abilities: InputAbilities) {
    this.#answers = answers;
    this.#abilities = abilities;
  }

  /** Every answer so far: what the next round's state carries. */
  get answers(): Readonly<Record<string, unknown>> {
    return this.#answers;
  }

  /** The questions of this round, once the handler has stopped at one. */
  get pending(): Record<string, InputRequest> {
    return this.#pending;
  }

  elicit(params: { message: string; requestedSchema: Record<string, unknown> }): Promise<unknown> {
    if (!this.#abilities.canElicit) return Promise.reject(new ToolError("This client does not support elicitation"));
    return this.#ask({ method: "elicitation/create", params: { mode: "form", ...params } } as InputRequest);
  }

  sample(params: CreateMessageRequestParams): Promise<unknown> {
    if (!this.#abilities.canSample) return Promise.reject(new ToolError("This client does not support sampling"));
    return this.#ask({ method: "sampling/createMessage", params });
  }

  #ask(request: InputRequest): Promise<unknown> {
    const key = `input-${++this.#asked}`;
    if (key in this.#answers) return Promise.resolve(this.#answers[key]);
    this.#pending[key] = request;
    return Promise.reject(new InputNeeded(this.#pending));
  }
}
