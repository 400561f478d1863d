import type { JsonSchema } from "../contract.js";
import { isSchema, propertiesOf } from "../diff/json-schema.js";
import { resolveRefs } from "../diff/resolve-refs.js";
import type { PolicyRule, RuleFinding } from "./rule.js";

const BOUNDS = {
  string: { keyword: "maxLength", fix: "z.string().max(<n>)" },
  array: { keyword: "maxItems", fix: "z.array(...).max(<n>)" },
} as const;

type Bounded = keyof typeof BOUNDS;

/**
 * Every string without `maxLength` and array without `maxItems` a tool takes as input. Values
 * limited by `enum` or `const` are bounded; `pattern` and `format` are not taken as bounds (`.*`,
 * `email`). `$ref`s are followed, a recursive definition once.
 */
export const unboundedInputsRule: PolicyRule = {
  id: "inputs.unbounded",
  subject: "tool",
  reason: "a caller can send megabytes that the server parses, validates, logs and searches before any handler rejects them",
  check: ({ contract }) =>
    contract.tools.flatMap((tool) => {
      // Union members sit at the same place, so one can come up twice (`anyOf: [string, uuid string]`).
      const found = new Map<string, RuleFinding>();
      for (const { at, type } of walk(resolveRefs(tool.inputSchema), "input")) {
        found.set(`${at} ${type}`, {
          tool: tool.name,
          message: `${contract.name}/${tool.name} ${at}: ${type === "string" ? "a string" : "an array"} of any length (no ${BOUNDS[type].keyword})`,
          fix: `bound it, e.g. ${BOUNDS[type].fix}`,
        });
      }
      return [...found.values()];
    }),
};

function* walk(schema: JsonSchema, at: string): Generator<{ at: string; type: Bounded }> {
  for (const type of ["string", "array"] as const) {
    const limited = typeof schema[BOUNDS[type].keyword] === "number" || "enum" in schema || "const" in schema;
    if (declares(schema, type) && !limited) yield { at, type };
  }
  for (const [name, property] of Object.entries(propertiesOf(schema))) yield* walk(property, `${at}.${name}`);
  if (isSchema(schema.additionalProperties)) yield* walk(schema.additionalProperties, `${at}.*`);
  if (isSchema(schema.items)) yield* walk(schema.items, `${at}[]`);
  for (const [index, item] of schemas(schema.prefixItems).entries()) yield* walk(item, `${at}[${index}]`);
  for (const member of ["anyOf", "oneOf", "allOf"].flatMap((keyword) => schemas(schema[keyword]))) yield* walk(member, at);
}

function declares(schema: JsonSchema, type: Bounded): boolean {
  return schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type));
}

function schemas(value: unknown): JsonSchema[] {
  return Array.isArray(value) ? value.filter(isSchema) : [];
}
