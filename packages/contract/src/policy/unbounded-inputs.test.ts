import { describe, expect, it } from "vitest";
import type { Contract, JsonSchema } from "../contract.js";
import { contract, policyContext, tool } from "../test-fixtures/contracts.js";
import { unboundedInputsRule } from "./unbounded-inputs.js";

const str = { type: "string" };
const inputSchema: JsonSchema = {
  type: "object",
  properties: {
    slug: str,
    title: { type: "string", maxLength: 100 },
    kind: { type: "string", enum: ["guide", "runbook"] },
    fixed: { type: "string", const: "v1" },
    email: { type: "string", format: "email" },
    note: { anyOf: [str, { type: "null" }] },
    tags: { type: "array", items: { type: "string", maxLength: 20 } },
    ids: { type: "array", maxItems: 10, items: str },
    pair: { type: "array", maxItems: 2, prefixItems: [str, { type: "integer" }] },
    labels: { type: "object", additionalProperties: str },
    filter: { $ref: "#/$defs/filter" },
  },
  $defs: { filter: { type: "object", properties: { text: { type: ["string", "null"] }, limit: { type: "integer", maximum: 50 } } } },
};
const server = contract([
  tool({ inputSchema }),
  tool({ name: "bounded", inputSchema: { type: "object", properties: { slug: { type: "string", maxLength: 80 } } } }),
]);

const unbounded = [
  ["input.slug", "string"],
  ["input.email", "string"],
  ["input.note", "string"],
  ["input.tags", "array"],
  ["input.ids[]", "string"],
  ["input.pair[0]", "string"],
  ["input.labels.*", "string"],
  ["input.filter.text", "string"],
].map(([at, type]) => ({
  tool: "get_runbook",
  message: `runbooks/get_runbook ${at}: ${type === "string" ? "a string" : "an array"} of any length (no ${type === "string" ? "maxLength" : "maxItems"})`,
  fix: `bound it, e.g. ${type === "string" ? "z.string().max(<n>)" : "z.array(...).max(<n>)"}`,
}));

const check = (server: Contract) => unboundedInputsRule.check(policyContext(server));

describe("inputs.unbounded", () => {
  it("finds each input string without maxLength and array without maxItems, through refs, unions, items and records", () => {
    expect(check(server)).toEqual(unbounded);
  });

  it("passes a tool whose every string and array is bounded", () => {
    expect(check(contract([tool({ name: "bounded", inputSchema: { type: "object", properties: { slug: { type: "string", maxLength: 80 } } } })]))).toEqual([]);
  });

  it("walks a recursive definition once and names a place once", () => {
    const node = { type: "object", properties: { label: str, children: { type: "array", maxItems: 5, items: { $ref: "#/$defs/node" } } } };
    const id = { anyOf: [str, { type: "string", format: "uuid" }] };
    const recursive = tool({ inputSchema: { type: "object", properties: { tree: { $ref: "#/$defs/node" }, id }, $defs: { node } } });
    expect(check(contract([recursive])).map((finding) => finding.message.split(":")[0])).toEqual([
      "runbooks/get_runbook input.tree.label",
      "runbooks/get_runbook input.id",
    ]);
  });
});
