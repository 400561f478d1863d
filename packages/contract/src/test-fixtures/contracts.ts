import type { Contract, ToolContract } from "../contract.js";
import { DEFAULT_POLICY } from "../policy/policy-config.js";
import type { PolicyContext } from "../policy/rule.js";

/** A read tool with one required string input, to vary in tests. */
export function tool(overrides: Partial<ToolContract> = {}): ToolContract {
  return {
    name: "get_runbook",
    title: "Get a runbook",
    description: "Returns one runbook.",
    access: "read",
    annotations: { destructiveHint: false, idempotentHint: true, openWorldHint: false, readOnlyHint: true, title: "Get a runbook" },
    inputSchema: { type: "object", properties: { slug: { type: "string" } }, required: ["slug"] },
    ...overrides,
  };
}

export function contract(tools: ToolContract[], overrides: Partial<Contract> = {}): Contract {
  return { name: "runbooks", version: "1.0.0", owner: "team-sre", description: "Runbooks.", transport: "stdio", tools, ...overrides };
}

export const deprecation = { since: "2026-01-01", sunset: "2026-04-01", replacement: "read_runbook", reason: "renamed" };

/** What a policy rule reads, for `server` in `apps/runbooks` under the default policy and no CODEOWNERS. */
export function policyContext(server: Contract, overrides: Partial<PolicyContext> = {}): PolicyContext {
  return { contract: server, serverPath: "apps/runbooks", policy: DEFAULT_POLICY, codeowners: undefined, ...overrides };
}
