export { readTraces, type Trace } from "./read-spans.js";
export { renderWaterfall, type WaterfallOptions } from "./waterfall.js";
export { telemetryDirectory, platformHome } from "../platform-home.js";
