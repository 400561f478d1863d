import { createRequire } from "node:module";
import type * as TypeScript from "typescript-api";

/**
 * TypeScript 6, for its JavaScript API (TypeScript 7, which compiles the workspace, has none yet),
 * loaded on first use: only `gen tool` edits a syntax tree, and loading its 9 MB file took ~0.35 s
 * of every other generator run (`gen server`, `gen upgrade`).
 */
let loaded: typeof TypeScript | undefined;
const typescript = () => (loaded ??= createRequire(import.meta.url)("typescript-api") as typeof TypeScript);

/**
 * `source` (a server's `src/server.ts`) with one more tool: its import after the last import, and
 * its name appended to the `tools: [...]` array, on a line of its own when the array has one
 * entry a line. Both are found in the TypeScript syntax tree, so brackets and `tools:` inside
 * strings, comments or the entries themselves cannot mislead it; the rest of the text is kept as written.
 */
export function registerTool(source: string, tool: { identifier: string; module: string }): string {
  const ts = typescript();
  const file = ts.createSourceFile("server.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const tools = toolsArray(file);
  if (!tools) throw new Error("src/server.ts has no `tools: [...]` array to add the tool to");
  const open = tools.getStart(file);
  const close = tools.getEnd() - 1;
  const withTool = source.slice(0, open + 1) + appendEntry(source.slice(open + 1, close), tool.identifier) + source.slice(close);
  const lastImport = file.statements.filter(ts.isImportDeclaration).at(-1);
  const at = lastImport ? lastImport.getEnd() : 0;
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

/** The first `tools: [...]` property in the file (the server definition's). */
function toolsArray(file: TypeScript.SourceFile): TypeScript.ArrayLiteralExpression | undefined {
  const ts = typescript();
  const visit = (node: TypeScript.Node): TypeScript.ArrayLiteralExpression | undefined => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === "tools" && ts.isArrayLiteralExpression(node.initializer)) {
      return node.initializer;
    }
    return ts.forEachChild(node, visit);
  };
  return visit(file);
}
