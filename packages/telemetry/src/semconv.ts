/**
 * Attribute and metric names. The MCP conventions (OpenTelemetry semantic-conventions, gen-ai/mcp.md)
 * are still in Development, so they are local constants here rather than imports that may be renamed.
 */
export const ATTR = {
  mcpMethodName: "mcp.method.name",
  mcpSessionId: "mcp.session.id",
  mcpProtocolVersion: "mcp.protocol.version",
  mcpResourceUri: "mcp.resource.uri",
  jsonrpcRequestId: "jsonrpc.request.id",
  jsonrpcProtocolVersion: "jsonrpc.protocol.version",
  genAiToolName: "gen_ai.tool.name",
  genAiPromptName: "gen_ai.prompt.name",
  genAiOperationName: "gen_ai.operation.name",
  networkTransport: "network.transport",
  networkProtocolName: "network.protocol.name",
  clientAddress: "client.address",
  clientPort: "client.port",
  errorType: "error.type",
  rpcResponseStatusCode: "rpc.response.status_code",
} as const;

/** The kit's own decision path, under one namespace. */
export const PLATFORM_ATTR = {
  principalSubject: "mcp_platform.principal.subject",
  principalClientId: "mcp_platform.principal.client_id",
  toolAccess: "mcp_platform.tool.access",
  scopeRequired: "mcp_platform.scope.required",
  scopeGranted: "mcp_platform.scope.granted",
  killSwitch: "mcp_platform.kill_switch.active",
  deprecated: "mcp_platform.deprecation.active",
  deprecationSunset: "mcp_platform.deprecation.sunset",
  deprecationReplacement: "mcp_platform.deprecation.replacement",
  approvalDecision: "mcp_platform.approval.decision",
  approvalMethod: "mcp_platform.approval.method",
  actionId: "mcp_platform.action.id",
  decision: "mcp_platform.decision",
  decisionReason: "mcp_platform.decision.reason",
  toolArguments: "mcp_platform.tool.arguments",
  toolResult: "mcp_platform.tool.result",
  outcome: "mcp_platform.outcome",
  authFailureReason: "mcp_platform.auth.failure_reason",
} as const;

/** Span event names for the decision path. */
export const PLATFORM_EVENT = {
  authorization: "mcp_platform.authorization",
  killSwitch: "mcp_platform.kill_switch",
  deprecation: "mcp_platform.deprecation",
  approval: "mcp_platform.approval",
  undo: "mcp_platform.undo",
} as const;

export const METRIC = {
  operationDuration: "mcp.server.operation.duration",
  sessionDuration: "mcp.server.session.duration",
  toolCalls: "mcp_platform.tool.calls",
  authFailures: "mcp_platform.auth.failures",
  lastKnownKeyChecks: "mcp_platform.auth.last_known_key_checks",
  approvals: "mcp_platform.approvals",
  undos: "mcp_platform.undos",
  deprecatedCalls: "mcp_platform.deprecated_tool.calls",
  killSwitchRefusals: "mcp_platform.kill_switch.refusals",
} as const;

/** The semconv bucket boundaries for MCP duration histograms, in seconds. */
export const DURATION_BUCKETS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300];

export const INSTRUMENTATION_SCOPE = "@mcp-platform/telemetry";
