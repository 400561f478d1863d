import { join, resolve } from "node:path";

/** Where the kit keeps local state (telemetry files, dev keys, the action store): `MCP_PLATFORM_HOME`. */
export function platformHome(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.MCP_PLATFORM_HOME ?? join(process.cwd(), ".mcp-platform"));
}

export function telemetryDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return join(platformHome(env), "telemetry");
}
