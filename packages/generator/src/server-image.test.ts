import { randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, realpath, rm } from "node:fs/promises";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mintDevToken, startDevIssuer, type DevIssuer } from "@mcp-platform/auth/dev-issuer";
import { startOtlpReceiver, startServerProcess } from "@mcp-platform/testing";
import { startPostgres, startRedis, type LocalPostgres, type LocalRedis } from "@mcp-platform/test-services";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "./run-command.js";
import { KIT_ROOT } from "./templates.js";
import { deploymentEnv } from "./test-support/deployment-env.js";
import { dockerfileStages } from "./test-support/dockerfile-stages.js";

/**
 * A server's image, its Dockerfile's steps run without Docker (no engine runs on machines like this
 * CI's): a fork's first `docker build` must not be the first time they run. Every server's Dockerfile
 * is the template's (templates-in-step.test.ts), so one app's stands for a generated server's.
 */
const APP = readdirSync(join(KIT_ROOT, "apps")).find((name) => existsSync(join(KIT_ROOT, "apps", name, "deploy/Dockerfile")));
const deployFile = (path: string) => readFileSync(join(KIT_ROOT, "apps", APP ?? "", "deploy", path), "utf8");

interface ContractTool {
  name: string;
  access: string;
  inputSchema: { required?: string[] };
}

