#!/usr/bin/env node
import { runServer } from "@mcp-platform/server";
import { startTelemetry } from "@mcp-platform/telemetry/sdk";
import { createInventoryServer } from "./server.js";

await runServer(createInventoryServer(), { telemetry: startTelemetry });
