import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import { AggregationTemporality, type PushMetricExporter, type ResourceMetrics } from "@opentelemetry/sdk-metrics";
import type { JsonlFile } from "./jsonl-file.js";
import { serviceName } from "./service-name.js";

/** The embedded default for metrics: one JSON line per collection, cumulative, in a size-capped file. */
export class FileMetricExporter implements PushMetricExporter {
  readonly #file: JsonlFile;

  constructor(file: JsonlFile) {
    this.#file = file;
  }

  export(metrics: ResourceMetrics, done: (result: ExportResult) => void): void {
    const record = {
      timeMs: Date.now(),
      service: serviceName(metrics.resource),
      metrics: metrics.scopeMetrics.flatMap((scope) =>
        scope.metrics.map((metric) => ({
          name: metric.descriptor.name,
          unit: metric.descriptor.unit,
          points: metric.dataPoints.map((point) => ({ attributes: point.attributes, value: point.value })),
        })),
      ),
    };
    this.#file.append([record]).then(
      () => done({ code: ExportResultCode.SUCCESS }),
      (error: unknown) => done({ code: ExportResultCode.FAILED, error: error as Error }),
    );
  }

  selectAggregationTemporality(): AggregationTemporality {
    return AggregationTemporality.CUMULATIVE;
  }

  forceFlush(): Promise<void> {
    return this.#file.append([]);
  }

  shutdown(): Promise<void> {
    return this.#file.append([]);
  }
}
