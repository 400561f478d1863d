import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { run } from "../run.js";

const root = fileURLToPath(new URL("../../../../", import.meta.url));

async function releaseCheck(env: Record<string, string>) {
  const lines: string[] = [];
  const io = { cwd: root, env: { ...process.env, ...env }, out: (text: string) => void lines.push(text), err: (text: string) => void lines.push(text) };
  return { code: await run(["release-check"], io), lines };
}

describe("mcp-platform release-check (the first step of pnpm release's publish)", () => {
  it("refuses npm's default registry unless public is intended", async () => {
    const refused = await releaseCheck({ npm_config_registry: "https://registry.npmjs.org/" });
    expect(refused.code).toBe(1);
    expect(refused.lines[0]).toMatch(
      /^pnpm release would publish to the public npm registry \(https:\/\/registry\.npmjs\.org\/\)\. Set your company's registry/,
    );
    expect(await releaseCheck({ npm_config_registry: "https://registry.npmjs.org/", MCP_PLATFORM_PUBLISH_PUBLIC: "true" })).toMatchObject({ code: 0 });
  });

  it("names .changeset/config.json when it is missing or broken", async () => {
    const lines: string[] = [];
    const io = {
      cwd: process.env.MCP_PLATFORM_HOME!,
      env: process.env,
      out: (text: string) => void lines.push(text),
      err: (text: string) => void lines.push(text),
    };
    expect(await run(["release-check"], io)).toBe(1);
    mkdirSync(join(io.cwd, ".changeset"));
    writeFileSync(join(io.cwd, ".changeset", "config.json"), "{ bad");
    expect(await run(["release-check"], io)).toBe(1);
    expect(lines[0]).toBe('mcp-platform release-check: .changeset/config.json is missing: it must set "access" ("restricted" or "public")');
    expect(lines[1]).toMatch(/^mcp-platform release-check: \.changeset\/config\.json is not valid JSON \(/);
  });

  it("publishes to a registry set on purpose, the scope's own first", async () => {
    expect(await releaseCheck({ npm_config_registry: "http://127.0.0.1:4873/" })).toEqual({
      code: 0,
      lines: ["release-check: publishing to http://127.0.0.1:4873/ with access restricted"],
    });
    const npmrc = join(process.env.MCP_PLATFORM_HOME!, "npmrc");
    writeFileSync(npmrc, "@mcp-platform:registry=http://127.0.0.1:4874/\n");
    const scoped = await releaseCheck({ npm_config_registry: "https://registry.npmjs.org/", npm_config_userconfig: npmrc });
    expect(scoped).toMatchObject({ code: 0, lines: ["release-check: publishing to http://127.0.0.1:4874/ with access restricted"] });
  });
});
