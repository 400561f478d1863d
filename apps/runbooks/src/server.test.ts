import { createTestClient } from "@mcp-platform/testing";
import { describe, expect, it } from "vitest";
import { createRunbooksServer } from "./server.js";

const client = await createTestClient(createRunbooksServer());

describe("runbooks server", () => {
  it("finds the replication-lag runbook for an alert-like query, best match first", async () => {
    const result = await client.callTool({ name: "search_runbooks", arguments: { query: "postgres replication lag" } });
    const { results } = result.structuredContent as { results: { slug: string; severity: string }[] };
    expect(results[0]).toMatchObject({ slug: "postgres-replication-lag", severity: "high" });
  });

  it("returns nothing for a query that matches no runbook", async () => {
    const result = await client.callTool({ name: "search_runbooks", arguments: { query: "zz quux" } });
    expect(result.structuredContent).toEqual({ results: [] });
  });

  it("fetches a runbook's markdown, and names the known slugs for an unknown one", async () => {
    const found = await client.callTool({ name: "get_runbook", arguments: { slug: "disk-pressure" } });
    expect((found.content as { text: string }[])[0]!.text).toContain("# Node disk pressure");
    const missing = await client.callTool({ name: "get_runbook", arguments: { slug: "nope" } });
    expect(missing.isError).toBe(true);
    expect((missing.content as { text: string }[])[0]!.text).toContain("kafka-consumer-lag");
  });

  it("refuses an oversized word before searching: every input is bounded", async () => {
    const words = Array.from({ length: 100_000 }, (_, i) => `w${i}`).join(" ");
    const result = await client.callTool({ name: "find_runbooks", arguments: { word: words } });
    expect(result.isError).toBe(true);
    expect((result.content as { text: string }[])[0]!.text).toMatch(/Invalid arguments for tool find_runbooks: .*Too big.*100 characters/s);
  });

  it("exposes runbooks as resources with completion of their slugs", async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toContain("runbook://certificate-expiry");
    const read = await client.readResource({ uri: "runbook://certificate-expiry" });
    expect(read.contents[0]).toMatchObject({ mimeType: "text/markdown" });
    // 2026-07-28's code for a resource that is not there (2025-11-25 said -32002).
    await expect(client.readResource({ uri: "runbook://missing" })).rejects.toMatchObject({ code: -32602, data: { uri: "runbook://missing" } });
    const completion = await client.complete({
      ref: { type: "ref/resource", uri: "runbook://{slug}" },
      argument: { name: "slug", value: "k" },
    });
    expect(completion.completion.values).toEqual(["kafka-consumer-lag"]);
  });

  it("offers a triage prompt that names the alert", async () => {
    const prompt = await client.getPrompt({ name: "triage_alert", arguments: { alert: "KubeNodeDiskPressure" } });
    expect(JSON.stringify(prompt.messages)).toContain("KubeNodeDiskPressure");
  });

  it("keeps the deprecated find_runbooks working, announcing its replacement and sunset", async () => {
    const { tools } = await client.listTools();
    const old = tools.find((t) => t.name === "find_runbooks")!;
    expect(old.description).toMatch(/^DEPRECATED: use search_runbooks instead; this tool stops working after 2027-02-15\./);
    expect(old._meta?.["io.github.mcp-platform/deprecation"]).toMatchObject({ replacement: "search_runbooks", sunset: "2027-02-15" });
    const result = await client.callTool({ name: "find_runbooks", arguments: { word: "kafka" } });
    expect(result.content).toEqual([{ type: "text", text: "kafka-consumer-lag" }]);
  });
});
