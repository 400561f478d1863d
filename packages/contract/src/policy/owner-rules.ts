import { codeownersHandle, isOwner, ownersOf } from "../catalog/codeowners-match.js";
import type { PolicyContext, PolicyRule, RuleFinding } from "./rule.js";

const WRITE_CODEOWNERS = "pnpm catalog (it writes the servers block of CODEOWNERS), then commit CODEOWNERS";

export const ownerPatternRule: PolicyRule = {
  id: "owner.pattern",
  subject: "server",
  reason: "owners are CODEOWNERS teams: one naming form keeps review requests, alerts and the catalog pointing at a real team",
  check: ({ contract, serverPath, policy }) => {
    if (new RegExp(policy.generator.ownerPattern).test(contract.owner)) return [];
    return [
      {
        message: `${contract.name}: owner "${contract.owner}" is not of the form ${policy.generator.ownerForm}`,
        fix: `set owner in ${serverPath}/src/server.ts to a team of that form (mcp-platform.config.json: generator.ownerPattern)`,
      },
    ];
  },
};

export const ownerInCodeownersRule: PolicyRule = {
  id: "owner.codeowners",
  subject: "server",
  reason: "a change to a server is reviewed by the team that owns it, and GitHub asks that team only through CODEOWNERS",
  check: (context) => requireOwners(context, `${context.serverPath}/src/server.ts`, [context.contract.owner]),
};

export const securityReviewRule: PolicyRule = {
  id: "contract.security-review",
  subject: "server",
  reason: "security co-owns every mcp-contract.json, so a change to what a server may do (a new write or destructive tool) asks for its review",
  check: (context) => {
    const { securityReviewers } = context.policy.policy;
    if (!securityReviewers) return [];
    return requireOwners(context, `${context.serverPath}/mcp-contract.json`, [context.contract.owner, securityReviewers]);
  },
};

function requireOwners({ contract, codeowners }: PolicyContext, path: string, names: string[]): RuleFinding[] {
  const wanted = names.map(codeownersHandle).join(" ");
  if (codeowners === undefined) return [{ message: `${contract.name}: there is no CODEOWNERS to give ${path} to ${wanted}`, fix: WRITE_CODEOWNERS }];
  const missing = names.filter((name) => !isOwner(codeowners, path, name));
  if (missing.length === 0) return [];
  const owners = ownersOf(codeowners, path);
  return [
    {
      message: `${contract.name}: CODEOWNERS gives ${path} to ${owners.join(" ") || "nobody"}, not to ${missing.map(codeownersHandle).join(" and ")}`,
      fix: `${WRITE_CODEOWNERS}; a line after its block that matches ${path} takes precedence`,
    },
  ];
}
