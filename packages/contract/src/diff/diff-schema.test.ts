import { describe, expect, it } from "vitest";
import type { JsonSchema } from "../contract.js";
import { diffSchema } from "./diff-schema.js";
import type { Direction } from "./effect.js";

const object = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({ type: "object", properties, required });
const str = { type: "string" };

function diff(direction: Direction, before: JsonSchema, after: JsonSchema) {
  return diffSchema(before, after, { tool: "t", at: direction, direction }).map(({ level, at, change }) => ({ level, at, change }));
}

/** [rule, direction, before, after, the one finding expected] */
const rules: [string, Direction, JsonSchema, JsonSchema, { level: string; at: string; change: string }][] = [
  ["input property removed", "input", object({ a: str, b: str }), object({ a: str }), { level: "breaking", at: "input.b", change: "input property removed" }],
  [
    "input property renamed",
    "input",
    object({ a: str, b: { type: "number" } }),
    object({ a: str, c: { type: "number" } }),
    { level: "breaking", at: "input.b", change: "input property renamed to c" },
  ],
  ["new required input", "input", object({ a: str }), object({ a: str, b: str }, ["b"]), { level: "breaking", at: "input.b", change: "required input added" }],
  ["optional input added", "input", object({ a: str }), object({ a: str, b: str }), { level: "minor", at: "input.b", change: "optional input added" }],
  ["input became required", "input", object({ a: str }), object({ a: str }, ["a"]), { level: "breaking", at: "input.a", change: "optional -> required" }],
  ["input became optional", "input", object({ a: str }, ["a"]), object({ a: str }), { level: "minor", at: "input.a", change: "required -> optional" }],
  ["input type changed", "input", object({ a: str }), object({ a: { type: "number" } }), { level: "breaking", at: "input.a", change: "type string -> number" }],
  [
    "input type narrowed (number to integer)",
    "input",
    object({ a: { type: "number" } }),
    object({ a: { type: "integer" } }),
    { level: "breaking", at: "input.a", change: "type number -> integer" },
  ],
  [
    "input type widened (integer to number)",
    "input",
    object({ a: { type: "integer" } }),
    object({ a: { type: "number" } }),
    { level: "minor", at: "input.a", change: "type integer -> number" },
  ],
  [
    "input no longer nullable",
    "input",
    object({ a: { anyOf: [str, { type: "null" }] } }),
    object({ a: str }),
    { level: "breaking", at: "input.a", change: "type string | null -> string" },
  ],
  [
    "input enum value removed",
    "input",
    object({ a: { type: "string", enum: ["x", "y"] } }),
    object({ a: { type: "string", enum: ["x"] } }),
    { level: "breaking", at: "input.a", change: 'enum value "y" removed' },
  ],
  [
    "input enum value added",
    "input",
    object({ a: { type: "string", enum: ["x"] } }),
    object({ a: { type: "string", enum: ["x", "y"] } }),
    { level: "minor", at: "input.a", change: 'enum value "y" added' },
  ],
  [
    "input restricted to an enum",
    "input",
    object({ a: str }),
    object({ a: { type: "string", enum: ["x"] } }),
    { level: "breaking", at: "input.a", change: 'allowed values restricted to ["x"]' },
  ],
  [
    "input maximum lowered",
    "input",
    object({ a: { type: "integer", maximum: 20 } }),
    object({ a: { type: "integer", maximum: 10 } }),
    { level: "breaking", at: "input.a", change: "maximum 20 -> 10" },
  ],
  [
    "input maximum raised",
    "input",
    object({ a: { type: "integer", maximum: 20 } }),
    object({ a: { type: "integer", maximum: 50 } }),
    { level: "minor", at: "input.a", change: "maximum 20 -> 50" },
  ],
  [
    "input minLength added",
    "input",
    object({ a: str }),
    object({ a: { type: "string", minLength: 3 } }),
    { level: "breaking", at: "input.a", change: "minLength 3 added" },
  ],
  [
    "input pattern removed",
    "input",
    object({ a: { type: "string", pattern: "^a" } }),
    object({ a: str }),
    { level: "minor", at: "input.a", change: 'pattern "^a" removed' },
  ],
  [
    "input pattern changed",
    "input",
    object({ a: { type: "string", pattern: "^a" } }),
    object({ a: { type: "string", pattern: "^b" } }),
    { level: "breaking", at: "input.a", change: 'pattern "^a" -> "^b"' },
  ],
  [
    "input default changed",
    "input",
    object({ a: { type: "integer", default: 5 } }),
    object({ a: { type: "integer", default: 10 } }),
    { level: "breaking", at: "input.a", change: "default 5 -> 10" },
  ],
  [
    "input default added",
    "input",
    object({ a: { type: "integer" } }),
    object({ a: { type: "integer", default: 10 } }),
    { level: "minor", at: "input.a", change: "default 10 added" },
  ],
  [
    "input closed to unknown properties",
    "input",
    object({ a: str }),
    { ...object({ a: str }), additionalProperties: false },
    { level: "breaking", at: "input", change: "unknown properties now rejected" },
  ],
  [
    "nested input property removed",
    "input",
    object({ f: object({ x: str, y: str }) }),
    object({ f: object({ x: str }) }),
    { level: "breaking", at: "input.f.y", change: "input property removed" },
  ],
  [
    "array item type changed",
    "input",
    object({ l: { type: "array", items: str } }),
    object({ l: { type: "array", items: { type: "number" } } }),
    { level: "breaking", at: "input.l[]", change: "type string -> number" },
  ],
  [
    "union changed without changing its types",
    "input",
    object({ a: { anyOf: [object({ x: str }), str] } }),
    object({ a: { anyOf: [object({ y: str }), str] } }),
    { level: "breaking", at: "input.a", change: "combined schema (anyOf/oneOf/allOf) changed" },
  ],
  [
    "description changed",
    "input",
    object({ a: { type: "string", description: "old" } }),
    object({ a: { type: "string", description: "new" } }),
    { level: "patch", at: "input.a", change: "description changed" },
  ],
  [
    "output property removed",
    "output",
    object({ a: str, b: str }, ["a", "b"]),
    object({ a: str }, ["a"]),
    { level: "breaking", at: "output.b", change: "output property removed" },
  ],
  [
    "output property added",
    "output",
    object({ a: str }, ["a"]),
    object({ a: str, b: str }, ["a", "b"]),
    { level: "minor", at: "output.b", change: "output property added" },
  ],
  [
    "output property type changed",
    "output",
    object({ a: str }, ["a"]),
    object({ a: { type: "number" } }, ["a"]),
    { level: "breaking", at: "output.a", change: "type string -> number" },
  ],
  [
    "output property became nullable",
    "output",
    object({ a: str }, ["a"]),
    object({ a: { anyOf: [str, { type: "null" }] } }, ["a"]),
    { level: "breaking", at: "output.a", change: "type string -> string | null" },
  ],
  [
    "output property may be absent",
    "output",
    object({ a: str }, ["a"]),
    object({ a: str }),
    { level: "breaking", at: "output.a", change: "required -> optional" },
  ],
  [
    "output type narrowed",
    "output",
    object({ a: { type: "number" } }, ["a"]),
    object({ a: { type: "integer" } }, ["a"]),
    { level: "minor", at: "output.a", change: "type number -> integer" },
  ],
  [
    "output enum value added",
    "output",
    object({ a: { type: "string", enum: ["x"] } }, ["a"]),
    object({ a: { type: "string", enum: ["x", "y"] } }, ["a"]),
    { level: "breaking", at: "output.a", change: 'enum value "y" added' },
  ],
  [
    "output enum value removed",
    "output",
    object({ a: { type: "string", enum: ["x", "y"] } }, ["a"]),
    object({ a: { type: "string", enum: ["x"] } }, ["a"]),
    { level: "minor", at: "output.a", change: 'enum value "y" removed' },
  ],
  [
    "output default changes are not a contract change",
    "output",
    object({ a: { type: "integer", default: 1 } }),
    object({ a: { type: "integer", default: 2 } }),
    { level: "none", at: "", change: "" },
  ],
];

