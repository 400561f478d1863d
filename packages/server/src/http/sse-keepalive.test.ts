import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { missingService, startLoadBalancer, startServerProcess, type ServerProcess } from "@mcp-platform/test-services";
import { describe, expect, it } from "vitest";
import { mcpHttpRequest } from "../protocol/http-request.js";
import { SWITCHES_FIXTURE } from "../test-support/switches-process.js";

interface OpenStream {
  text: string;
  ended: boolean;
  close(): void;
}

/** A raw 2026-07-28 `subscriptions/listen` stream for tools-list changes, read as it arrives. */
async function listen(url: string): Promise<OpenStream> {
  const { headers, body } = mcpHttpRequest(
    { id: "listen-1", method: "subscriptions/listen", params: { notifications: { toolsListChanged: true } } },
    "2026-07-28",
  );
  const abort = new AbortController();
  const response = await fetch(url, { method: "POST", headers, body, signal: abort.signal });
  const stream: OpenStream = { text: "", ended: false, close: () => abort.abort() };
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body!) stream.text += decoder.decode(chunk as Uint8Array, { stream: true });
    } catch {
      // aborted by the test
    }
    stream.ended = true;
  })();
  return stream;
}

const LIST_CHANGED = "notifications/tools/list_changed";
const missing = missingService("nginx");

describe.skipIf(missing)(`listen streams behind a proxy that closes silent responses (real nginx, 3 s)${missing ? ` (${missing})` : ""}`, () => {
  it("stay open on keep-alive comments and get the change made after the proxy's timeout; without them the proxy cuts the stream", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sse-keepalive-"));
    const killSwitch = join(dir, "disabled");
    writeFileSync(killSwitch, "");
    const start = (name: string, keepAliveSeconds: string) =>
      startServerProcess(SWITCHES_FIXTURE, {
        MCP_PLATFORM_HOME: join(dir, name),
        MCP_DISABLED_TOOLS_FILE: killSwitch,
        MCP_SSE_KEEPALIVE_SECONDS: keepAliveSeconds,
        OTEL_SDK_DISABLED: "true",
      });
    const servers = await Promise.all([start("kept", "1"), start("silent", "0")]);
    const behindProxy = (server: ServerProcess) => startLoadBalancer([Number(new URL(server.url).port)], { readTimeoutSeconds: 3 });
    const proxies = await Promise.all(servers.map(behindProxy));
    const [kept, silent] = await Promise.all(proxies.map((proxy) => listen(`${proxy.origin}/mcp`)));
    try {
      await new Promise((resolve) => setTimeout(resolve, 4500));
      writeFileSync(killSwitch, "get_switch\n");
      for (let i = 0; i < 50 && !kept!.text.includes(LIST_CHANGED); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(kept!.text).toContain(LIST_CHANGED);
      expect(kept!.text).toMatch(/^:$/m);
      expect(kept!.ended).toBe(false);
      expect(silent!.ended).toBe(true);
      expect(silent!.text).not.toContain(LIST_CHANGED);
    } finally {
      kept!.close();
      silent!.close();
      await Promise.all(proxies.map((proxy) => proxy.stop()));
      await Promise.all(servers.map((server) => server.stop()));
    }
  });
});
