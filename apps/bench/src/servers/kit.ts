// A kit server with everything on: OTLP tracing and metrics (to the bench's sink), OAuth with real
// JWTs from the dev issuer, the trust boundary and audit. Configuration comes from the environment.
import { defineServer, defineTool, runServer } from "@mcp-platform/server";
import { startTelemetry } from "@mcp-platform/telemetry/sdk";
import { z } from "zod";
import { echoInput, echoText } from "./echo-tool.js";

const server = defineServer({
  name: "bench",
  version: "1.0.0",
  owner: "team-platform",
  description: "Benchmark server",
  tools: [
    defineTool({
      name: "echo",
      description: "Echoes its text",
      access: "read",
      input: z.object(echoInput),
      handler: ({ text }) => echoText(text),
    }),
  ],
});

await runServer(server, { telemetry: startTelemetry });
