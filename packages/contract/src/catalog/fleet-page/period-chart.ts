import type { OutcomeFigures, OutcomeReport } from "../../outcomes/outcome-report.js";
import { percent } from "../../outcomes/figure-text.js";
import { html, type Html } from "./html.js";

const WIDTH = 168;
const HEIGHT = 40;

export interface ChartSeries {
  title: string;
  /** A count per period gets bars; a rate (0 to 1, or none) gets a line. */
  kind: "count" | "rate";
  value: (figures: OutcomeFigures) => number | null;
}

export const OUTCOME_SERIES: ChartSeries[] = [
  { title: "Approvals asked", kind: "count", value: (f) => f.approvals.requested },
  { title: "Override rate", kind: "rate", value: (f) => f.overrideRate },
  { title: "Actions undone", kind: "count", value: (f) => f.actions.undone },
  { title: "Deprecated calls", kind: "count", value: (f) => f.deprecatedCalls },
];

/** A small inline SVG chart of one figure over the periods, each point's value in its tooltip and the list for screen readers. */
export function periodChart(series: ChartSeries, periods: OutcomeReport[], figuresOf: (report: OutcomeReport) => OutcomeFigures | undefined): Html {
  const points = periods.map((period) => {
    const figures = figuresOf(period);
    const value = figures ? series.value(figures) : series.kind === "count" ? 0 : null;
    const label = `${period.since.slice(0, 10)} to ${period.generatedAt.slice(0, 10)}: ${series.kind === "rate" ? percent(value) : String(value)}`;
    return { value, label };
  });
  const slot = WIDTH / Math.max(1, points.length);
  const top = series.kind === "rate" ? 1 : Math.max(1, ...points.map((point) => point.value ?? 0));
  const y = (value: number) => (HEIGHT - 2 - (value / top) * (HEIGHT - 4)).toFixed(1);
  const x = (index: number) => (index * slot + slot / 2).toFixed(1);
  const marks =
    series.kind === "count"
      ? points.map(
          (point, index) =>
            html`<rect
              x="${(index * slot + 1).toFixed(1)}"
              y="${y(point.value ?? 0)}"
              width="${Math.max(1, slot - 2).toFixed(1)}"
              height="${(HEIGHT - 2 - Number(y(point.value ?? 0))).toFixed(1)}"
              fill="currentColor"
              ><title>${point.label}</title></rect
            >`,
        )
      : [
          html`<polyline
            fill="none"
            stroke="currentColor"
            stroke-width="1.5"
            points="${points.flatMap((point, index) => (point.value === null ? [] : [`${x(index)},${y(point.value)}`])).join(" ")}"
          />`,
          ...points.map((point, index) =>
            point.value === null
              ? html``
              : html`<circle cx="${x(index)}" cy="${y(point.value)}" r="2" fill="currentColor"><title>${point.label}</title></circle>`,
          ),
        ];
  return html`<figure class="chart">
    <figcaption>${series.title}</figcaption>
    <svg
      viewBox="0 0 ${WIDTH} ${HEIGHT}"
      width="${WIDTH}"
      height="${HEIGHT}"
      role="img"
      aria-label="${series.title}, per period: ${points.map((point) => point.label).join("; ")}"
    >
      <line x1="0" y1="${HEIGHT - 1}" x2="${WIDTH}" y2="${HEIGHT - 1}" stroke="currentColor" stroke-opacity=".3" />
      ${marks}
    </svg>
  </figure>`;
}
