import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { scaffoldServer } from "./scaffold.js";
import { testWorkspace } from "./test-support/workspace.js";

/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- parsed YAML: its shape is what the assertions check */
type Manifest = any;

const NAME = "billing";
const fixture = testWorkspace();
const deploy = (path: string) => readFileSync(join(fixture.root, "apps", NAME, "deploy", path), "utf8");
const manifest = (path: string): Manifest => parse(deploy(`kubernetes/${path}`));
const envOf = (container: Manifest): Map<string, Manifest> => new Map(container.env.map((e: Manifest) => [e.name, e]));

beforeAll(async () => {
  await scaffoldServer({
    root: fixture.root,
    name: NAME,
    owner: "team-billing",
    description: "Invoices",
    toolDescription: "Returns one invoice.",
    install: false,
  });
});
afterAll(() => fixture.remove());

describe("generated deployment (apps/<name>/deploy)", () => {
  it("lists every manifest in the kustomization, and pins the image to a version", () => {
    const kustomization = manifest("kustomization.yaml");
    for (const file of kustomization.resources) expect(() => manifest(file)).not.toThrow();
    expect(kustomization.resources).toEqual(["deployment.yaml", "service.yaml", "hpa.yaml", "pdb.yaml"]);
    const [image] = kustomization.images;
    expect(image).toMatchObject({ name: `mcp-platform/${NAME}`, newTag: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    const container = manifest("deployment.yaml").spec.template.spec.containers[0];
    expect(container.image).toBe(`mcp-platform/${NAME}:${image.newTag}`);
  });

  it("probes /healthz for liveness and /readyz for readiness on the port the server listens on", () => {
    const container = manifest("deployment.yaml").spec.template.spec.containers[0];
    const port = container.ports.find((p: Manifest) => p.name === container.livenessProbe.httpGet.port);
    expect(port.containerPort).toBe(Number(envOf(container).get("PORT").value));
    expect(container.livenessProbe.httpGet).toEqual({ path: "/healthz", port: port.name });
    expect(container.readinessProbe.httpGet).toEqual({ path: "/readyz", port: port.name });
    expect(manifest("service.yaml").spec.ports[0].targetPort).toBe(port.name);
  });

  it("gives the pod longer to stop than the preStop pause and the server's own drain together", () => {
    const pod = manifest("deployment.yaml").spec.template.spec;
    const container = pod.containers[0];
    const [command, seconds] = container.lifecycle.preStop.exec.command;
    expect(command).toBe("sleep");
    const shutdownMs = Number(envOf(container).get("MCP_SHUTDOWN_TIMEOUT_MS").value);
    expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(shutdownMs + Number(seconds) * 1000);
  });

  it("runs as non-root, read-only, with resources set", () => {
    const pod = manifest("deployment.yaml").spec.template.spec;
    const container = pod.containers[0];
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: expect.any(Number) });
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } });
    expect(container.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(container.resources.limits.memory).toEqual(expect.any(String));
  });

  it("configures HTTP, auth, shared state from a Secret, and telemetry to the collector", () => {
    const env = envOf(manifest("deployment.yaml").spec.template.spec.containers[0]);
    expect(env.get("MCP_TRANSPORT").value).toBe("http");
    expect(env.get("HOST").value).toBe("0.0.0.0");
    for (const name of ["MCP_ALLOWED_HOSTS", "MCP_AUTH_ISSUER", "MCP_AUTH_AUDIENCE"]) expect(env.get(name).value).toEqual(expect.any(String));
    for (const name of ["MCP_STORE_URL", "MCP_APPROVAL_SECRET"]) expect(env.get(name).valueFrom.secretKeyRef.name).toBe(`${NAME}-mcp`);
    expect(env.get("OTEL_SERVICE_NAME").value).toBe(NAME);
    const collector = parseAllDocuments(deploy("otel-collector/collector.yaml")).map((d) => d.toJS());
    const service = collector.find((d) => d.kind === "Service");
    const otlpHttp = service.spec.ports.find((p: Manifest) => p.name === "otlp-http");
    expect(env.get("OTEL_EXPORTER_OTLP_ENDPOINT").value).toBe(`http://${service.metadata.name}:${otlpHttp.port}`);
    expect(env.get("OTEL_EXPORTER_OTLP_PROTOCOL").value).toBe("http/protobuf");
  });

  it("sets the upstream API URL the generated tool reads, so a deployed server does not call its local default", () => {
    const tools = join(fixture.root, "apps", NAME, "src/tools");
    const tool = readdirSync(tools).find((file) => !file.endsWith(".test.ts"))!;
    const [, variable] = /process\.env\.(\w+)/.exec(readFileSync(join(tools, tool), "utf8"))!;
    expect(variable).toBe("BILLING_API_URL");
    expect(envOf(manifest("deployment.yaml").spec.template.spec.containers[0]).get(variable!).value).toMatch(/^https?:\/\/\S+$/);
  });

  it("scales the Deployment between two and more replicas, keeping one through disruptions", () => {
    const deployment = manifest("deployment.yaml");
    const hpa = manifest("hpa.yaml");
    const pdb = manifest("pdb.yaml");
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: deployment.metadata.name });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    expect(pdb.spec.minAvailable).toBeGreaterThanOrEqual(1);
    expect(pdb.spec.minAvailable).toBeLessThan(hpa.spec.minReplicas);
    const labels = deployment.spec.template.metadata.labels;
    for (const selector of [deployment.spec.selector.matchLabels, pdb.spec.selector.matchLabels, manifest("service.yaml").spec.selector]) {
      expect(labels).toMatchObject(selector);
    }
  });

  it("has a collector config that receives OTLP, batches every pipeline, and leaves the debug exporter off", () => {
    const config: Manifest = parse(deploy("otel-collector/config.yaml"));
    expect(config.receivers.otlp.protocols.http.endpoint).toMatch(/:4318$/);
    expect(config.receivers.otlp.protocols.grpc.endpoint).toMatch(/:4317$/);
    expect(config.processors.batch).toBeDefined();
    for (const pipeline of Object.values<Manifest>(config.service.pipelines)) {
      expect(pipeline.receivers).toEqual(["otlp"]);
      expect(pipeline.processors).toContain("batch");
      expect(pipeline.exporters.some((e: string) => e.startsWith("debug"))).toBe(false);
      for (const exporter of pipeline.exporters) expect(config.exporters[exporter]).toBeDefined();
    }
    expect(Object.keys(config.exporters).some((e) => e.startsWith("debug"))).toBe(false);
    const kustomization = parse(deploy("otel-collector/kustomization.yaml"));
    expect(kustomization.configMapGenerator[0].files).toEqual(["config.yaml"]);
  });

  it("builds the image in stages, pruned with pnpm deploy, running as a non-root user, with no moving tag", () => {
    const dockerfile = deploy("Dockerfile");
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toContain(`pnpm deploy --filter=@mcp-platform/${NAME} --prod`);
    expect(dockerfile).toMatch(/^USER (?!root|0\b)\S+/m);
    const everything = [
      dockerfile,
      ...["deployment.yaml", "kustomization.yaml"].map((f) => deploy(`kubernetes/${f}`)),
      deploy("otel-collector/collector.yaml"),
    ];
    for (const text of everything) expect(text).not.toMatch(/:latest\b/);
    for (const image of everything.join("\n").matchAll(/image: (\S+)/g)) expect(image[1]).toMatch(/:[\w.-]+$/);
  });
});
