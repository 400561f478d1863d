/** The kit's own variables that telemetry reads, beside OpenTelemetry's standard `OTEL_*` ones. */
export const TELEMETRY_VARIABLES = ["MCP_PLATFORM_HOME", "MCP_SERVICE_NAMESPACE", "MCP_ENVIRONMENT", "MCP_TELEMETRY_FILE_MAX_BYTES", "MCP_TRANSPORT"] as const;
