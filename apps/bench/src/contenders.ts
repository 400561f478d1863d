import { fileURLToPath } from "node:url";

/** One server under test: its entry and what it needs to run and to be called. */
export interface Contender {
  name: string;
  label: string;
  entry: string;
  /** Environment and request headers for a server listening at `url`. */
  setup: (url: string) => Promise<{ env: NodeJS.ProcessEnv; headers: Record<string, string> }>;
}

const server = (file: string) => fileURLToPath(new URL(`./servers/${file}`, import.meta.url));

/** The kit's settings: everything on, as a platform team would run it. */
export interface KitSetup {
  issuer: string;
  home: string;
  otlpEndpoint: string;
  token: (audience: string) => Promise<string>;
}

const plain = () => Promise.resolve({ env: {}, headers: {} });

export function contenders(kit: KitSetup): Contender[] {
  return [
    { name: "sdk-naive", label: "SDK, naive stateless (new server + Ajv per request)", entry: server("sdk-naive.js"), setup: plain },
    { name: "sdk-shared", label: "SDK, one shared validator", entry: server("sdk-shared-validator.js"), setup: plain },
    { name: "fastmcp", label: "FastMCP 4.20 (stateless, JSON)", entry: server("fastmcp.js"), setup: plain },
    {
      name: "kit",
      label: "kit: OTLP tracing + OAuth JWT + policy + audit",
      entry: server("kit.js"),
      setup: async (url) => ({
        env: {
          MCP_TRANSPORT: "http",
          MCP_AUTH: "on",
          MCP_AUTH_ISSUER: kit.issuer,
          MCP_AUTH_AUDIENCE: url,
          MCP_PLATFORM_HOME: kit.home,
          MCP_RATE_LIMIT_PER_MINUTE: "1000000",
          OTEL_EXPORTER_OTLP_ENDPOINT: kit.otlpEndpoint,
          OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
          LOG_LEVEL: "warn",
        },
        headers: { authorization: `Bearer ${await kit.token(url)}` },
      }),
    },
  ];
}
