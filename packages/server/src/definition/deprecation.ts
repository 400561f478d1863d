import type { Deprecation } from "./define.js";

/** The reverse-DNS `_meta` key under which the kit publishes a tool's deprecation record. */
export const DEPRECATION_META_KEY = "io.github.mcp-platform/deprecation";

export function isPastSunset(deprecation: Deprecation, now = new Date()): boolean {
  return now.toISOString().slice(0, 10) > deprecation.sunset;
}

export function deprecationNotice(deprecation: Deprecation): string {
  return `DEPRECATED: use ${deprecation.replacement} instead; this tool stops working after ${deprecation.sunset}. ${deprecation.reason}`.trim();
}

export function retiredMessage(tool: string, deprecation: Deprecation): string {
  return `Tool ${tool} was retired on ${deprecation.sunset}; use ${deprecation.replacement} instead.`;
}
