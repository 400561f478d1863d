import { fileURLToPath } from "node:url";
import { echoText } from "./servers/echo-tool.js";
import type { LoadCall, Protocol } from "./wire.js";

/** One server under test: its entry, the revisions it is loaded in, and what it needs to run and be called. */
export interface Contender {
  name: string;
  label: string;
  entry: string;
  protocols: readonly Protocol[];
  call: LoadCall;
  /** Environment and request headers for a server listening at `url`. */
  setup: (url: string) => Promise<{ env: NodeJS.ProcessEnv; headers: Record<string, string> }>;
}

const server = (file: string) => fileURLToPath(new URL(`./servers/${file}`, import.meta.url));
/** apps/conformance's entry (`index.js`), next to the definition its package exports. */
const conformanceServer = fileURLToPath(new URL("./index.js", import.meta.resolve("@mcp-platform/conformance-server")));

/** The kit's settings: everything on, as a platform team would run it. */
export interface KitSetup {
  issuer: string;
  home: string;
  otlpEndpoint: string;
  token: (audience: string, scope: string) => Promise<string>;
}

const plain = () => Promise.resolve({ env: {}, headers: {} });
const echo: LoadCall = { tool: "echo", args: (id) => ({ text: `hello-${id}` }), expected: (id) => echoText(`hello-${id}`) };
/** A plain tool of the conformance server, among its 40-odd tools, resources, prompts and task tools. */
const greet: LoadCall = { tool: "greet", args: (id) => ({ name: `caller-${id}` }), expected: (id) => `Hello, caller-${id}!` };

function kitSetup(kit: KitSetup, scope: string) {
  return async (url: string) => ({
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
    headers: { authorization: `Bearer ${await kit.token(url, scope)}` },
  });
}

export function contenders(kit: KitSetup): Contender[] {
  const legacy: readonly Protocol[] = ["2025-11-25"];
  const both: readonly Protocol[] = ["2026-07-28", "2025-11-25"];
  return [
    { name: "sdk-v2", label: "SDK v2 createMcpHandler (defaults)", entry: server("sdk-v2.js"), protocols: both, call: echo, setup: plain },
    {
      name: "sdk-naive",
      label: "SDK v1, naive stateless (new server + Ajv per request)",
      entry: server("sdk-naive.js"),
      protocols: legacy,
      call: echo,
      setup: plain,
    },
    { name: "sdk-shared", label: "SDK v1, one shared validator", entry: server("sdk-shared-validator.js"), protocols: legacy, call: echo, setup: plain },
    { name: "fastmcp", label: "FastMCP 4.20 (stateless, JSON)", entry: server("fastmcp.js"), protocols: legacy, call: echo, setup: plain },
    {
      name: "kit",
      label: "kit: OTLP tracing + OAuth JWT + policy + audit",
      entry: server("kit.js"),
      protocols: both,
      call: echo,
      setup: kitSetup(kit, "bench:read"),
    },
    {
      name: "kit-many",
      label: "kit, apps/conformance (40+ tools, resources, prompts), all on",
      entry: conformanceServer,
      protocols: ["2026-07-28"],
      call: greet,
      setup: kitSetup(kit, "conformance:read"),
    },
  ];
}
