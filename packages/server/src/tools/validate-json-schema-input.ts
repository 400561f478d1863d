import { createRequire } from "node:module";
import type * as Ajv2020Module from "ajv/dist/2020.js";
import type { Ajv2020 as Ajv2020Type, ValidateFunction } from "ajv/dist/2020.js";
import type { JsonSchemaInput } from "../definition/json-schema-input.js";

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
