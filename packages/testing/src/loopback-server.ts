import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { serve, type ServerDefinition } from "@mcp-platform/server";
import { pino } from "pino";

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>/mcp` */
  url: string;
  /** The SDK's client, already connected over HTTP, speaking 2026-07-28. */
  client: Client;
  stop(): Promise<void>;
}

/**
 * Serves a definition over Streamable HTTP on a free 127.0.0.1 port in this process and connects an
 * SDK client to it. `env` adds or overrides configuration variables. The server keeps its store and
 * keys in the test's `MCP_PLATFORM_HOME` (each test file has its own with `@mcp-platform/vitest-config`),
 * not in the package's `./.mcp-platform`.
 */
export async function startLoopbackServer(definition: ServerDefinition, env: NodeJS.ProcessEnv = {}): Promise<LoopbackServer> {
  const running = await serve(definition, {
    env: { MCP_TRANSPORT: "http", HOST: "127.0.0.1", PORT: "0", MCP_AUTH: "off", MCP_PLATFORM_HOME: process.env.MCP_PLATFORM_HOME, ...env },
    logger: pino({ level: "silent" }),
  });
  const url = running.url!;
  const client = new Client({ name: "mcp-platform-test", version: "0.0.0" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return {
    url,
    client,
    async stop() {
      await client.close();
      await running.stop();
    },
  };
}
