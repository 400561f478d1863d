import type { JsonSchema } from "../contract.js";

export function isSchema(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The JSON types a schema admits; `undefined` when it does not say (anything goes). */
export function typesOf(schema: JsonSchema): Set<string> | undefined {
  const { type } = schema;
  if (typeof type === "string") return new Set([type]);
  if (Array.isArray(type)) return new Set(type.map(String));
  const members = combined(schema);
  if (!members) return undefined;
  const memberTypes = members.map(typesOf);
  if (memberTypes.some((types) => types === undefined)) return undefined;
  return new Set(memberTypes.flatMap((types) => [...types!]));
}

export function combined(schema: JsonSchema): JsonSchema[] | undefined {
  const members = schema.anyOf ?? schema.oneOf;
  return Array.isArray(members) ? members.filter(isSchema) : undefined;
}

/**
 * `anyOf: [X, {type: "null"}]` (what zod writes for `.nullable()`) as X with "null" added to its
 * types, so the walk can still look inside X. Other combinations stay as they are.
 */
export function withNullFolded(schema: JsonSchema): JsonSchema {
  const members = combined(schema);
  if (!members) return schema;
  const isNull = (member: JsonSchema) => member.type === "null" && Object.keys(member).length === 1;
  const others = members.filter((member) => !isNull(member));
  if (others.length !== 1 || others.length === members.length) return schema;
  const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = schema;
  const inner = others[0]!;
  const innerTypes = typesOf(inner);
  return { ...rest, ...inner, ...(innerTypes ? { type: [...innerTypes, "null"] } : {}) };
}

/** The object properties a schema declares (boolean sub-schemas, which zod never writes, are skipped). */
export function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  if (!isSchema(schema.properties)) return {};
  return Object.fromEntries(Object.entries(schema.properties).filter((entry): entry is [string, JsonSchema] => isSchema(entry[1])));
}

export function requiredOf(schema: JsonSchema): Set<string> {
  return new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
}

/** The schema without its wording, to compare what two schemas accept. */
export function withoutWording(schema: JsonSchema): JsonSchema {
  const { description: _description, title: _title, ...rest } = schema;
  return rest;
}
