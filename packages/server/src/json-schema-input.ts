import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";

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

const ajv = new Ajv2020({ allErrors: true, strict: false });
const compiled = new WeakMap<JsonSchemaInput, ValidateFunction>();

/** Validates arguments against the schema, compiled once per schema. */
export function validateJsonSchemaInput(input: JsonSchemaInput, args: unknown): { ok: true } | { ok: false; message: string } {
  let validate = compiled.get(input);
  if (!validate) {
    validate = ajv.compile(input.schema);
    compiled.set(input, validate);
  }
  if (validate(args)) return { ok: true };
  return { ok: false, message: ajv.errorsText(validate.errors, { dataVar: "arguments" }) };
}
