/**
 * `source` (a server's `src/server.ts`) with one more tool: its import after the last import, and
 * its name appended to the `tools: [...]` array, on a line of its own when the array has one
 * entry a line.
 */
export function registerTool(source: string, tool: { identifier: string; module: string }): string {
  const tools = toolsArray(source);
  if (!tools) throw new Error("src/server.ts has no `tools: [...]` array to add the tool to");
  const inner = source.slice(tools.open + 1, tools.close);
  const withTool = source.slice(0, tools.open + 1) + appendEntry(inner, tool.identifier) + source.slice(tools.close);
  const lastImport = [...withTool.matchAll(/^import\b[^;]*;[^\n]*$/gm)].at(-1);
  const at = lastImport ? lastImport.index + lastImport[0].length : 0;
  const line = `import { ${tool.identifier} } from "${tool.module}";`;
  return `${withTool.slice(0, at)}${at === 0 ? "" : "\n"}${line}${at === 0 ? "\n" : ""}${withTool.slice(at)}`;
}

function appendEntry(inner: string, entry: string): string {
  if (!inner.includes("\n")) return inner.trim() === "" ? entry : `${inner.trimEnd()}, ${entry}`;
  const closingIndent = /\n([ \t]*)$/.exec(inner)?.[1] ?? "";
  const entries = inner.trimEnd();
  const indent = /\n([ \t]*)\S/.exec(inner)?.[1] ?? `${closingIndent}  `;
  const separator = entries.trim() === "" || entries.endsWith(",") ? "" : ",";
  return `${entries}${separator}\n${indent}${entry},\n${closingIndent}`;
}

/** The brackets of the `tools:` array, matched past any nested brackets in its entries. */
function toolsArray(source: string): { open: number; close: number } | undefined {
  const start = /\btools\s*:\s*\[/.exec(source);
  if (!start) return undefined;
  const open = start.index + start[0].length - 1;
  let depth = 0;
  for (let index = open; index < source.length; index++) {
    if (source[index] === "[") depth++;
    if (source[index] === "]" && --depth === 0) return { open, close: index };
  }
  return undefined;
}
