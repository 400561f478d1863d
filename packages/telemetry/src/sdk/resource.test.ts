import type { Attributes } from "@opentelemetry/api";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { platformResource } from "./resource.js";

const SERVICE = { name: "orders", version: "1.2.3", owner: "team-orders" };

/**
 * The resource detectors read `process.env`, not the `env` argument, so each test stubs `process.env`
 * (starting from none of the variables read here) and passes it as `env` as well.
 */
const VARIABLES = ["OTEL_RESOURCE_ATTRIBUTES", "OTEL_SERVICE_NAME", "OTEL_NODE_RESOURCE_DETECTORS", "MCP_SERVICE_NAMESPACE", "MCP_ENVIRONMENT"];

async function attributesWith(variables: Record<string, string>): Promise<Attributes> {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  const resource = platformResource(SERVICE, process.env);
  await resource.waitForAsyncAttributes?.();
  return resource.attributes;
}

describe("platformResource", () => {
  beforeEach(() => {
    for (const name of VARIABLES) vi.stubEnv(name, undefined);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("describes the service with the kit's defaults when no variable is set", async () => {
    const attributes = await attributesWith({});
    expect(attributes).toMatchObject({
      "service.name": "orders",
      "service.version": "1.2.3",
      "service.namespace": "mcp-platform",
      "deployment.environment.name": "development",
      "mcp_platform.server.owner": "team-orders",
    });
    expect(attributes["host.name"]).toEqual(expect.any(String));
    expect(attributes["process.pid"]).toBe(process.pid);
    expect(attributes["service.instance.id"]).toEqual(expect.any(String));
  });
  it("takes the namespace and environment from MCP_SERVICE_NAMESPACE and MCP_ENVIRONMENT", async () => {
    const attributes = await attributesWith({ MCP_SERVICE_NAMESPACE: "billing", MCP_ENVIRONMENT: "staging" });
    expect(attributes).toMatchObject({ "service.namespace": "billing", "deployment.environment.name": "staging" });
  });
  it("lets OTEL_RESOURCE_ATTRIBUTES win over the kit's values", async () => {
    const attributes = await attributesWith({
      MCP_ENVIRONMENT: "staging",
      OTEL_RESOURCE_ATTRIBUTES: "deployment.environment.name=prod,team=payments",
    });
    expect(attributes).toMatchObject({ "deployment.environment.name": "prod", team: "payments", "service.name": "orders" });
  });
  it("lets OTEL_SERVICE_NAME win over the argument and OTEL_RESOURCE_ATTRIBUTES", async () => {
    const attributes = await attributesWith({ OTEL_RESOURCE_ATTRIBUTES: "service.name=from-attributes", OTEL_SERVICE_NAME: "from-variable" });
    expect(attributes["service.name"]).toBe("from-variable");
  });
  it("takes service.name from OTEL_RESOURCE_ATTRIBUTES over the argument when OTEL_SERVICE_NAME is unset", async () => {
    const attributes = await attributesWith({ OTEL_RESOURCE_ATTRIBUTES: "service.name=from-attributes" });
    expect(attributes["service.name"]).toBe("from-attributes");
  });
  it("leaves out host.* and process.* with OTEL_NODE_RESOURCE_DETECTORS=none", async () => {
    const attributes = await attributesWith({ OTEL_NODE_RESOURCE_DETECTORS: "none", OTEL_RESOURCE_ATTRIBUTES: "team=payments" });
    const detected = Object.keys(attributes).filter((key) => key.startsWith("host.") || key.startsWith("process.") || key.startsWith("os."));
    expect(detected).toEqual([]);
    expect(attributes).toMatchObject({ "service.name": "orders", "service.namespace": "mcp-platform", team: "payments" });
  });
  it("runs only the detectors listed", async () => {
    const attributes = await attributesWith({ OTEL_NODE_RESOURCE_DETECTORS: "process" });
    expect(attributes["process.pid"]).toBe(process.pid);
    expect(attributes).not.toHaveProperty("host.name");
    expect(attributes).not.toHaveProperty("service.instance.id");
  });
});
