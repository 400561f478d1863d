import { recordSessionEnd } from "@mcp-platform/telemetry";
import type { Server, WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/server";

interface Session {
  server: Server;
  transport: WebStandardStreamableHTTPServerTransport;
  lastSeen: number;
  startedAt: number;
  /** The principal that opened the session: the only one who may use it. */
  subject: string;
}

/**
 * Stateful sessions live in this process only: a replica that does not know a session id answers
 * 404 and the client starts a new session (the spec's rule), so load balancers need sticky routing.
 */
export class SessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #idleMs: number;
  readonly #sweeper: NodeJS.Timeout;

  constructor(idleSeconds: number) {
    this.#idleMs = idleSeconds * 1000;
    this.#sweeper = setInterval(() => this.#closeIdle(), Math.min(this.#idleMs, 60_000)).unref();
  }

  get size(): number {
    return this.#sessions.size;
  }

  add(id: string, server: Server, transport: WebStandardStreamableHTTPServerTransport, subject: string): void {
    const now = performance.now();
    this.#sessions.set(id, { server, transport, subject, lastSeen: now, startedAt: now });
  }

  touch(id: string): Session | undefined {
    const session = this.#sessions.get(id);
    if (session) session.lastSeen = performance.now();
    return session;
  }

  delete(id: string): void {
    this.#end(id);
  }

  async closeAll(): Promise<void> {
    clearInterval(this.#sweeper);
    const sessions = [...this.#sessions.keys()].map((id) => this.#end(id)!);
    await Promise.allSettled(sessions.map((s) => s.server.close()));
  }

  #closeIdle(): void {
    const cutoff = performance.now() - this.#idleMs;
    for (const [id, session] of this.#sessions) {
      if (session.lastSeen < cutoff) {
        this.#end(id);
        void session.server.close().catch(() => undefined);
      }
    }
  }

  #end(id: string): Session | undefined {
    const session = this.#sessions.get(id);
    if (!session) return undefined;
    this.#sessions.delete(id);
    recordSessionEnd(session.startedAt, "tcp");
    return session;
  }
}
