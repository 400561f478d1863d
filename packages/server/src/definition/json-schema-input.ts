/**
 * A tool input given as a JSON Schema (2020-12) rather than zod: for schemas that come from
 * elsewhere (an OpenAPI document, another team), advertised exactly as written, `$schema`,
 * `$defs` and all, and validated with Ajv's 2020-12 dialect.
 */
export interface JsonSchemaInput {
  readonly kind: "json-schema";
  readonly schema: Record<string, unknown> & { type: "object" };
}

export function jsonSchemaInput(schema: Record<string, unknown> & { type: "object" }): JsonSchemaInput {
  return { kind: "json-schema", schema };
}

export function isJsonSchemaInput(input: unknown): input is JsonSchemaInput {
  return typeof input === "object" && input !== null && (input as { kind?: unknown }).kind === "json-schema";
}
