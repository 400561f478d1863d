import { isDeepStrictEqual } from "node:util";
import type { Contract, ToolContract } from "../contract.js";
import { diffTool } from "./diff-tool.js";
import type { Finding } from "./finding.js";
import { pairRenames } from "./renames.js";

/**
 * Every change from `before` (the released contract) to `after`, each classified the way API
 * reviewers do (GitHub REST breaking changes, Google AIP-180). The version is not compared: it is
 * the release itself, not a change to it.
 */
export function diffContracts(before: Contract, after: Contract): Finding[] {
  const findings: Finding[] = [];
  if (before.name !== after.name) {
    findings.push({
      level: "breaking",
      at: "",
      change: `server renamed ${before.name} -> ${after.name}`,
      reason: `scopes are named after the server (${before.name}:read), so existing tokens stop working`,
    });
  }
  if (before.description !== after.description) {
    findings.push({ level: "patch", at: "", change: "server description changed", reason: "wording only" });
  }
  const was = byName(before.tools);
  const is = byName(after.tools);
  const removed = [...was.keys()].filter((name) => !is.has(name));
  const added = [...is.keys()].filter((name) => !was.has(name));
  const renamed = pairRenames(removed, added, (old, name) => sameCalls(was.get(old)!, is.get(name)!));
  for (const name of removed) {
    const to = renamed.get(name);
    findings.push({
      level: "breaking",
      tool: name,
      at: "",
      change: to === undefined ? "tool removed" : `tool renamed to ${to}`,
      reason: "clients and prompts that call it by name fail",
    });
  }
  const renamedTo = new Set(renamed.values());
  for (const name of added.filter((name) => !renamedTo.has(name))) {
    findings.push({ level: "minor", tool: name, at: "", change: "tool added", reason: "nothing that worked before changes" });
  }
  for (const [name, tool] of was) {
    const next = is.get(name);
    if (next) findings.push(...diffTool(tool, next));
  }
  return findings;
}

function byName(tools: ToolContract[]): Map<string, ToolContract> {
  return new Map(tools.map((tool) => [tool.name, tool]));
}

function sameCalls(a: ToolContract, b: ToolContract): boolean {
  return a.access === b.access && isDeepStrictEqual(a.inputSchema, b.inputSchema) && isDeepStrictEqual(a.outputSchema, b.outputSchema);
}
