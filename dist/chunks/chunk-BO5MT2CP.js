import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  RULES,
  SEVERITIES,
  activeFindings,
  isIncomplete
} from "./chunk-WAXEVTA2.js";

// src/report/labels.ts
function principalName(arn) {
  const resource = arn.split(":").slice(5).join(":");
  const [type, ...rest] = resource.split("/");
  return rest.length > 0 ? `${type}/${rest[rest.length - 1]}` : resource || arn;
}
function resourceLabel(f) {
  const r = f.resource;
  if (r.kind === "principal" && r.arn) return principalName(r.arn);
  if (r.functionName) return r.qualifier ? `${r.functionName}:${r.qualifier}` : r.functionName;
  if (r.iac?.address) return r.iac.address;
  if (r.arn) return r.arn;
  return "-";
}
function whereLabel(f) {
  const l = f.location;
  if (l)
    return l.endLine > l.startLine ? `${l.path}:${l.startLine}-${l.endLine}` : `${l.path}:${l.startLine}`;
  if (f.resource.region) return f.resource.region;
  if (f.resource.kind === "principal" && f.resource.arn)
    return `account ${f.resource.arn.split(":")[4] || "?"}`;
  return "-";
}
function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
function coverageProblems(report) {
  return report.coverage.filter((c) => c.status === "failed" || c.status === "partial");
}
function countsPhrase(report) {
  const active = activeFindings(report);
  if (active.length === 0) return "no findings";
  const parts = [];
  for (const s of SEVERITIES) {
    const n = active.filter((f) => f.severity === s).length;
    if (n > 0) parts.push(`${n} ${s}`);
  }
  return `${plural(active.length, "finding")} (${parts.join(", ")})`;
}
function targetPhrase(report) {
  const t = report.target;
  if (t.kind === "aws-account") {
    const iacRoot = typeof t["iacRoot"] === "string" ? ` and IaC under ${t["iacRoot"]}` : "";
    return `AWS account ${t.accountId} (${plural(t.regions.length, "region")})${iacRoot}`;
  }
  return `IaC under ${t.root || "."}`;
}
function completenessPhrase(report) {
  if (!isIncomplete(report.coverage)) return "coverage complete";
  const problems = coverageProblems(report);
  const failed = problems.filter((c) => c.status === "failed").length;
  const partial = problems.length - failed;
  const bits = [];
  if (failed) bits.push(`${failed} failed`);
  if (partial) bits.push(`${partial} partial`);
  return `scan incomplete: ${bits.join(", ")} of ${plural(report.coverage.length, "scope")}`;
}
function summaryLine(report) {
  const suppressed = report.findings.length - activeFindings(report).length;
  return [
    countsPhrase(report),
    ...suppressed > 0 ? [`${suppressed} suppressed`] : [],
    completenessPhrase(report),
    targetPhrase(report)
  ].join(" \xB7 ");
}
var SEVERITY_LABEL = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low"
};

