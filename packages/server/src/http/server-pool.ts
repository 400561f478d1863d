import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { DirectTransport } from "./direct-transport.js";

export interface PooledServer {
  server: Server;
  transport: DirectTransport;
}

/**
 * Prebuilt, connected SDK servers for stateless requests. A server is lent to one request at a
 * time; the caller gives it back only when nothing a client sent can have stayed in it, and drops
 * it otherwise (a handler that outlived its caller, a request that set client state).
 */
export class ServerPool {
  readonly #idle: PooledServer[] = [];
  readonly #create: () => Server;
  readonly #maxIdle: number;

  constructor(create: () => Server, maxIdle = 64) {
    this.#create = create;
    this.#maxIdle = maxIdle;
  }

  async acquire(): Promise<PooledServer> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    const server = this.#create();
    const transport = new DirectTransport();
    await server.connect(transport);
    return { server, transport };
  }

  release(pooled: PooledServer): void {
    if (this.#idle.length < this.#maxIdle) this.#idle.push(pooled);
    else this.discard(pooled);
  }

  discard(pooled: PooledServer): void {
    void pooled.server.close().catch(() => undefined);
  }

  close(): void {
    for (const pooled of this.#idle.splice(0)) this.discard(pooled);
  }
}
