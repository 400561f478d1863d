import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ATTR, PLATFORM_ATTR, prometheusName, prometheusSeries } from "@mcp-platform/telemetry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { scaffoldServer } from "./scaffold.js";
import { promqlParts } from "./test-support/promql.js";
import { testWorkspace } from "./test-support/workspace.js";

const NAME = "billing";
const JOB = `mcp-platform/${NAME}`;
const fixture = testWorkspace();
const deploy = (path: string) => readFileSync(join(fixture.root, "apps", NAME, "deploy", path), "utf8");

/** What the kit emits, as Prometheus names it: the series of every metric, and every attribute as a label. */
const SERIES = new Set(prometheusSeries());
const LABELS = new Set(["job", "instance", "le", ...[...Object.values(ATTR), ...Object.values(PLATFORM_ATTR)].map(prometheusName)]);

interface Panel {
  title: string;
  targets: { expr: string; legendFormat: string }[];
}
interface Rule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

let panels: Panel[];
let rules: Rule[];
beforeAll(async () => {
  await scaffoldServer({ root: fixture.root, name: NAME, owner: "team-billing", description: "Invoices", toolDescription: "One invoice.", install: false });
  panels = (JSON.parse(deploy("grafana/dashboard.json")) as { panels: Panel[] }).panels;
  rules = (parse(deploy("prometheus/alerts.yaml")) as { groups: { rules: Rule[] }[] }).groups.flatMap((group) => group.rules);
});
afterAll(() => fixture.remove());

function expectKitNames(expression: string): string[] {
  const { metrics, labels, errors } = promqlParts(expression);
  expect(errors, expression).toEqual([]);
  expect(metrics.length, expression).toBeGreaterThan(0);
  for (const metric of metrics) expect(SERIES, `${metric} in ${expression}`).toContain(metric);
  for (const label of labels) expect(LABELS, `label ${label} in ${expression}`).toContain(label);
  return metrics;
}

describe("generated Grafana dashboard (deploy/grafana/dashboard.json)", () => {
  it("queries only series and labels the kit emits, each query valid PromQL on this server's job", () => {
    const expressions = panels.flatMap((panel) => panel.targets.map((target) => target.expr));
    for (const expression of expressions) {
      expectKitNames(expression);
      expect(expression).toContain('job="$job"');
    }
  });

  it("charts every metric the kit emits, and defaults its job variable to this server", () => {
    const charted = new Set(panels.flatMap((panel) => panel.targets.flatMap((target) => promqlParts(target.expr).metrics)));
    const metrics = (series: Iterable<string>) => new Set([...series].map((name) => name.replace(/_(bucket|sum|count)$/, "")));
    expect(metrics(charted)).toEqual(metrics(SERIES));
    const dashboard = JSON.parse(deploy("grafana/dashboard.json")) as { uid: string; templating: { list: { name: string; current?: { value: string } }[] } };
    expect(dashboard.uid).toBe(`mcp-${NAME}`);
    expect(dashboard.templating.list.find((variable) => variable.name === "job")?.current?.value).toBe(JOB);
  });

  it("keeps Grafana's legend placeholders through the Handlebars template", () => {
    const legends = panels.flatMap((panel) => panel.targets.map((target) => target.legendFormat));
    expect(legends).toContain("{{mcp_platform_outcome}}");
    expect(legends).toContain("{{gen_ai_tool_name}}");
  });
});

describe("generated Prometheus alerts (deploy/prometheus/alerts.yaml)", () => {
  it("alerts on error rate, override rate, undo rate, an unreachable issuer and auth-failure spikes", () => {
    expect(rules.map((rule) => rule.alert)).toEqual([
      "McpToolErrorRateHigh",
      "McpOverrideRateHigh",
      "McpUndoRateHigh",
      "McpIssuerKeysUnreachable",
      "McpAuthFailureSpike",
    ]);
    const metricsOf = (alert: string) => new Set(promqlParts(rules.find((rule) => rule.alert === alert)!.expr).metrics);
    expect(metricsOf("McpToolErrorRateHigh")).toEqual(new Set(["mcp_platform_tool_calls_total"]));
    expect(metricsOf("McpOverrideRateHigh")).toEqual(new Set(["mcp_platform_approvals_total", "mcp_platform_undos_total"]));
    expect(metricsOf("McpUndoRateHigh")).toEqual(new Set(["mcp_platform_undos_total", "mcp_platform_approvals_total"]));
    expect(metricsOf("McpAuthFailureSpike")).toEqual(new Set(["mcp_platform_auth_failures_total"]));
    expect(metricsOf("McpIssuerKeysUnreachable")).toEqual(new Set(["mcp_platform_auth_last_known_key_checks_total"]));
  });

  it("queries only what the kit emits, on this server's job, each rule with a duration, severity and a description", () => {
    for (const rule of rules) {
      expectKitNames(rule.expr);
      for (const job of rule.expr.matchAll(/job="([^"]*)"/g)) expect(job[1]).toBe(JOB);
      expect(rule.for).toMatch(/^\d+m$/);
      expect(rule.labels).toEqual({ severity: expect.stringMatching(/^(critical|warning)$/), server: NAME });
      expect(rule.annotations.description).toMatch(/\{\{ \$value \| humanize(Percentage)? \}\}/);
    }
  });
});
