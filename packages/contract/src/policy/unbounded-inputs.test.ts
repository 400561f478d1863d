import { describe, expect, it } from "vitest";
import type { JsonSchema } from "../contract.js";
import { contract, tool } from "../test-fixtures/contracts.js";
import { checkInputBounds } from "./unbounded-inputs.js";

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
  kind: "unbounded",
  message: `runbooks/get_runbook ${at}: ${type === "string" ? "a string" : "an array"} of any length (no ${type === "string" ? "maxLength" : "maxItems"})`,
  fix: `bound it, e.g. ${type === "string" ? "z.string().max(<n>)" : "z.array(...).max(<n>)"}`,
}));

describe("checkInputBounds", () => {
  it("warns about each input string without maxLength and array without maxItems, through refs, unions, items and records", () => {
    expect(checkInputBounds(server, "warn")).toEqual({ problems: [], warnings: unbounded });
  });

  it("fails the check with the same list when the policy says fail", () => {
    expect(checkInputBounds(server, "fail")).toEqual({ problems: unbounded, warnings: [] });
  });

  it("says nothing when the policy is off", () => {
    expect(checkInputBounds(server, "off")).toEqual({ problems: [], warnings: [] });
  });

  it("walks a recursive definition once and names a place once", () => {
    const node = { type: "object", properties: { label: str, children: { type: "array", maxItems: 5, items: { $ref: "#/$defs/node" } } } };
    const id = { anyOf: [str, { type: "string", format: "uuid" }] };
    const recursive = tool({ inputSchema: { type: "object", properties: { tree: { $ref: "#/$defs/node" }, id }, $defs: { node } } });
    const { warnings } = checkInputBounds(contract([recursive]), "warn");
    expect(warnings.map((warning) => warning.message.split(":")[0])).toEqual(["runbooks/get_runbook input.tree.label", "runbooks/get_runbook input.id"]);
  });
});