describe.runIf(APP)(`apps/${APP}/deploy/Dockerfile`, () => {
  const image = dockerfileStages(deployFile("Dockerfile"));
  const stage = (name: string) => image.get(name) ?? { copies: [], runs: [], env: {} };
  let scratch: string;
  /** The runtime stage's /app: what `pnpm deploy --prod` left. */
  let app: string;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), "server-image-"));
    // The stages' layout, run as the Dockerfile says; pnpm takes packages from the local store only.
    // Turbo's cache is content-addressed and written atomically: the checkout's builds are reused, not redone.
    const env = {
      ...process.env,
      ...stage("build").env,
      npm_config_offline: "true",
      TURBO_CACHE_DIR: join(KIT_ROOT, ".turbo/cache"),
    };
    const [prune, build] = [join(scratch, "prune"), join(scratch, "build")];
    app = join(scratch, "app");
    await mkdir(prune);
    // The build context: the repository's files as they are, less what git ignores (the .dockerignore's list).
    const files = 'git -C "$0" ls-files -z --cached --others --exclude-standard | tar -C "$0" --null --ignore-failed-read -T - -c | tar -x';
    await runCommand("sh", ["-c", files, KIT_ROOT], prune);
    // `pnpm dlx` resolves its package from registry metadata, which a store filled from a lockfile does
    // not hold offline; the checkout's own turbo is the version the Dockerfile pins (asserted below).
    const rootTurbo = join(KIT_ROOT, "node_modules/.bin/turbo");
    for (const command of stage("prune").runs) await runCommand("sh", ["-c", command.replace(/^pnpm dlx turbo@\S+ /, `${rootTurbo} `)], prune, { env });
    await cp(join(prune, "out/json"), build, { recursive: true });
    const [install, buildServer, deploy] = stage("build").runs;
    await runCommand("sh", ["-c", install!], build, { env });
    await cp(join(prune, "out/full"), build, { recursive: true });
    await runCommand("sh", ["-c", buildServer!], build, { env });
    await runCommand("sh", ["-c", deploy!.replace(/ \/out$/, ` ${app}`)], build, { env });
  }, 600_000);
  afterAll(() => scratch && rm(scratch, { recursive: true, force: true }));

  it("pins the Node major of .nvmrc and the root's turbo, and has the stages this test runs", async () => {
    const root = JSON.parse(await readFile(join(KIT_ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
    const nodeMajor = (await readFile(join(KIT_ROOT, ".nvmrc"), "utf8")).trim().split(".")[0];
    expect(deployFile("Dockerfile")).toMatch(new RegExp(`^ARG NODE_IMAGE=node:${nodeMajor}-`, "m"));
    expect(stage("prune").runs).toEqual([`pnpm dlx turbo@${root.devDependencies.turbo} prune @mcp-platform/${APP} --docker`]);
    expect(stage("build").copies).toEqual(["--from=prune /workspace/out/json/ .", "--from=prune /workspace/out/full/ ."]);
    expect(stage("build").runs).toEqual([
      "pnpm install --frozen-lockfile",
      `pnpm turbo run build --filter=@mcp-platform/${APP}... --output-logs=errors-only`,
      `pnpm deploy --filter=@mcp-platform/${APP} --prod --config.inject-workspace-packages=true /out`,
    ]);
    expect(stage("runtime").copies).toEqual(["--from=build --chown=1000:1000 /out ./"]);
    expect(stage("runtime").env.NODE_ENV).toBe("production");
  });

  it("holds the server's production dependencies only: no build, lint or test tool", async () => {
    expect((await readdir(app)).sort()).toEqual(expect.arrayContaining(["dist", "node_modules", "package.json"]));
    expect(await readdir(app)).not.toContain("src");
    const installed = (await readdir(join(app, "node_modules/.pnpm"))).map((entry) => entry.replace(/^(@?[^@]+)@.*$/, "$1").replace("+", "/"));
    expect(installed).toEqual(expect.arrayContaining(["pg", "@redis/client", "@modelcontextprotocol/server", "@opentelemetry/exporter-trace-otlp-proto"]));
    for (const tool of ["typescript", "turbo", "eslint", "vitest", "prettier", "@modelcontextprotocol/sdk", "@modelcontextprotocol/client"]) {
      expect(installed).not.toContain(tool);
    }
  });

  it("holds its dependencies at the versions the checkout installed and tested: the lockfile's", async () => {
    const manifest = JSON.parse(await readFile(join(KIT_ROOT, "apps", APP!, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const external = Object.keys(manifest.dependencies).filter((name) => !name.startsWith("@mcp-platform/"));
    expect(external.length).toBeGreaterThan(0);
    const version = async (root: string, name: string) =>
      (JSON.parse(await readFile(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
    for (const name of external) expect(await version(app, name), name).toBe(await version(join(KIT_ROOT, "apps", APP!), name));
  });

  it("is self-contained: no link in it leads out of /app (the build stage is gone at run time)", async () => {
    const links = (await readdir(app, { recursive: true, withFileTypes: true })).filter((entry) => entry.isSymbolicLink());
    expect(links.length).toBeGreaterThan(0);
    const root = `${await realpath(app)}/`;
    for (const link of links) expect((await realpath(join(link.parentPath, link.name))).startsWith(root), link.name).toBe(true);
  });

  describe("serves with the Deployment's environment, its addresses on loopback", () => {
    let issuer: DevIssuer;
    let postgres: LocalPostgres;
    let redis: LocalRedis;
    const home = () => join(scratch, "home");
    beforeAll(async () => {
      [issuer, postgres, redis] = await Promise.all([mkdir(home()).then(() => startDevIssuer({ home: home() })), startPostgres(), startRedis()]);
    }, 60_000);
    afterAll(() => Promise.all([issuer?.close(), postgres?.stop(), redis?.stop()]));

    it("OAuth, the PostgreSQL store, Redis and OTLP: a real client lists and calls, the span reaches the collector", async () => {
      const receiver = await startOtlpReceiver();
      const secretsAndFields: Record<string, string> = {
        "metadata.name": `${APP}-image-test`,
        "store-url": postgres.createDatabase("image"),
        "approval-secret": randomBytes(32).toString("hex"),
        "rate-limit-redis-url": redis.url,
      };
      const server = await startServerProcess(join(app, "dist/index.js"), (url) => {
        const { hostname, port } = new URL(url);
        const loopback: NodeJS.ProcessEnv = {
          HOST: "127.0.0.1",
          PORT: port,
          MCP_ALLOWED_HOSTS: hostname,
          MCP_AUTH_ISSUER: issuer.issuer,
          MCP_AUTH_AUDIENCE: url,
          MCP_PLATFORM_HOME: home(),
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
        };
        const env = { ...stage("runtime").env, ...deploymentEnv(deployFile("kubernetes/deployment.yaml"), secretsAndFields), ...loopback, MCP_AUTH: undefined };
        for (const value of Object.values(env)) expect(value ?? "").not.toMatch(/example\.internal|otel-collector|^0\.0\.0\.0$/);
        return env;
      });
      try {
        const token = await mintDevToken({ home: home(), issuer: issuer.issuer, audience: server.url, scopes: [`${APP}:read`], subject: "image-test" });
        const client = new Client({ name: "image-test", version: "0" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
        await client.connect(new StreamableHTTPClientTransport(new URL(server.url), { authProvider: { token: () => Promise.resolve(token) } }));
        const { tools } = await client.listTools();
        const contract = JSON.parse(await readFile(join(KIT_ROOT, "apps", APP!, "mcp-contract.json"), "utf8")) as { tools: ContractTool[] };
        const readTools = contract.tools.filter((tool) => tool.access === "read");
        expect(tools.map((tool) => tool.name)).toEqual(expect.arrayContaining(readTools.map((tool) => tool.name)));
        // A read tool that needs no input: it runs for real (its files and dependencies are in the image).
        const read = readTools.find((tool) => !tool.inputSchema.required?.length);
        expect(read, "a read tool with no required input, to call").toBeDefined();
        const result = await client.callTool({ name: read!.name, arguments: {} });
        await client.close();
        expect(result.isError ?? false, JSON.stringify(result)).toBe(false);
        expect(server.stderr()).toContain('"store":"postgresql"');
        expect(server.stderr()).toContain("rate limits shared through Redis");
        const span = await receiver.waitForSpan((received) => received.name === `tools/call ${read!.name}`, 15_000);
        expect(span).toMatchObject({ service: APP, attributes: { "mcp.protocol.version": "2026-07-28" } });
        expect(span.resource["k8s.pod.name"]).toBe(`${APP}-image-test`);
      } finally {
        expect(await server.stop()).toBe(0);
        await receiver.close();
      }
    }, 60_000);
  });
});
