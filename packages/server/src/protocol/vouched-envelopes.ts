import { CLIENT_CAPABILITIES_META_KEY, CLIENT_INFO_META_KEY, LOG_LEVEL_META_KEY, PROTOCOL_VERSION_META_KEY } from "@modelcontextprotocol/server";

/** Clients send the same envelope on every request; a flood of distinct ones only costs the fast path. */
const MAX_ENVELOPES = 1000;

/**
 * The 2026-07-28 `_meta` envelopes the SDK has accepted: it validates a request's envelope before
 * any handler runs, so a handler that sees one vouches for it. The tool-call fast path serves a
 * request only when its envelope is one of these, so it never accepts one the SDK would refuse.
 */
export class VouchedEnvelopes {
  readonly #keys = new Set<string>();

  add(envelope: Record<string, unknown>): void {
    if (this.#keys.size >= MAX_ENVELOPES) this.#keys.clear();
    this.#keys.add(keyOf(envelope));
  }

  has(envelope: Record<string, unknown>): boolean {
    return this.#keys.has(keyOf(envelope));
  }
}

/** The envelope as JSON, member by member: what it was parsed from, so equal text means an equal envelope. */
function keyOf(envelope: Record<string, unknown>): string {
  return JSON.stringify([
    envelope[PROTOCOL_VERSION_META_KEY],
    envelope[CLIENT_CAPABILITIES_META_KEY],
    envelope[CLIENT_INFO_META_KEY],
    envelope[LOG_LEVEL_META_KEY],
  ]);
}
