import { abortOnInterrupt } from "./cli/interrupt.js";
import { runCli } from "./cli/run-cli.js";

const signal = abortOnInterrupt();
process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  interactive: process.stdin.isTTY === true,
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  signal,
});
// A question an interrupt left unanswered would hold the process open.
if (signal.aborted) process.exit();