describe("diffSchema", () => {
  it.each(rules)("%s", (_rule, direction, before, after, expected) => {
    expect(diff(direction, before, after)).toEqual(expected.level === "none" ? [] : [expected]);
  });

  it("finds nothing between equal schemas written in a different key order", () => {
    expect(diff("input", { type: "object", properties: { a: str } }, { properties: { a: str }, type: "object" })).toEqual([]);
  });

  it("says why each finding has its level", () => {
    const [finding] = diffSchema(object({ a: str }), object({ a: str, b: str }, ["b"]), { tool: "t", at: "input", direction: "input" });
    expect(finding).toMatchObject({ tool: "t", reason: "existing calls do not send it and are rejected" });
  });
});

/** A tool schema whose one property `f` is `def`, kept under `$defs` (or `definitions`) as `name`. */
const viaRef = (def: JsonSchema, name = "Filter", definitions = "$defs"): JsonSchema => ({
  ...object({ f: { $ref: `#/${definitions}/${name}` } }, ["f"]),
  [definitions]: { [name]: def },
});
const list = object({ l: { type: "array", items: { $ref: "#/$defs/s" } } });
const node = (name: string, extra: Record<string, JsonSchema> = {}, required: string[] = []): JsonSchema => ({
  ...object({ tree: { $ref: `#/$defs/${name}` } }),
  $defs: { [name]: object({ label: str, children: { type: "array", items: { $ref: `#/$defs/${name}` } }, ...extra }, required) },
});

