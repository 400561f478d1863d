import { describe, expect, it } from "vitest";
import { resolveRefs } from "./resolve-refs.js";

const address = { type: "object", properties: { city: { type: "string" } } };
const tree = (name: string) => ({
  type: "object",
  properties: { tree: { $ref: `#/$defs/${name}` } },
  $defs: { [name]: { type: "object", properties: { label: { type: "string" }, children: { type: "array", items: { $ref: `#/$defs/${name}` } } } } },
});

describe("resolveRefs", () => {
  it("expands $defs, definitions and any other pointer into the schema, and drops the definitions", () => {
    const schema = {
      type: "object",
      properties: { home: { $ref: "#/$defs/address" }, work: { $ref: "#/definitions/address" }, again: { $ref: "#/properties/home" } },
      $defs: { address },
      definitions: { address },
    };
    expect(resolveRefs(schema)).toEqual({ type: "object", properties: { home: address, work: address, again: address } });
  });

  it("looks inside items, combinations and maps of schemas", () => {
    const ref = { $ref: "#/$defs/address" };
    const schema = { anyOf: [ref], items: ref, prefixItems: [ref], patternProperties: { "^x": ref }, not: ref, $defs: { address } };
    expect(resolveRefs(schema)).toEqual({ anyOf: [address], items: address, prefixItems: [address], patternProperties: { "^x": address }, not: address });
  });

  it("keeps the keywords beside a $ref over the definition's", () => {
    const schema = {
      properties: { home: { $ref: "#/$defs/address", description: "Where they live" } },
      $defs: { address: { ...address, description: "An address" } },
    };
    expect(resolveRefs(schema)).toEqual({ properties: { home: { ...address, description: "Where they live" } } });
  });

  it("decodes escaped and percent-encoded pointer tokens", () => {
    const schema = { properties: { a: { $ref: "#/$defs/in~1out" }, b: { $ref: "#/$defs/two%20words" } }, $defs: { "in/out": address, "two words": address } };
    expect(resolveRefs(schema)).toEqual({ properties: { a: address, b: address } });
  });

  it("stops a recursive schema at its first repetition, as a ref to where the recursion goes", () => {
    expect(resolveRefs(tree("node"))).toEqual({
      type: "object",
      properties: { tree: { type: "object", properties: { label: { type: "string" }, children: { type: "array", items: { $ref: "#/properties/tree" } } } } },
    });
    expect(resolveRefs(tree("renamed"))).toEqual(resolveRefs(tree("node")));
  });

  it("ends refs that only point at each other", () => {
    expect(resolveRefs({ $ref: "#/$defs/a", $defs: { a: { $ref: "#/$defs/b" }, b: { $ref: "#/$defs/a" } } })).toEqual({ $ref: "#" });
  });

  it("leaves refs it cannot follow, and values that are data, as they are", () => {
    const schema = {
      properties: {
        anchor: { $ref: "#addressDef" },
        remote: { $ref: "https://example.com/address.json" },
        missing: { $ref: "#/$defs/nowhere" },
        data: { const: { $ref: "#/$defs/address" }, default: { $ref: "#/$defs/address" } },
      },
      $defs: { address },
    };
    const { $defs: _defs, ...expected } = schema;
    expect(resolveRefs(schema)).toEqual(expected);
  });
});
