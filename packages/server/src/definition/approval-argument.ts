/**
 * Where the two-step flow's approval token travels. An argument, because an agent can set arguments
 * but usually not `_meta`; `_meta` under the kit's key works too for clients that prefer it.
 */
export const APPROVAL_TOKEN_ARGUMENT = "approval_token";
export const APPROVAL_META_KEY = "io.github.mcp-platform/approval";

/** Splits the approval token off the arguments, so the tool's own schema never sees it. */
export function takeApprovalToken(
  args: Record<string, unknown> | undefined,
  meta: Record<string, unknown> | undefined,
): { args: Record<string, unknown>; token: string | undefined } {
  const { [APPROVAL_TOKEN_ARGUMENT]: fromArgs, ...rest } = args ?? {};
  const fromMeta = (meta?.[APPROVAL_META_KEY] as { token?: unknown } | undefined)?.token;
  const token = typeof fromArgs === "string" ? fromArgs : typeof fromMeta === "string" ? fromMeta : undefined;
  return { args: rest, token };
}
