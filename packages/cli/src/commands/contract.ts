import { checkContracts, updateContracts } from "@mcp-platform/contract";
import { now } from "../clock.js";
import type { Command, CommandIo } from "../command.js";
import { checkReport, problemReport, warningReport } from "../contract-report.js";

const command: Command = {
  summary: "write (update) or verify (check) each server's mcp-contract.json",
  usage: "contract update|check",
  run: ([action, ...rest], io) => {
    if (rest.length === 0 && action === "update") return update(io);
    if (rest.length === 0 && action === "check") return check(io);
    io.err("Usage: mcp-platform contract update|check");
    return Promise.resolve(2);
  },
};
export default command;

async function update(io: CommandIo): Promise<number> {
  const written = await updateContracts(io.cwd);
  io.out(written.length === 0 ? "Contracts are up to date." : written.map((file) => `wrote ${file.app.contractPath}`).join("\n"));
  return 0;
}

async function check(io: CommandIo): Promise<number> {
  const checks = await checkContracts({ cwd: io.cwd, now: now(io.env) });
  for (const appCheck of checks) io.out(checkReport(appCheck).join("\n"));
  const warnings = checks.flatMap((appCheck) => appCheck.warnings);
  if (warnings.length > 0) io.err(warningReport(warnings).join("\n"));
  const problems = checks.flatMap((appCheck) => appCheck.problems);
  if (problems.length === 0) {
    io.out(`Contract check passed (${checks.length} server${checks.length === 1 ? "" : "s"}).`);
    return 0;
  }
  io.err(problemReport(problems).join("\n"));
  return 1;
}
