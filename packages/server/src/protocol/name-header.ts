/**
 * The body field the `Mcp-Name` header mirrors, per method (2026-07-28's standard headers, and
 * the tasks extension's routing header). One table for what the server checks and what test
 * clients send.
 */
export const NAME_HEADER_SOURCE: Readonly<Record<string, string>> = {
  "tools/call": "name",
  "prompts/get": "name",
  "resources/read": "uri",
  "tasks/get": "taskId",
  "tasks/update": "taskId",
  "tasks/cancel": "taskId",
};

/** The value `Mcp-Name` must carry for this request, if its method has one. */
export function nameHeaderValue(method: string, params: unknown): unknown {
  const field = Object.hasOwn(NAME_HEADER_SOURCE, method) ? NAME_HEADER_SOURCE[method]! : undefined;
  return field === undefined ? undefined : (params as Record<string, unknown> | undefined)?.[field];
}
