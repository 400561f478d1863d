/**
 * Now, or the moment `MCP_PLATFORM_NOW` names (ISO date or date-time): the deprecation policy
 * depends on the date, and tests and "would this removal pass on <date>?" need to set it.
 */
export function now(env: NodeJS.ProcessEnv): Date {
  const text = env.MCP_PLATFORM_NOW;
  if (!text) return new Date();
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new Error(`MCP_PLATFORM_NOW must be an ISO date such as 2026-05-01 (got "${text}")`);
  return date;
}
