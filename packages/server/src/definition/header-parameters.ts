/** The JSON Schema keyword that mirrors a tool parameter into an `Mcp-Param-{name}` HTTP header. */
export const HEADER_PARAMETER_KEYWORD = "x-mcp-header";

/** One tool parameter that travels as a header too: where it is in the arguments, and how to compare it. */
export interface HeaderParameter {
  path: readonly string[];
  header: string;
  type: "string" | "integer" | "boolean";
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const PRIMITIVE = new Set(["string", "integer", "boolean"]);

type Schema = Record<string, unknown>;

/**
 * The header parameters of a tool's input schema: `x-mcp-header` on properties reachable from the
 * root through `properties` alone (MCP 2026-07-28, Streamable HTTP).
 */
export function headerParameters(schema: Schema): HeaderParameter[] {
  const found: HeaderParameter[] = [];
  const walk = (node: Schema, path: string[]) => {
    for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, unknown>)) {
      if (!isSchema(child)) continue;
      const header = child[HEADER_PARAMETER_KEYWORD];
      if (typeof header === "string") found.push({ path: [...path, name], header, type: child.type as HeaderParameter["type"] });
      walk(child, [...path, name]);
    }
  };
  walk(schema, []);
  return found;
}

/** What is wrong with a schema's header parameters, as one line, or undefined when nothing is. */
export function checkHeaderParameters(schema: Schema): string | undefined {
  const declared = headerParameters(schema);
  if (countKeyword(schema) !== declared.length) {
    return `${HEADER_PARAMETER_KEYWORD} may only annotate properties reachable through "properties" alone (not items, anyOf, $ref, ...)`;
  }
  const seen = new Set<string>();
  for (const { path, header, type } of declared) {
    const where = `${HEADER_PARAMETER_KEYWORD} "${header}" on ${path.join(".")}`;
    if (!TOKEN.test(header)) return `${where} must be an HTTP header name token`;
    if (!PRIMITIVE.has(type)) return `${where} needs a string, integer or boolean parameter (got ${JSON.stringify(type)})`;
    if (seen.has(header.toLowerCase())) return `${where} repeats another header name`;
    seen.add(header.toLowerCase());
  }
  return undefined;
}

function countKeyword(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, item) => sum + countKeyword(item), 0);
  if (!isSchema(node)) return 0;
  return Object.entries(node).reduce((sum, [key, value]) => sum + (key === HEADER_PARAMETER_KEYWORD ? 1 : countKeyword(value)), 0);
}

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
