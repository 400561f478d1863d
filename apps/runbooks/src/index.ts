#!/usr/bin/env node
import { runServer } from "@mcp-platform/server";
import { startTelemetry } from "@mcp-platform/telemetry/sdk";
import { createRunbooksServer } from "./server.js";

await runServer(createRunbooksServer(), { telemetry: startTelemetry });
