import { type Finding, type Report, activeFindings } from "../model/report.js";
import type { Severity } from "../model/severity.js";
import { coverageProblems, resourceLabel, summaryLine, whereLabel } from "./labels.js";

export interface TextOptions {
  /** ANSI colours for severities (default false). */
  color?: boolean;
  /** Terminal width: the title column is shortened to fit; other columns are never cut. */
  width?: number;
}

const ANSI: Record<Severity, string> = {
  critical: "\u001b[1;31m",
  high: "\u001b[31m",
  medium: "\u001b[33m",
  low: "\u001b[36m",
};
const RESET = "\u001b[0m";
const DIM = "\u001b[2m";

/** Control characters from AWS or IaC text must not drive the terminal. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ");
}

function fit(s: string, width: number): string {
  if (width <= 0) return "";
  return s.length <= width ? s : `${s.slice(0, Math.max(0, width - 1))}…`;
}

export function renderText(report: Report, opts: TextOptions = {}): string {
  const color = opts.color ?? false;
  const paint = (code: string, s: string) => (color ? `${code}${s}${RESET}` : s);
  const lines: string[] = [];
  const active = activeFindings(report);
  const suppressed = report.findings.filter((f) => f.suppression);

  if (active.length > 0) {
    const rows = active.map((f: Finding) => ({
      severity: f.severity,
      cells: [
        f.severity.toUpperCase(),
        f.rule,
        clean(resourceLabel(f)),
        clean(whereLabel(f)),
        clean(f.title),
      ],
    }));
    const header = ["SEVERITY", "RULE", "RESOURCE", "WHERE", "TITLE"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i]!.length)));
    const fixed = widths.slice(0, 4).reduce((a, b) => a + b + 2, 0);
    const titleWidth = opts.width ? Math.max(10, opts.width - fixed) : Number.POSITIVE_INFINITY;
    const line = (cells: string[]) =>
      cells.map((c, i) => (i < 4 ? c.padEnd(widths[i]!) : fit(c, titleWidth))).join("  ");
    lines.push(paint(DIM, line(header).trimEnd()));
    for (const r of rows) {
      const text = line(r.cells).trimEnd();
      const sev = r.cells[0]!;
      lines.push(color ? `${paint(ANSI[r.severity], sev)}${text.slice(sev.length)}` : text);
    }
  } else {
    lines.push("No findings.");
  }

  const problems = coverageProblems(report);
  if (problems.length > 0) {
    lines.push("", `Coverage problems (${problems.length}):`);
    const w = Math.max(...problems.map((c) => c.scope.length));
    for (const c of problems) {
      const detail = c.detail ? `  ${clean(c.detail)}` : "";
      lines.push(`  ${clean(c.scope).padEnd(w)}  ${c.status.padEnd(7)}${detail}`.trimEnd());
    }
  }

  if (suppressed.length > 0) {
    lines.push("", `Suppressed (${suppressed.length}):`);
    for (const f of suppressed) {
      const s = f.suppression!;
      const expires = s.expires ? `, until ${s.expires}` : "";
      lines.push(`  ${f.rule} ${clean(resourceLabel(f))} — ${clean(s.reason)} (${s.source}${expires})`);
    }
  }

  lines.push("", summaryLine(report));
  return `${lines.join("\n")}\n`;
}
