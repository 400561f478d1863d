import { parser } from "@prometheus-io/lezer-promql";

export interface PromqlParts {
  /** Metric names of the expression's selectors. */
  metrics: string[];
  /** Label names it matches on or groups by. */
  labels: string[];
  /** The text of each part that does not parse, empty for a valid expression. */
  errors: string[];
}

/** Grafana's `$__rate_interval`-style macros stand for durations; Prometheus's parser knows none of them. */
const GRAFANA_MACRO = /\$__\w+/g;

/** Parses a PromQL expression (with Grafana macros in place of durations) into the names it uses. */
export function promqlParts(expression: string): PromqlParts {
  const text = expression.replace(GRAFANA_MACRO, "5m");
  const parts: PromqlParts = { metrics: [], labels: [], errors: [] };
  parser.parse(text).iterate({
    enter(node) {
      const value = text.slice(node.from, node.to);
      if (node.type.isError) parts.errors.push(value || `at ${node.from}`);
      else if (node.name === "Identifier" && node.node.parent?.name === "VectorSelector") parts.metrics.push(value);
      else if (node.name === "LabelName") parts.labels.push(value);
    },
  });
  return parts;
}
