export type { Command, CommandIo } from "./command.js";
export { run } from "./run.js";
