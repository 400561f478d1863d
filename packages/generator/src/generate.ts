import nodePlop, { type NodePlopAPI } from "node-plop";
import plopfile from "./plopfile.js";

/** The generators, writing into the workspace at `root`; a run `signal` aborts is undone. */
export async function loadGenerators(root: string, signal?: AbortSignal): Promise<NodePlopAPI> {
  const plop = await nodePlop(undefined, { destBasePath: root, force: false });
  await plopfile(plop, { destBasePath: root, signal });
  return plop;
}

/** A generator run that did not complete; the workspace is as it was before. */
export class GeneratorError extends Error {
  override name = "GeneratorError";
}

/**
 * Runs a generator with every answer given (no questions). Resolves with a line per step done;
 * rejects with a `GeneratorError` whose message is the first failure.
 */
export async function generate(root: string, generator: "server" | "tool", answers: Record<string, unknown>): Promise<string[]> {
  const plop = await loadGenerators(root);
  const { changes, failures } = await plop.getGenerator(generator).runActions(answers);
  const failure = failures[0];
  if (failure) throw new GeneratorError(failure.error || failure.message);
  return changes.map((change) => `${change.type} ${change.path}`);
}
