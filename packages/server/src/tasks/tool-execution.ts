import type { Principal } from "@mcp-platform/auth";
import { ProtocolError, type CallToolResult } from "@modelcontextprotocol/server";
import type { TaskOptions } from "../definition/define.js";
import type { InputAbilities } from "../protocol/input-rounds.js";
import type { Questions } from "../protocol/questions.js";
import type { TaskError } from "../store/task-store.js";
import type { RunningTask } from "./running-task.js";
import { TaskQuestions } from "./task-questions.js";
import type { TaskRunner } from "./task-runner.js";
import { createTaskResult } from "./task-wire.js";

/** What a handler's context reads while the call runs; it changes when the call becomes a task. */
export interface CallState {
  readonly questions: Questions;
  readonly signal: AbortSignal;
  /** The call runs as a task now: nothing goes to the (finished) request's stream any more. */
  readonly inTask: boolean;
  startTask(): Promise<void>;
}

/** A call that may become a task, and how: who started it, and the tool's task settings. */
export interface TaskPlan {
  runner: TaskRunner;
  tool: string;
  principal: Principal;
  options: TaskOptions;
}

/**
 * One tool call's state: it answers the request until it becomes a task (`startTask`, by the kit
 * or by the handler), after which its result goes to the task and the request gets the handle.
 */
export class ToolExecution implements CallState {
  questions: Questions;
  signal: AbortSignal;
  #task: RunningTask | undefined;
  #starting: Promise<void> | undefined;
  #becameTask: (() => void) | undefined;
  /** Settles when the call becomes a task; only a call with a plan can. */
  readonly #handle: Promise<void> | undefined;

  constructor(
    rounds: Questions,
    requestSignal: AbortSignal,
    private readonly abilities: InputAbilities,
    private readonly plan: TaskPlan | undefined,
  ) {
    this.questions = rounds;
    this.signal = requestSignal;
    if (plan) this.#handle = new Promise<void>((resolve) => (this.#becameTask = resolve));
  }

  get inTask(): boolean {
    return this.#task !== undefined;
  }

  startTask(): Promise<void> {
    if (!this.plan) return Promise.resolve();
    return (this.#starting ??= this.#start(this.plan));
  }

  /** Runs the call: its result, or the task handle as soon as it became a task (the result then goes to the task). */
  async run(work: () => Promise<CallToolResult>): Promise<CallToolResult | Record<string, unknown>> {
    const outcome = work();
    if (!this.#handle) return outcome;
    await Promise.race([outcome.then(noop, noop), this.#handle]);
    await this.#starting;
    const task = this.#task;
    if (!task) return outcome;
    this.plan!.runner.run(task, () =>
      outcome.then(
        (result) => task.complete(result),
        (error: unknown) => task.fail(taskError(error)),
      ),
    );
    return createTaskResult(task.record);
  }

  async #start(plan: TaskPlan): Promise<void> {
    const task = await plan.runner.start(plan.tool, plan.principal, plan.options);
    this.#task = task;
    this.questions = new TaskQuestions(task, this.abilities);
    this.signal = task.signal;
    this.#becameTask!();
  }
}

function noop(): void {}

/** A task fails with the JSON-RPC error its work ended with (a tool's own error result completes it). */
function taskError(error: unknown): TaskError {
  if (error instanceof ProtocolError) return { code: error.code, message: error.message, ...(error.data === undefined ? {} : { data: error.data }) };
  return { code: -32603, message: "The task stopped with an internal error" };
}

/** The state of work that never becomes a task (a prompt, a resource read): it answers its request. */
export function requestBound(questions: Questions, signal: AbortSignal): CallState {
  return { questions, signal, inTask: false, startTask: () => Promise.resolve() };
}
