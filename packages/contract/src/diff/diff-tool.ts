import { isDeepStrictEqual } from "node:util";
import { ACCESS_LEVELS } from "@mcp-platform/server/definition";
import type { ToolContract } from "../contract.js";
import { diffSchema } from "./diff-schema.js";
import type { Finding } from "./finding.js";

/** Annotations derived from the access level (or the title) are covered by those rules. */
const DERIVED_ANNOTATIONS = new Set(["title", "readOnlyHint", "destructiveHint"]);

export function diffTool(before: ToolContract, after: ToolContract): Finding[] {
  const tool = before.name;
  const findings: Finding[] = [];
  for (const field of ["title", "description"] as const) {
    if (before[field] !== after[field]) {
      findings.push({ level: "patch", tool, at: "", change: `${field} changed`, reason: "wording only; calls and results are the same" });
    }
  }
  findings.push(...diffAccess(before, after));
  for (const hint of new Set([...Object.keys(before.annotations), ...Object.keys(after.annotations)])) {
    if (DERIVED_ANNOTATIONS.has(hint) || isDeepStrictEqual(before.annotations[hint], after.annotations[hint])) continue;
    findings.push({
      level: "minor",
      tool,
      at: "",
      change: `annotation ${hint} ${JSON.stringify(before.annotations[hint])} -> ${JSON.stringify(after.annotations[hint])}`,
      reason: "clients may now treat the tool differently (retries, trust prompts), but calls keep working",
    });
  }
  if (!isDeepStrictEqual(before.deprecated, after.deprecated)) {
    findings.push({
      level: "minor",
      tool,
      at: "",
      change: after.deprecated ? `deprecated (sunset ${after.deprecated.sunset}, use ${after.deprecated.replacement})` : "no longer deprecated",
      reason: "announces a change of the tool's end of life; calls keep working until its sunset",
    });
  }
  findings.push(...diffSchema(before.inputSchema, after.inputSchema, { tool, at: "input", direction: "input" }));
  findings.push(...diffOutput(before, after));
  return findings;
}

function diffAccess(before: ToolContract, after: ToolContract): Finding[] {
  const raised = ACCESS_LEVELS.indexOf(after.access) - ACCESS_LEVELS.indexOf(before.access);
  if (raised === 0) return [];
  const change = `access ${before.access} -> ${after.access}`;
  return raised > 0
    ? [{ level: "breaking", tool: before.name, at: "", change, reason: "callers need a broader scope and each call may need approval" }]
    : [{ level: "minor", tool: before.name, at: "", change, reason: "every caller allowed before still is" }];
}

function diffOutput(before: ToolContract, after: ToolContract): Finding[] {
  const tool = before.name;
  if (before.outputSchema && after.outputSchema) {
    return diffSchema(before.outputSchema, after.outputSchema, { tool, at: "output", direction: "output" });
  }
  if (before.outputSchema) {
    return [{ level: "breaking", tool, at: "output", change: "structured output removed", reason: "clients that read structuredContent get none" }];
  }
  if (after.outputSchema) {
    return [
      { level: "minor", tool, at: "output", change: "structured output added", reason: "the text content stays; clients may also read structuredContent" },
    ];
  }
  return [];
}
