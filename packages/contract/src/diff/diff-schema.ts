import { isDeepStrictEqual } from "node:util";
import type { JsonSchema } from "../contract.js";
import { shift, where, type Place } from "./effect.js";
import type { Finding } from "./finding.js";
import { isSchema, propertiesOf, requiredOf, withNullFolded, withoutWording } from "./json-schema.js";
import { pairRenames } from "./renames.js";
import { resolveRefs } from "./resolve-refs.js";
import { diffKeywords } from "./schema-keywords.js";

/**
 * Every change between two JSON Schemas of a tool's input or output, walking properties, `required`,
 * `items` and nested objects, with local `$ref`s expanded where they are used. It compares structure,
 * not the sets of values two schemas accept, so a rewrite that accepts the same values can still be
 * reported.
 */
export function diffSchema(before: JsonSchema, after: JsonSchema, place: Place): Finding[] {
  return diffNode(resolveRefs(before), resolveRefs(after), place);
}

function diffNode(before: JsonSchema, after: JsonSchema, place: Place): Finding[] {
  const was = withNullFolded(before);
  const is = withNullFolded(after);
  return [...diffKeywords(was, is, place), ...diffAdditional(was, is, place), ...diffProperties(was, is, place), ...diffItems(was, is, place)];
}

function diffProperties(before: JsonSchema, after: JsonSchema, place: Place): Finding[] {
  const was = propertiesOf(before);
  const is = propertiesOf(after);
  const wasRequired = requiredOf(before);
  const isRequired = requiredOf(after);
  const removed = Object.keys(was).filter((name) => !(name in is));
  const added = Object.keys(is).filter((name) => !(name in was));
  const renamed = pairRenames(removed, added, (old, name) => isDeepStrictEqual(withoutWording(was[old]!), withoutWording(is[name]!)));
  const at = (name: string) => ({ ...place, at: `${place.at}.${name}` });
  const findings: Finding[] = [];
  for (const name of removed) {
    const to = renamed.get(name);
    findings.push({
      level: "breaking",
      ...where(at(name)),
      change: to === undefined ? `${place.direction} property removed` : `${place.direction} property renamed to ${to}`,
      reason: place.direction === "input" ? "calls that send it lose what it did" : "clients that read it no longer find it",
    });
  }
  const renamedTo = new Set(renamed.values());
  for (const name of added.filter((name) => !renamedTo.has(name))) findings.push(addedProperty(at(name), isRequired.has(name)));
  for (const name of Object.keys(was).filter((name) => name in is)) {
    const requiredChange = `${wasRequired.has(name) ? "required" : "optional"} -> ${isRequired.has(name) ? "required" : "optional"}`;
    findings.push(
      ...shift(at(name), requiredChange, isRequired.has(name) && !wasRequired.has(name), wasRequired.has(name) && !isRequired.has(name)),
      ...diffNode(was[name]!, is[name]!, at(name)),
    );
  }
  return findings;
}

function addedProperty(place: Place, required: boolean): Finding {
  if (place.direction === "output") {
    return { level: "minor", ...where(place), change: "output property added", reason: "clients ignore fields they do not know" };
  }
  return required
    ? { level: "breaking", ...where(place), change: "required input added", reason: "existing calls do not send it and are rejected" }
    : { level: "minor", ...where(place), change: "optional input added", reason: "existing calls stay valid" };
}

/** Only inputs: closing an output object is covered by the rule for added output properties. */
function diffAdditional(before: JsonSchema, after: JsonSchema, place: Place): Finding[] {
  if (place.direction !== "input") return [];
  const wasClosed = before.additionalProperties === false;
  const isClosed = after.additionalProperties === false;
  return shift(place, isClosed ? "unknown properties now rejected" : "unknown properties now allowed", isClosed && !wasClosed, wasClosed && !isClosed);
}

function diffItems(before: JsonSchema, after: JsonSchema, place: Place): Finding[] {
  const was = isSchema(before.items) ? before.items : undefined;
  const is = isSchema(after.items) ? after.items : undefined;
  if (!was && !is) return [];
  return diffNode(was ?? {}, is ?? {}, { ...place, at: `${place.at}[]` });
}
