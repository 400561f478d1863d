export { decisions, type ApprovalDecision, type ToolOutcome } from "./decisions.js";
export { traceLogFields } from "./log-correlation.js";
export { instruments, METRIC_SPECS, type Instruments } from "./instruments.js";
export { recordSessionEnd, traceOperation, type McpOperation } from "./mcp-instrumentation.js";
export { prometheusName, prometheusSeries } from "./prometheus-names.js";
export { redactedJson } from "./redact.js";
export { ATTR, DURATION_BUCKETS, METRIC, PLATFORM_ATTR, PLATFORM_EVENT } from "./semconv.js";
export { platformHome, telemetryDirectory } from "./platform-home.js";
export { TELEMETRY_VARIABLES } from "./variables.js";
