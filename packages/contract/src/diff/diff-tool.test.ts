import { describe, expect, it } from "vitest";
import type { ToolContract } from "../contract.js";
import { deprecation, tool } from "../test-fixtures/contracts.js";
import { diffTool } from "./diff-tool.js";

const outputSchema = { type: "object", properties: { markdown: { type: "string" } }, required: ["markdown"] };

/** [rule, change to the tool, the one finding expected] */
const rules: [string, Partial<ToolContract>, Partial<ToolContract>, { level: string; at: string; change: string }][] = [
  ["title is patch", {}, { title: "Fetch a runbook" }, { level: "patch", at: "", change: "title changed" }],
  ["description is patch", {}, { description: "Fetches one runbook." }, { level: "patch", at: "", change: "description changed" }],
  ["access raised is breaking", {}, { access: "write" }, { level: "breaking", at: "", change: "access read -> write" }],
  [
    "access raised to destructive is breaking",
    { access: "write" },
    { access: "destructive" },
    { level: "breaking", at: "", change: "access write -> destructive" },
  ],
  ["access lowered is minor", { access: "destructive" }, { access: "read" }, { level: "minor", at: "", change: "access destructive -> read" }],
  [
    "a behavioural hint is minor",
    {},
    { annotations: { ...tool().annotations, openWorldHint: true } },
    { level: "minor", at: "", change: "annotation openWorldHint false -> true" },
  ],
  ["deprecating is minor", {}, { deprecated: deprecation }, { level: "minor", at: "", change: "deprecated (sunset 2026-04-01, use read_runbook)" }],
  ["undeprecating is minor", { deprecated: deprecation }, {}, { level: "minor", at: "", change: "no longer deprecated" }],
  ["structured output added is minor", {}, { outputSchema }, { level: "minor", at: "output", change: "structured output added" }],
  ["structured output removed is breaking", { outputSchema }, {}, { level: "breaking", at: "output", change: "structured output removed" }],
  [
    "the input schema is walked as input",
    {},
    { inputSchema: { type: "object", properties: { slug: { type: "string" }, lang: { type: "string" } }, required: ["slug"] } },
    { level: "minor", at: "input.lang", change: "optional input added" },
  ],
  [
    "the output schema is walked as output",
    { outputSchema },
    { outputSchema: { ...outputSchema, required: [] } },
    { level: "breaking", at: "output.markdown", change: "required -> optional" },
  ],
];

describe("diffTool", () => {
  it.each(rules)("%s", (_rule, before, after, expected) => {
    const findings = diffTool(tool(before), tool(after)).map(({ level, at, change }) => ({ level, at, change }));
    expect(findings).toEqual([expected]);
  });

  it("does not report annotations derived from access and title twice", () => {
    const raised = tool({ access: "destructive", annotations: { ...tool().annotations, readOnlyHint: false, destructiveHint: true } });
    expect(diffTool(tool(), raised).map((finding) => finding.change)).toEqual(["access read -> destructive"]);
  });
});
