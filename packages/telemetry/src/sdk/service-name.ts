import type { Resource } from "@opentelemetry/resources";

export function serviceName(resource: Resource): string {
  const name = resource.attributes["service.name"];
  return typeof name === "string" ? name : "unknown";
}
