import { createRequire } from "node:module";
import type * as Ajv2020Module from "ajv/dist/2020.js";
import type { Ajv2020 as Ajv2020Type, ValidateFunction } from "ajv/dist/2020.js";

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

const compiled = new WeakMap<JsonSchemaInput, ValidateFunction>();
let ajv: Ajv2020Type | undefined;

/** Ajv's 2020-12 build costs ~50 ms to load: only servers with JSON Schema inputs pay it, once. */
function ajv2020(): Ajv2020Type {
  const { Ajv2020 } = createRequire(import.meta.url)("ajv/dist/2020.js") as typeof Ajv2020Module;
  return (ajv ??= new Ajv2020({ allErrors: true, strict: false }));
}

/** Validates arguments against the schema, compiled once per schema. */
export function validateJsonSchemaInput(input: JsonSchemaInput, args: unknown): { ok: true } | { ok: false; message: string } {
  let validate = compiled.get(input);
  if (!validate) {
    validate = ajv2020().compile(input.schema);
    compiled.set(input, validate);
  }
  if (validate(args)) return { ok: true };
  return { ok: false, message: ajv2020().errorsText(validate.errors, { dataVar: "arguments" }) };
}
