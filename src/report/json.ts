import type { Report } from "../model/report.js";

/** Stable JSON: the report's own (sorted, schema-defined) order, 2-space indented, trailing newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
