import type { JsonSchema } from "../contract.js";
import { isSchema } from "./json-schema.js";

/** Keywords whose value is a schema (`items` may also be a list of them, as before 2020-12). */
const SCHEMA = new Set([
  ...["items", "additionalItems", "contains", "unevaluatedItems"],
  ...["additionalProperties", "propertyNames", "unevaluatedProperties"],
  ...["not", "if", "then", "else"],
]);
const SCHEMA_LIST = new Set(["items", "prefixItems", "anyOf", "oneOf", "allOf"]);
const SCHEMA_MAP = new Set(["properties", "patternProperties", "dependentSchemas"]);
/** Only there to be pointed at: once every ref is expanded they say nothing the schema does not. */
const DEFINITIONS = new Set(["$defs", "definitions"]);

interface Expansion {
  root: JsonSchema;
  /** The refs being expanded on the way to a node, each with the pointer (in the result) where it was. */
  open: Map<string, string>;
}

/**
 * The schema with every local `$ref` (`#/$defs/X`, `#/definitions/X`, any `#/...` pointer) replaced
 * by what it points to, so a change inside a definition is seen where the definition is used, and a
 * definition that is only renamed or moved changes nothing. A ref met again inside its own expansion
 * (a recursive schema) is not expanded again: it becomes a ref to that expansion's place in the
 * result, which names where the recursion goes whatever the definition is called (zod numbers its
 * definitions, so names shift when an unrelated schema is added). Keywords beside a `$ref` win
 * over the target's; refs that are not JSON Pointers into this schema (anchors, URLs) stay.
 */
export function resolveRefs(schema: JsonSchema): JsonSchema {
  return expand(schema, "#", { root: schema, open: new Map() });
}

function expand(schema: JsonSchema, at: string, expansion: Expansion): JsonSchema {
  const { $ref, ...beside } = schema;
  const own = expandKeywords(beside, at, expansion);
  const local = typeof $ref === "string" && ($ref === "#" || $ref.startsWith("#/"));
  if (!local) return $ref === undefined ? own : { $ref, ...own };
  const recursion = expansion.open.get($ref);
  if (recursion !== undefined) return { $ref: recursion, ...own };
  const target = pointTo(expansion.root, $ref);
  if (!isSchema(target)) return { $ref, ...own };
  return { ...expand(target, at, { ...expansion, open: new Map(expansion.open).set($ref, at) }), ...own };
}

function expandKeywords(schema: JsonSchema, at: string, expansion: Expansion): JsonSchema {
  const entries = Object.entries(schema).filter(([keyword]) => !DEFINITIONS.has(keyword));
  return Object.fromEntries(entries.map(([keyword, value]) => [keyword, expandKeyword(keyword, value, `${at}/${escape(keyword)}`, expansion)]));
}

function expandKeyword(keyword: string, value: unknown, at: string, expansion: Expansion): unknown {
  const sub = (item: unknown, key: string | number) => (isSchema(item) ? expand(item, `${at}/${escape(String(key))}`, expansion) : item);
  if (SCHEMA_LIST.has(keyword) && Array.isArray(value)) return value.map(sub);
  if (SCHEMA_MAP.has(keyword) && isSchema(value)) return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, sub(item, name)]));
  return SCHEMA.has(keyword) && isSchema(value) ? expand(value, at, expansion) : value;
}

/** RFC 6901, in a URI fragment: `#/$defs/a~1b` is the definition `a/b`; undefined when nothing is there. */
function pointTo(root: JsonSchema, ref: string): unknown {
  if (ref === "#") return root;
  let tokens: string[];
  try {
    tokens = ref
      .slice(2)
      .split("/")
      .map((token) => decodeURIComponent(token).replaceAll("~1", "/").replaceAll("~0", "~"));
  } catch {
    return undefined;
  }
  const step = (node: unknown, token: string) =>
    typeof node === "object" && node !== null && Object.hasOwn(node, token) ? (node as Record<string, unknown>)[token] : undefined;
  return tokens.reduce<unknown>(step, root);
}

function escape(token: string): string {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}
