import { z } from "zod";

const cache = new WeakMap<z.ZodType, Record<string, unknown>>();

/**
 * The JSON Schema (2020-12, MCP's default dialect) of a zod schema, computed once per schema:
 * `tools/list` and elicitation are hot paths and the conversion is not cheap.
 */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output" = "input"): Record<string, unknown> {
  const cached = cache.get(schema);
  if (cached) return cached;
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  cache.set(schema, jsonSchema);
  return jsonSchema;
}

export const EMPTY_OBJECT_SCHEMA: Record<string, unknown> = Object.freeze({ type: "object", properties: {} });
