import type { Principal } from "@mcp-platform/auth";
import type { Logger } from "pino";
import type { ActionStore } from "../store/action-store.js";

export interface AuditDecision {
  decision: "authentication" | "scope" | "kill_switch" | "deprecation" | "approval" | "action" | "undo";
  outcome: string;
  tool?: string;
  detail?: string;
  /** Where a refused authentication came from: the client's address (see MCP_TRUSTED_PROXIES). */
  clientAddress?: string;
}

/**
 * One structured line per trust decision (`"audit": true`, the principal's subject, never a token),
 * also kept in the store. Allowed read-only calls log at debug only: they are the hot path and their
 * decision is on the span anyway.
 */
export class Audit {
  readonly #server: string;
  readonly #logger: Logger;
  readonly #store: ActionStore;

  constructor(server: string, logger: Logger, store: ActionStore) {
    this.#server = server;
    this.#logger = logger.child({ audit: true });
    this.#store = store;
  }

  record(principal: Principal | undefined, entry: AuditDecision, routine = false): void {
    if (routine && !this.#logger.isLevelEnabled("debug")) return;
    const subject = principal?.subject ?? "unauthenticated";
    const line = { ...entry, subject, ...(principal?.clientId ? { clientId: principal.clientId } : {}) };
    if (routine) {
      this.#logger.debug(line, `${entry.decision}: ${entry.outcome}`);
      return;
    }
    this.#logger.info(line, `${entry.decision}: ${entry.outcome}`);
    void this.#store
      .recordAudit({ at: new Date().toISOString(), server: this.#server, subject, ...entry })
      .catch((error: unknown) => this.#logger.error({ err: error }, "audit record could not be stored"));
  }
}
