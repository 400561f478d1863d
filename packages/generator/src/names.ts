/** Server names are kebab-case: the package is `@mcp-platform/<name>` and the name prefixes its scopes. */
export const SERVER_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Tool names are snake_case, the form MCP's tool-name guidance and most clients expect. */
export const TOOL_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

export const MAX_NAME_LENGTH = 40;

/**
 * Names a server may not take: the kit's own packages and folders, and names that would read as
 * one of them in `apps/`, in a package name or in a scope.
 */
export const RESERVED_NAMES: readonly string[] = [
  "apps",
  "auth",
  "cli",
  "contract",
  "dist",
  "eslint-config",
  "generator",
  "kit",
  "mcp",
  "mcp-platform",
  "node-modules",
  "node_modules",
  "packages",
  "platform",
  "server",
  "shared",
  "src",
  "telemetry",
  "templates",
  "test",
  "testing",
  "tsconfig",
];

/** `get_invoice` lives in `src/tools/get-invoice.ts`. */
export function toolFile(tool: string): string {
  return tool.replaceAll("_", "-");
}
