import { bumpBetween, bumpRank, largestBump, type Bump } from "./bump.js";
import { changesetProblem } from "./changeset-problem.js";
import { pendingBumps } from "./changesets.js";
import { parseContract } from "./contract.js";
import { diffContracts } from "./diff/diff-contracts.js";
import { bumpFor, type Finding } from "./diff/finding.js";
import { evaluatePolicy, type PolicyFinding } from "./policy/evaluate.js";
import { loadPolicy, type Policy } from "./policy/policy-config.js";
import { checkRemovals, removedTools } from "./policy/removal-rules.js";
import type { Problem } from "./problem.js";
import { findBase, type Base } from "./release/base.js";
import { releasedDeprecations } from "./release/released-deprecations.js";
import { contractFiles, type ContractFile } from "./update.js";
import { readCodeowners } from "./workspace.js";

export interface AppCheck {
  packageName: string;
  contractPath: string;
  base: Base | undefined;
  /** Every change since the base, classified. */
  findings: Finding[];
  /** The release the findings need, and the one the pending changesets (or an applied version bump) give. */
  needed: Bump;
  given: Bump;
  problems: Problem[];
  /** What the policy only warns about: the check still passes. */
  warnings: Problem[];
  /** What the policy would fail or warn about, excused for its tool by a waiver in force. */
  waived: PolicyFinding[];
}

interface CheckContext {
  rootDir: string;
  policy: Policy;
  pending: Map<string, Bump>;
  codeowners: string | undefined;
  now: Date;
}

/** `pnpm contract:check`: every server's contract checked for staleness, bump and policy. */
export async function checkContracts(options: { cwd: string; now: Date }): Promise<AppCheck[]> {
  const { rootDir, files } = await contractFiles(options.cwd);
  const [policy, pending, codeowners] = await Promise.all([loadPolicy(rootDir), pendingBumps(rootDir), readCodeowners(rootDir)]);
  const checks: AppCheck[] = [];
  for (const file of files) checks.push(await checkApp(file, { rootDir, policy, pending, codeowners, now: options.now }));
  return checks;
}

async function checkApp(file: ContractFile, { rootDir, policy, pending, codeowners, now }: CheckContext): Promise<AppCheck> {
  const { app } = file;
  const contract = parseContract(file.expected, app.contractPath);
  const problems: Problem[] = [];
  if (file.actual !== file.expected) {
    problems.push({
      kind: "stale",
      message: `${app.contractPath} ${file.actual === undefined ? "is missing" : "does not match the server's definition"}`,
      fix: `pnpm contract:update, then commit ${app.contractPath}`,
    });
  }
  const policyFindings = evaluatePolicy({ contract, serverPath: app.relativeDir, policy, codeowners }, now);
  const asProblems = (outcome: PolicyFinding["outcome"]) =>
    policyFindings
      .filter((finding) => finding.outcome === outcome)
      .map(({ message, fix, rule, reason }): Problem => ({ kind: "policy", message, fix, rule, reason }));
  problems.push(...asProblems("error"));
  const base = await findBase(rootDir, app);
  const waived = policyFindings.filter((finding) => finding.outcome === "waived");
  const check = { packageName: app.packageName, contractPath: app.contractPath, base, problems, warnings: asProblems("warn"), waived };
  if (!base?.contract) return { ...check, findings: [], needed: "none", given: "none" };

  const findings = diffContracts(base.contract, contract);
  const needed = largestBump(findings.map((finding) => bumpFor(finding.level)));
  const pendingBump = pending.get(app.packageName) ?? "none";
  const given = largestBump([pendingBump, bumpBetween(base.contract.version, contract.version)]);
  if (bumpRank(needed) > bumpRank(given)) {
    problems.push(
      changesetProblem({
        packageName: app.packageName,
        baseLabel: base.label,
        baseVersion: base.contract.version,
        contract,
        findings,
        needed,
        pending: pendingBump,
      }),
    );
  }
  if (removedTools(base.contract, contract).length > 0) {
    const released = await releasedDeprecations(rootDir, app);
    problems.push(
      ...checkRemovals({
        packageName: app.packageName,
        base: base.contract,
        baseLabel: base.label,
        current: contract,
        releasedDeprecations: (tool) => released.get(tool) ?? [],
        policy: policy.deprecation,
        now,
      }),
    );
  }
  return { ...check, findings, needed, given };
}
