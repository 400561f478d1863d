import { diag, type Attributes } from "@opentelemetry/api";
import {
  defaultResource,
  detectResources,
  hostDetector,
  osDetector,
  processDetector,
  resourceAttributesEnvDetector,
  resourceFromAttributes,
  serviceInstanceIdDetector,
  serviceNameEnvDetector,
  type Resource,
  type ResourceDetector,
} from "@opentelemetry/resources";
import { envList } from "./env-values.js";
import type { TelemetryService } from "./start-telemetry.js";

/**
 * The server's resource. The kit's values come first and the operator's standard variables win over
 * them: `OTEL_NODE_RESOURCE_DETECTORS` (default `service,host,process`), then `OTEL_RESOURCE_ATTRIBUTES`,
 * then `OTEL_SERVICE_NAME`, as the OpenTelemetry SDK configuration specifies. The upstream detectors
 * read those two from `process.env`.
 */
export function platformResource(service: TelemetryService, env: NodeJS.ProcessEnv): Resource {
  const attributes: Attributes = {
    "service.name": service.name,
    "service.version": service.version,
    "service.namespace": env.MCP_SERVICE_NAMESPACE ?? "mcp-platform",
    "deployment.environment.name": env.MCP_ENVIRONMENT ?? "development",
    "mcp_platform.server.owner": service.owner,
  };
  const names = detectorNames(env);
  const detected = detectResources({ detectors: names.flatMap((name) => DETECTORS[name] ?? []) });
  const instanceId = names.includes("service") ? [serviceInstanceIdDetector] : [];
  return defaultResource()
    .merge(resourceFromAttributes(attributes))
    .merge(detected)
    .merge(detectResources({ detectors: [...instanceId, resourceAttributesEnvDetector, serviceNameEnvDetector] }));
}

const DETECTORS: Record<string, ResourceDetector[]> = { host: [hostDetector, osDetector], process: [processDetector] };

function detectorNames(env: NodeJS.ProcessEnv): string[] {
  const names = envList(env, "OTEL_NODE_RESOURCE_DETECTORS");
  if (names.length === 0) return ["service", "host", "process"];
  if (names.includes("none")) return [];
  if (names.includes("all")) return ["service", "host", "process"];
  for (const name of names) if (name !== "service" && !DETECTORS[name]) diag.warn(`Unsupported OTEL_NODE_RESOURCE_DETECTORS value "${name}"`);
  return names;
}
