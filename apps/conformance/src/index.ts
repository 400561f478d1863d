#!/usr/bin/env node
import { runServer } from "@mcp-platform/server";
import { startTelemetry } from "@mcp-platform/telemetry/sdk";
import { createConformanceServer } from "./server.js";

await runServer(createConformanceServer(), { telemetry: startTelemetry });