// src/report/markdown.ts
var DEFAULT_ARTIFACT_NAME = "lambda-guard-report";
function byteLength(s) {
  return Buffer.byteLength(s, "utf8");
}
function cell(s) {
  return s.replace(/[\r\n]+/g, " ").replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function code(s) {
  const one = s.replace(/[\r\n]+/g, " ");
  const longest = Math.max(0, ...(one.match(/`+/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  const pad = one.startsWith("`") || one.endsWith("`") ? " " : "";
  return `${fence}${pad}${one}${pad}${fence}`;
}
function codeBlock(body, lang = "sh") {
  const longest = Math.max(2, ...(body.match(/`{3,}/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${lang}
${body}
${fence}`;
}
function prose(s) {
  return s.replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function anchor(f) {
  return `fix-${f.fingerprint.replace(/[^a-z0-9]/gi, "-")}`;
}
function severityTable(findings) {
  const rows = findings.map(
    (f) => `| ${f.rule} | ${code(resourceLabel(f))} | ${cell(whereLabel(f))} | ${cell(f.title)} | [fix](#${anchor(f)}) |`
  );
  return ["| Rule | Resource | Where | Finding | |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}
function fixSection(f) {
  const parts = [
    `<a id="${anchor(f)}"></a>`,
    `#### ${SEVERITY_LABEL[f.severity]} \xB7 ${f.rule} \xB7 ${cell(resourceLabel(f))}`,
    "",
    `**${prose(f.title)}** \u2014 ${prose(f.message)}`
  ];
  if (f.resource.arn) parts.push("", `Resource: ${code(f.resource.arn)}`);
  if (f.location)
    parts.push(
      "",
      `Code: ${code(whereLabel(f))}${f.resource.iac ? ` (${code(f.resource.iac.address)})` : ""}`
    );
  parts.push("", `**Fix:** ${prose(f.remediation.summary)}`);
  const cmds = f.remediation.commands ?? [];
  if (cmds.length > 0) parts.push("", codeBlock(cmds.join("\n")));
  if (f.remediation.policy !== void 0)
    parts.push("", codeBlock(JSON.stringify(f.remediation.policy, null, 2), "json"));
  for (const c of f.remediation.console ?? []) parts.push("", `- Console: ${prose(c)}`);
  for (const n of f.remediation.notes ?? []) parts.push("", `> ${prose(n).replace(/\n/g, "\n> ")}`);
  return parts.join("\n");
}
function coverageSection(report) {
  if (report.coverage.length === 0) return "";
  const problems = coverageProblems(report);
  const head = `### Coverage

${completenessPhrase(report)}.`;
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
    `${plural(complete, "other scope")} complete. Findings below may be missing for the scopes above.`
  ].join("\n");
}
function countsTable(report) {
  const s = report.summary;
  return [
    "| Critical | High | Medium | Low | Suppressed |",
    "| ---: | ---: | ---: | ---: | ---: |",
    `| ${s.critical} | ${s.high} | ${s.medium} | ${s.low} | ${s.suppressed} |`
  ].join("\n");
}
var MAX_SUPPRESSED_ROWS = 50;
function suppressedSection(findings) {
  if (findings.length === 0) return "";
  const shown = findings.slice(0, MAX_SUPPRESSED_ROWS);
  const rows = shown.map((f) => {
    const s = f.suppression;
    return `| ${f.rule} | ${code(resourceLabel(f))} | ${cell(s.reason)} | ${s.source} | ${s.expires ?? ""} |`;
  });
  return [
    `<details><summary>${plural(findings.length, "suppressed finding")}</summary>`,
    "",
    "| Rule | Resource | Reason | Source | Expires |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    ...findings.length > shown.length ? ["", `${findings.length - shown.length} more in the full report.`] : [],
    "",
    "</details>"
  ].join("\n");
}
function compose(report, opts, tableCount, fixCount, notice) {
  const active = activeFindings(report);
  const shownInTables = active.slice(0, tableCount);
  const parts = [];
  const incomplete = isIncomplete(report.coverage) ? " (scan incomplete)" : "";
  parts.push(`## ${opts.title ?? "Lambda Guard"}: ${countsPhrase(report)}${incomplete}`);
  parts.push(`${targetPhrase(report)} \xB7 lambda-guard ${report.tool.version} \xB7 ${report.generatedAt}`);
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
      rules.map((r) => `- **${r} ${RULES[r].title}:** ${RULES[r].help} ([docs](${RULES[r].helpUri}))`).join("\n")
    );
    for (const f of fixes) parts.push(fixSection(f));
  }
  const sup = suppressedSection(report.findings.filter((f) => f.suppression));
  if (sup) parts.push(sup);
  if (notice) parts.push(notice);
  return `${parts.join("\n\n")}
`;
}
function truncationNotice(report, tableCount, fixCount, artifact) {
  const total = activeFindings(report).length;
  const what = tableCount < total ? `${plural(total - tableCount, "finding")} and ${plural(total - fixCount, "fix", "fixes")} are not shown` : `The fixes for ${plural(total - fixCount, "finding")} are not shown`;
  return `> [!NOTE]
> ${what} because this summary is limited in size. The full report is in the workflow run's artifact ${code(artifact)} (JSON, schema lambda-guard/report@1).`;
}
function largest(lo, hi, ok) {
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
function cutBytes(s, max) {
  const buf = Buffer.from(s, "utf8");
  if (buf.length <= max) return s;
  let end = max;
  while (end > 0 && (buf[end] & 192) === 128) end--;
  return buf.subarray(0, end).toString("utf8");
}
function renderMarkdown(report, opts = {}) {
  const n = activeFindings(report).length;
  const full = compose(report, opts, n, n, "");
  const max = opts.maxLength;
  if (max === void 0 || byteLength(full) <= max) return full;
  const artifact = opts.artifactName ?? DEFAULT_ARTIFACT_NAME;
  const fits = (t2, f) => byteLength(compose(report, opts, t2, f, truncationNotice(report, t2, f, artifact))) <= max;
  if (fits(n, 0)) {
    const f = largest(0, n, (k) => fits(n, k));
    return compose(report, opts, n, f, truncationNotice(report, n, f, artifact));
  }
  const t = largest(0, n, (k) => fits(k, 0));
  if (t >= 0) return compose(report, opts, t, 0, truncationNotice(report, t, 0, artifact));
  return cutBytes(
    `## Lambda Guard: ${countsPhrase(report)}

The full report is in the artifact ${code(artifact)}.
`,
    max
  );
}

export {
  resourceLabel,
  whereLabel,
  plural,
  coverageProblems,
  countsPhrase,
  summaryLine,
  DEFAULT_ARTIFACT_NAME,
  byteLength,
  renderMarkdown
};
