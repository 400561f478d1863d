import { isDeepStrictEqual } from "node:util";
import type { JsonSchema } from "../contract.js";
import { shift, where, type Place } from "./effect.js";
import type { Finding } from "./finding.js";
import { typesOf } from "./json-schema.js";

const LOWER_BOUNDS = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"];
const UPPER_BOUNDS = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"];
/**
 * Keywords whose values cannot be ordered: any new or different value is taken to narrow. A `$ref`
 * left after resolution is where a recursive schema recurses to, or a ref that could not be expanded.
 */
const OPAQUE = ["pattern", "format", "multipleOf", "$ref"];
const WORDING = ["title", "description"];

/** The changes at one schema node, not looking into its properties or items. */
export function diffKeywords(before: JsonSchema, after: JsonSchema, place: Place): Finding[] {
  return [
    ...diffTypes(before, after, place),
    ...diffEnum(before, after, place),
    ...LOWER_BOUNDS.flatMap((keyword) => diffBound(keyword, before, after, place, (a, b) => a > b)),
    ...UPPER_BOUNDS.flatMap((keyword) => diffBound(keyword, before, after, place, (a, b) => a < b)),
    ...OPAQUE.flatMap((keyword) => diffOpaque(keyword, before, after, place)),
    ...diffCombinators(before, after, place),
    ...diffDefault(before, after, place),
    ...diffWording(before, after, place),
  ];
}

function diffTypes(before: JsonSchema, after: JsonSchema, place: Place): Finding[] {
  const was = typesOf(before);
  const is = typesOf(after);
  const accepts = (types: Set<string> | undefined, type: string) => types === undefined || types.has(type) || (type === "integer" && types.has("number"));
  const narrowed = was === undefined ? is !== undefined : [...was].some((type) => !accepts(is, type));
  const widened = is === undefined ? was !== undefined : [...is].some((type) => !accepts(was, type));
  return shift(place, `type ${show(was)} -> ${show(is)}`, narrowed, widened);
}

function show(types: Set<string> | undefined): string {
  return types === undefined ? "any" : [...types].join(" | ");
}

function enumOf(schema: JsonSchema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum as unknown[];
  return "const" in schema ? [schema.const] : undefined;
}

function diffEnum(before: JsonSchema, after: JsonSchema, place: Place): Finding[] {
  const was = enumOf(before);
  const is = enumOf(after);
  if (was === undefined || is === undefined) {
    const values = was ?? is;
    const change = `allowed values ${was ? "no longer restricted" : "restricted"} to ${JSON.stringify(values)}`;
    return values ? shift(place, change, is !== undefined, was !== undefined) : [];
  }
  const missing = (from: unknown[], to: unknown[]) => from.filter((value) => !to.some((other) => isDeepStrictEqual(value, other)));
  const removed = missing(was, is);
  const added = missing(is, was);
  return [
    ...(removed.length ? shift(place, `enum value ${values(removed)} removed`, true, false) : []),
    ...(added.length ? shift(place, `enum value ${values(added)} added`, false, true) : []),
  ];
}

function values(list: unknown[]): string {
  return list.map((value) => JSON.stringify(value)).join(", ");
}

/** `tighter(a, b)`: a is the stricter bound of the two. */
function diffBound(keyword: string, before: JsonSchema, after: JsonSchema, place: Place, tighter: (a: number, b: number) => boolean): Finding[] {
  const was = typeof before[keyword] === "number" ? before[keyword] : undefined;
  const is = typeof after[keyword] === "number" ? after[keyword] : undefined;
  if (was === is) return [];
  const narrowed = is !== undefined && (was === undefined || tighter(is, was));
  const widened = was !== undefined && (is === undefined || tighter(was, is));
  return shift(place, change(keyword, was, is), narrowed, widened);
}

function diffOpaque(keyword: string, before: JsonSchema, after: JsonSchema, place: Place): Finding[] {
  const was = before[keyword];
  const is = after[keyword];
  if (isDeepStrictEqual(was, is)) return [];
  return shift(place, change(keyword, was, is), is !== undefined, was !== undefined);
}

/**
 * Members of a union are not compared one by one: when a union changes without its types changing
 * (those are reported above), the change counts both ways.
 */
function diffCombinators(before: JsonSchema, after: JsonSchema, place: Place): Finding[] {
  const changed = ["anyOf", "oneOf", "allOf"].some((keyword) => !isDeepStrictEqual(before[keyword], after[keyword]));
  if (!changed || !isDeepStrictEqual(typesOf(before), typesOf(after))) return [];
  return shift(place, "combined schema (anyOf/oneOf/allOf) changed", true, true);
}

function diffDefault(before: JsonSchema, after: JsonSchema, place: Place): Finding[] {
  if (place.direction !== "input" || isDeepStrictEqual(before.default, after.default)) return [];
  const text = change("default", before.default, after.default);
  if (before.default !== undefined && after.default !== undefined) {
    return [{ level: "breaking", ...where(place), change: text, reason: "calls that omit it now behave differently" }];
  }
  return [{ level: "minor", ...where(place), change: text, reason: "calls stay valid; only the documented fallback changed" }];
}

function diffWording(before: JsonSchema, after: JsonSchema, place: Place): Finding[] {
  return WORDING.filter((keyword) => !isDeepStrictEqual(before[keyword], after[keyword])).map((keyword) => ({
    level: "patch" as const,
    ...where(place),
    change: `${keyword} changed`,
    reason: "wording only; what is accepted and returned is the same",
  }));
}

function change(keyword: string, was: unknown, is: unknown): string {
  if (was === undefined) return `${keyword} ${JSON.stringify(is)} added`;
  if (is === undefined) return `${keyword} ${JSON.stringify(was)} removed`;
  return `${keyword} ${JSON.stringify(was)} -> ${JSON.stringify(is)}`;
}
