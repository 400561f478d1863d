export { startTelemetry, type Telemetry, type TelemetryService } from "./start-telemetry.js";
export { TelemetryConfigError, telemetryMode, type TelemetryMode } from "./telemetry-mode.js";
export type { StoredSpan } from "./file-span-exporter.js";
