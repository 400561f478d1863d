import type { CreateMessageRequestParams } from "@modelcontextprotocol/server";
import type { InputAbilities } from "../protocol/input-rounds.js";
import { cannotAnswer } from "../protocol/input-rounds.js";
import type { Questions } from "../protocol/questions.js";
import type { RunningTask } from "./running-task.js";

/**
 * Questions a task asks once it runs: the task waits (`input_required`) until the client answers
 * with `tasks/update`. What the client may be asked is what it declared when it started the task.
 */
export class TaskQuestions implements Questions {
  #asked = 0;

  constructor(
    private readonly task: RunningTask,
    private readonly abilities: InputAbilities,
  ) {}

  elicit(params: { message: string; requestedSchema: Record<string, unknown> }, key?: string): Promise<unknown> {
    if (!this.abilities.canElicit) return Promise.reject(cannotAnswer("elicitation", true));
    return this.task.ask(this.#key(key), { method: "elicitation/create", params: { mode: "form", ...params } });
  }

  sample(params: CreateMessageRequestParams, key?: string): Promise<unknown> {
    if (!this.abilities.canSample) return Promise.reject(cannotAnswer("sampling", true));
    return this.task.ask(this.#key(key), { method: "sampling/createMessage", params });
  }

  listRoots(key?: string): Promise<unknown> {
    if (!this.abilities.canListRoots) return Promise.reject(cannotAnswer("roots", true));
    return this.task.ask(this.#key(key), { method: "roots/list" });
  }

  #key(named: string | undefined): string {
    return named ?? `task-input-${++this.#asked}`;
  }
}
