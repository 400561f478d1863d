#!/usr/bin/env node
import { runServer } from "@mcp-platform/server";
import { createRunbooksServer } from "./server.js";

await runServer(createRunbooksServer());
