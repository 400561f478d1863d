import type { KeysOutageEvent } from "@mcp-platform/auth";
import { decisions } from "@mcp-platform/telemetry";
import type { Logger } from "pino";

/**
 * What an operator hears while the issuer's keys are out of reach, and when they are back; each
 * token checked with the last keys meanwhile is counted, so that an alert sees the masked outage.
 */
export function reportKeysOutage(logger: Logger, issuer: string, event: KeysOutageEvent): void {
  if (event.kind === "used_last_known") {
    decisions.lastKnownKeyCheck();
  } else if (event.kind === "ended") {
    logger.info({ issuer, seconds: event.seconds }, "the issuer's keys can be fetched again");
  } else if (event.kind === "tolerance_exceeded") {
    logger.error(
      { issuer, seconds: event.seconds },
      "the issuer's keys have been out of reach longer than MCP_AUTH_JWKS_OUTAGE_SECONDS: tokens are refused (503) until it answers",
    );
  } else if (event.lastKnownKeys) {
    logger.warn(
      { issuer, reason: event.reason },
      "the issuer's keys cannot be refreshed: tokens are verified with the last keys fetched, for as long as MCP_AUTH_JWKS_OUTAGE_SECONDS allows",
    );
  } else {
    logger.warn({ issuer, reason: event.reason }, "the issuer's keys cannot be fetched: tokens are refused (503) until it answers");
  }
}
