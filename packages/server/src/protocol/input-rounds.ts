import {
  MissingRequiredClientCapabilityError,
  type ClientCapabilities,
  type CreateMessageRequestParams,
  type InputRequest,
} from "@modelcontextprotocol/server";
import { ToolError } from "../definition/tool-error.js";
import type { Questions } from "./questions.js";

/** What the client said it can answer, and whether it says so per request (2026-07-28). */
export interface InputAbilities {
  canElicit: boolean;
  canSample: boolean;
  canListRoots: boolean;
  modern: boolean;
}

/**
 * Ends the handler's round: the client must answer `requests` and retry (a multi round-trip
 * request). Thrown by `ctx.elicit` / `ctx.sample` / `ctx.listRoots` when the answer is not known yet.
 */
export class InputNeeded extends Error {
  constructor(readonly requests: Record<string, InputRequest>) {
    super("The handler needs input from the client");
    this.name = "InputNeeded";
  }
}

type Kind = "elicitation" | "sampling" | "roots";

const ABILITY: Record<Kind, keyof InputAbilities> = { elicitation: "canElicit", sampling: "canSample", roots: "canListRoots" };

/** What a well-formed answer of each kind looks like; anything else counts as no answer (ask again). */
const WELL_FORMED: Record<Kind, (answer: unknown) => boolean> = {
  elicitation: (answer) => ["accept", "decline", "cancel"].includes((answer as { action?: unknown } | null)?.action as string),
  sampling: (answer) => typeof answer === "object" && answer !== null && "content" in answer,
  roots: (answer) => Array.isArray((answer as { roots?: unknown } | null)?.roots),
};

/**
 * A handler's questions to the client, answered by replay: on 2026-07-28 a handler that asks
 * (`ctx.elicit`, `ctx.sample`, `ctx.listRoots`) ends its round; the client answers and retries, and
 * the handler runs again from the start, this time getting the answers. Questions are keyed by
 * the order they are asked in (`input-1`, ...) unless the handler names them. So the code before
 * a question runs once per round: keep it free of side effects. On 2025-11-25 sessions the
 * SDK's shim asks the client directly and re-runs the handler the same way.
 */
export class InputRounds implements Questions {
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

  /** `accepts`: whether accepted content fits what was asked; content that does not is asked for again. */
  elicit(params: { message: string; requestedSchema: Record<string, unknown> }, key?: string, accepts?: (content: unknown) => boolean): Promise<unknown> {
    const fits = (answer: unknown) =>
      (answer as { action: string }).action !== "accept" || !accepts || accepts((answer as { content?: unknown }).content ?? {});
    return this.#ask("elicitation", { method: "elicitation/create", params: { mode: "form", ...params } } as InputRequest, key, fits);
  }

  sample(params: CreateMessageRequestParams, key?: string): Promise<unknown> {
    return this.#ask("sampling", { method: "sampling/createMessage", params }, key);
  }

  listRoots(key?: string): Promise<unknown> {
    return this.#ask("roots", { method: "roots/list" }, key);
  }

  #ask(kind: Kind, request: InputRequest, named: string | undefined, fits: (answer: unknown) => boolean = () => true): Promise<unknown> {
    const key = named ?? `input-${++this.#asked}`;
    if (!this.#abilities[ABILITY[kind]]) return Promise.reject(this.#cannotAnswer(kind));
    const answer = this.#answers[key];
    // The spec's advice for a missing or unusable answer: ask again rather than fail.
    if (WELL_FORMED[kind](answer) && fits(answer)) return Promise.resolve(answer);
    this.#pending[key] = request;
    return Promise.reject(new InputNeeded(this.#pending));
  }

  #cannotAnswer(kind: Kind): Error {
    return cannotAnswer(kind, this.#abilities.modern);
  }
}

/** 2026-07-28 names the capability the request lacks (-32021); a 2025 tool result says it in words. */
export function cannotAnswer(kind: "elicitation" | "sampling" | "roots", modern: boolean): Error {
  if (!modern) return new ToolError(`This client does not support ${kind}`);
  const requiredCapabilities = { [kind]: {} } as ClientCapabilities;
  return new MissingRequiredClientCapabilityError({ requiredCapabilities });
}
