import type { InputRequiredResult } from "@modelcontextprotocol/server";
import type { InputStates, RoundCall } from "../policy/input-states.js";
import type { RoundInput } from "../policy/round-input.js";
import { InputNeeded, InputRounds } from "./input-rounds.js";

/**
 * Runs one round of work that may ask its client questions: the answers so far come from the
 * verified state of the previous round, and a question ends the round with `input_required`.
 */
export async function withInputRounds<T>(
  inputs: InputStates,
  call: RoundCall,
  round: RoundInput,
  work: (rounds: InputRounds) => Promise<T>,
): Promise<T | InputRequiredResult> {
  // Most calls are a first round: nothing to verify, so no await.
  const answers = round.requestState === undefined ? round.inputResponses : await inputs.resume(call, round);
  const rounds = new InputRounds(answers, round);
  try {
    return await work(rounds);
  } catch (error) {
    if (!(error instanceof InputNeeded)) throw error;
    return inputs.next(call, rounds.answers, rounds.pending);
  }
}
