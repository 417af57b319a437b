/**
 * The benchmark harness behind `npm run bench`.
 *
 * A suite measures its subject and, in the same run, a named baseline, so every
 * figure is read against something measured on this machine today rather than
 * against a number remembered from elsewhere. Targets are printed, never asserted.
 */
export interface BenchRow {
  /** What was measured, e.g. "GET /api/v1/cases page=100 (PGlite)". */
  subject: string;
  /** The metric, e.g. "p95 latency". */
  metric: string;
  value: number;
  unit: string;
  /** The named baseline measured in the same run, when the suite has one. */
  baseline?: { name: string; value: number };
  /** The target from the issue, as text, e.g. "< 25 ms". */
  target?: string;
  /** Whether the target is met; undefined when there is none. */
  meetsTarget?: boolean;
}

export interface BenchSuite {
  name: string;
  /** Returns the rows; throws only when the suite cannot run at all. */
  run(): Promise<BenchRow[]>;
}

/** Percentile by nearest rank over an unsorted sample. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

/** Renders rows as a fixed-width text table. */
export function formatTable(suite: string, rows: readonly BenchRow[]): string {
  const header = ["subject", "metric", "value", "baseline", "value/baseline", "target", "met"];
  const body = rows.map((r) => [
    r.subject,
    r.metric,
    `${formatNumber(r.value)} ${r.unit}`,
    r.baseline ? `${r.baseline.name}: ${formatNumber(r.baseline.value)} ${r.unit}` : "",
    r.baseline && r.baseline.value !== 0 ? `${formatNumber(r.value / r.baseline.value)}×` : "",
    r.target ?? "",
    r.meetsTarget === undefined ? "" : r.meetsTarget ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  const rule = `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`;
  return [`## ${suite}`, line(header), rule, ...body.map(line)].join("\n");
}
