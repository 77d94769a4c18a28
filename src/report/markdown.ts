import { type Finding, type Report, activeFindings, isIncomplete } from "../model/report.js";
import { RULES } from "../model/rules.js";
import { SEVERITIES } from "../model/severity.js";
import {
  completenessPhrase,
  countsPhrase,
  coverageProblems,
  plural,
  resourceLabel,
  SEVERITY_LABEL,
  targetPhrase,
  whereLabel,
} from "./labels.js";

import { DEFAULT_ARTIFACT_NAME } from "./handoff-names.js";

// The constant lives with the rest of the Action–app hand-off (handoff-names.ts); re-exported for existing imports.
export { DEFAULT_ARTIFACT_NAME };

export interface MarkdownOptions {
  /**
   * Upper bound in UTF-8 bytes (stricter than characters, so it also holds for limits counted in
   * characters, such as the Checks API's 65,535 for `output.summary`). Default: unlimited.
   */
  maxLength?: number;
  /** Named in the truncation notice: where the full report is. */
  artifactName?: string;
  /** Heading text (default "Lambda Guard"). */
  title?: string;
}

export function byteLength(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/** Table cell: one line, no pipes, no HTML. */
export function cell(s: string): string {
  return s
    .replace(/[\r\n]+/g, " ")
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** Inline code that survives backticks in the value. */
export function code(s: string): string {
  const one = s.replace(/[\r\n]+/g, " ");
  const longest = Math.max(0, ...(one.match(/`+/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  const pad = one.startsWith("`") || one.endsWith("`") ? " " : "";
  return `${fence}${pad}${one}${pad}${fence}`;
}

function codeBlock(body: string, lang = "sh"): string {
  const longest = Math.max(2, ...(body.match(/`{3,}/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${lang}\n${body}\n${fence}`;
}

/** Prose from AWS/IaC: keep Markdown but neutralise raw HTML. */
function prose(s: string): string {
  return s.replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function anchor(f: Finding): string {
  return `fix-${f.fingerprint.replace(/[^a-z0-9]/gi, "-")}`;
}

function severityTable(findings: Finding[]): string {
  const rows = findings.map(
    (f) =>
      `| ${f.rule} | ${code(resourceLabel(f))} | ${cell(whereLabel(f))} | ${cell(f.title)} | [fix](#${anchor(f)}) |`,
  );
  return ["| Rule | Resource | Where | Finding | |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}

function fixSection(f: Finding): string {
  const parts: string[] = [
    `<a id="${anchor(f)}"></a>`,
    `#### ${SEVERITY_LABEL[f.severity]} · ${f.rule} · ${cell(resourceLabel(f))}`,
    "",
    `**${prose(f.title)}** — ${prose(f.message)}`,
  ];
  if (f.resource.arn) parts.push("", `Resource: ${code(f.resource.arn)}`);
  if (f.location)
    parts.push(
      "",
      `Code: ${code(whereLabel(f))}${f.resource.iac ? ` (${code(f.resource.iac.address)})` : ""}`,
    );
  parts.push("", `**Fix:** ${prose(f.remediation.summary)}`);
  const cmds = f.remediation.commands ?? [];
  if (cmds.length > 0) parts.push("", codeBlock(cmds.join("\n")));
  if (f.remediation.policy !== undefined)
    parts.push("", codeBlock(JSON.stringify(f.remediation.policy, null, 2), "json"));
  for (const c of f.remediation.console ?? []) parts.push("", `- Console: ${prose(c)}`);
  for (const n of f.remediation.notes ?? []) parts.push("", `> ${prose(n).replace(/\n/g, "\n> ")}`);
  return parts.join("\n");
}

function coverageSection(report: Report): string {
  if (report.coverage.length === 0) return "";
  const problems = coverageProblems(report);
  const head = `### Coverage\n\n${completenessPhrase(report)}.`;
  if (problems.length === 0) {
    return `${head} ${plural(report.coverage.length, "scope")} scanned in full.`;
  }
  const rows = problems.map((c) => `| ${code(c.scope)} | ${c.status} | ${cell(c.detail ?? "")} |`);
  const complete = report.coverage.length - problems.length;
  return [
    head,
    "",
    "| Scope | Status | Detail |",
    "| --- | --- | --- |",
    ...rows,
    "",
    `${plural(complete, "other scope")} complete. Findings below may be missing for the scopes above.`,
  ].join("\n");
}

function countsTable(report: Report): string {
  const s = report.summary;
  return [
    "| Critical | High | Medium | Low | Suppressed |",
    "| ---: | ---: | ---: | ---: | ---: |",
    `| ${s.critical} | ${s.high} | ${s.medium} | ${s.low} | ${s.suppressed} |`,
  ].join("\n");
}

const MAX_SUPPRESSED_ROWS = 50;

function suppressedSection(findings: Finding[]): string {
  if (findings.length === 0) return "";
  const shown = findings.slice(0, MAX_SUPPRESSED_ROWS);
  const rows = shown.map((f) => {
    const s = f.suppression!;
    return `| ${f.rule} | ${code(resourceLabel(f))} | ${cell(s.reason)} | ${s.source} | ${s.expires ?? ""} |`;
  });
  return [
    `<details><summary>${plural(findings.length, "suppressed finding")}</summary>`,
    "",
    "| Rule | Resource | Reason | Source | Expires |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    ...(findings.length > shown.length
      ? ["", `${findings.length - shown.length} more in the full report.`]
      : []),
    "",
    "</details>",
  ].join("\n");
}

function compose(
  report: Report,
  opts: MarkdownOptions,
  tableCount: number,
  fixCount: number,
  notice: string,
): string {
  const active = activeFindings(report);
  const shownInTables = active.slice(0, tableCount);
  const parts: string[] = [];
  const incomplete = isIncomplete(report.coverage) ? " (scan incomplete)" : "";
  parts.push(`## ${opts.title ?? "Lambda Guard"}: ${countsPhrase(report)}${incomplete}`);
  parts.push(`${targetPhrase(report)} · lambda-guard ${report.tool.version} · ${report.generatedAt}`);
  parts.push(countsTable(report));
  for (const sev of SEVERITIES) {
    const list = shownInTables.filter((f) => f.severity === sev);
    const total = active.filter((f) => f.severity === sev).length;
    if (total === 0) continue;
    const more = list.length < total ? ` (${list.length} of ${total} shown)` : "";
    parts.push(`### ${SEVERITY_LABEL[sev]} (${total})${more}`);
    if (list.length > 0) parts.push(severityTable(list));
  }
  const cov = coverageSection(report);
  if (cov) parts.push(cov);
  const fixes = active.slice(0, fixCount);
  if (fixes.length > 0) {
    parts.push("### How to fix");
    const rules = [...new Set(fixes.map((f) => f.rule))];
    parts.push(
      rules
        .map((r) => `- **${r} ${RULES[r].title}:** ${RULES[r].help} ([docs](${RULES[r].helpUri}))`)
        .join("\n"),
    );
    for (const f of fixes) parts.push(fixSection(f));
  }
  const sup = suppressedSection(report.findings.filter((f) => f.suppression));
  if (sup) parts.push(sup);
  if (notice) parts.push(notice);
  return `${parts.join("\n\n")}\n`;
}

function truncationNotice(report: Report, tableCount: number, fixCount: number, artifact: string): string {
  const total = activeFindings(report).length;
  const what =
    tableCount < total
      ? `${plural(total - tableCount, "finding")} and ${plural(total - fixCount, "fix", "fixes")} are not shown`
      : `The fixes for ${plural(total - fixCount, "finding")} are not shown`;
  return `> [!NOTE]\n> ${what} because this summary is limited in size. The full report is in the workflow run's artifact ${code(artifact)} (JSON, schema lambda-guard/report@1).`;
}

/** Largest n in [lo, hi] with ok(n), assuming ok is monotone (true then false); lo - 1 when none. */
function largest(lo: number, hi: number, ok: (n: number) => boolean): number {
  let best = lo - 1;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Cuts at a UTF-8 byte budget without splitting a character. */
function cutBytes(s: string, max: number): string {
  const buf = Buffer.from(s, "utf8");
  if (buf.length <= max) return s;
  let end = max;
  while (end > 0 && (buf[end]! & 0xc0) === 0x80) end--;
  return buf.subarray(0, end).toString("utf8");
}

export function renderMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  const n = activeFindings(report).length;
  const full = compose(report, opts, n, n, "");
  const max = opts.maxLength;
  if (max === undefined || byteLength(full) <= max) return full;

  const artifact = opts.artifactName ?? DEFAULT_ARTIFACT_NAME;
  const fits = (t: number, f: number) =>
    byteLength(compose(report, opts, t, f, truncationNotice(report, t, f, artifact))) <= max;
  // Keep every table row and drop fixes from the end first; then drop table rows too.
  if (fits(n, 0)) {
    const f = largest(0, n, (k) => fits(n, k));
    return compose(report, opts, n, f, truncationNotice(report, n, f, artifact));
  }
  const t = largest(0, n, (k) => fits(k, 0));
  if (t >= 0) return compose(report, opts, t, 0, truncationNotice(report, t, 0, artifact));
  // Not even the heading fits: a bare pointer, cut to the limit.
  return cutBytes(
    `## Lambda Guard: ${countsPhrase(report)}\n\nThe full report is in the artifact ${code(artifact)}.\n`,
    max,
  );
}