/** [rule, direction, before, after, the one finding expected] */
const refRules: [string, Direction, JsonSchema, JsonSchema, { level: string; at: string; change: string }][] = [
  [
    "input property removed inside $defs",
    "input",
    viaRef(object({ a: str, b: str })),
    viaRef(object({ a: str })),
    { level: "breaking", at: "input.f.b", change: "input property removed" },
  ],
  [
    "required input added inside $defs",
    "input",
    viaRef(object({ a: str })),
    viaRef(object({ a: str, b: str }, ["b"])),
    { level: "breaking", at: "input.f.b", change: "required input added" },
  ],
  [
    "input type narrowed inside definitions",
    "input",
    viaRef(object({ a: { type: "number" } }), "F", "definitions"),
    viaRef(object({ a: { type: "integer" } }), "F", "definitions"),
    { level: "breaking", at: "input.f.a", change: "type number -> integer" },
  ],
  [
    "input items narrowed through a ref",
    "input",
    { ...list, $defs: { s: str } },
    { ...list, $defs: { s: { type: "string", maxLength: 5 } } },
    { level: "breaking", at: "input.l[]", change: "maxLength 5 added" },
  ],
  [
    "optional input added inside $defs",
    "input",
    viaRef(object({ a: str })),
    viaRef(object({ a: str, b: str })),
    { level: "minor", at: "input.f.b", change: "optional input added" },
  ],
  [
    "output property removed inside $defs",
    "output",
    viaRef(object({ a: str, b: str }, ["a", "b"])),
    viaRef(object({ a: str }, ["a"])),
    { level: "breaking", at: "output.f.b", change: "output property removed" },
  ],
  [
    "output type widened inside $defs",
    "output",
    viaRef(object({ a: { type: "integer" } }, ["a"])),
    viaRef(object({ a: { type: "number" } }, ["a"])),
    { level: "breaking", at: "output.f.a", change: "type integer -> number" },
  ],
  [
    "output property added inside $defs",
    "output",
    viaRef(object({ a: str }, ["a"])),
    viaRef(object({ a: str, b: str }, ["a", "b"])),
    { level: "minor", at: "output.f.b", change: "output property added" },
  ],
  [
    "output type narrowed inside $defs",
    "output",
    viaRef(object({ a: { type: "number" } }, ["a"])),
    viaRef(object({ a: { type: "integer" } }, ["a"])),
    { level: "minor", at: "output.f.a", change: "type number -> integer" },
  ],
  ["definition renamed", "input", viaRef(object({ a: str }), "Filter"), viaRef(object({ a: str }), "Query"), { level: "none", at: "", change: "" }],
  [
    "definition moved from definitions to $defs",
    "output",
    viaRef(object({ a: str }), "F", "definitions"),
    viaRef(object({ a: str }), "F", "$defs"),
    { level: "none", at: "", change: "" },
  ],
  ["definition inlined", "input", viaRef(object({ a: str })), object({ f: object({ a: str }) }, ["f"]), { level: "none", at: "", change: "" }],
  ["recursive definition renamed", "input", node("__schema0"), node("__schema1"), { level: "none", at: "", change: "" }],
  [
    "required input added inside a recursive definition",
    "input",
    node("Node"),
    node("Node", { id: str }, ["id"]),
    { level: "breaking", at: "input.tree.id", change: "required input added" },
  ],
  [
    "recursion moved to another place",
    "input",
    node("Node"),
    { ...node("Node"), properties: { tree: { $ref: "#/$defs/Node" }, other: { $ref: "#/$defs/Node" } } },
    { level: "minor", at: "input.other", change: "optional input added" },
  ],
];

describe("diffSchema through $ref", () => {
  it.each(refRules)("%s", (_rule, direction, before, after, expected) => {
    expect(diff(direction, before, after)).toEqual(expected.level === "none" ? [] : [expected]);
  });

  it("compares where a recursion goes, not what its definition is called", () => {
    const recursing = (to: string) => ({
      ...object({ a: { $ref: "#/$defs/A" } }),
      $defs: { A: object({ b: { $ref: "#/$defs/B" } }), B: object({ next: { $ref: to } }) },
    });
    const [before, after] = [recursing("#/$defs/A"), recursing("#/$defs/B")];
    expect(diff("input", before, after)).toEqual([
      { level: "breaking", at: "input.a.b.next", change: '$ref "#/properties/a" -> "#/properties/a/properties/b"' },
    ]);
  });
});
