import type { ActionConfig, NodePlopAPI } from "node-plop";

/** The custom actions, each a step of a generator run whose work the generator gives as a closure. */
const STEP_TYPES = ["check", "record", "register", "changeset", "place", "install", "contract", "catalog"] as const;

type StepType = (typeof STEP_TYPES)[number];

export interface StepConfig extends ActionConfig {
  /** Does the work; resolves with what to show for it (paths written, command run). */
  run: () => Promise<string>;
}

export function registerSteps(plop: NodePlopAPI): void {
  for (const type of STEP_TYPES) plop.setActionType(type, (_answers, config) => (config as unknown as StepConfig).run());
}

export function step(type: StepType, run: () => Promise<string> | string): StepConfig {
  return { type, run: async () => run() };
}
