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
  // A first round (most calls) has no state to verify: its answers are its own.
  const { requestState } = round;
  const answers = requestState === undefined ? round.inputResponses : await inputs.resume(call, { ...round, requestState });
  const rounds = new InputRounds(answers, round);
  try {
    return await work(rounds);
  } catch (error) {
    if (!(error instanceof InputNeeded)) throw error;
    return inputs.next(call, rounds.answers, rounds.pending);
  }
}
