import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);

// src/model/severity.ts
var SEVERITIES = ["critical", "high", "medium", "low"];
var FAIL_ON_VALUES = [...SEVERITIES, "none"];
var RANK = { critical: 4, high: 3, medium: 2, low: 1 };
function meetsThreshold(s, failOn) {
  return failOn !== "none" && RANK[s] >= RANK[failOn];
}
function compareSeverity(a, b) {
  return RANK[b] - RANK[a];
}
function highestSeverity(list) {
  let best = null;
  for (const s of list) if (best === null || RANK[s] > RANK[best]) best = s;
  return best;
}

// src/model/report.ts
var REPORT_SCHEMA_ID = "lambda-guard/report@1";
function summarize(findings) {
  const s = { critical: 0, high: 0, medium: 0, low: 0, suppressed: 0 };
  for (const f of findings) {
    if (f.suppression) s.suppressed++;
    else s[f.severity]++;
  }
  return s;
}
function sortFindings(findings) {
  const key = (f) => `${f.rule}\0${f.resource.arn ?? f.resource.iac?.address ?? ""}\0${f.location?.path ?? ""}\0${String(f.location?.startLine ?? 0).padStart(8, "0")}\0${f.fingerprint}`;
  return [...findings].sort(
    (a, b) => compareSeverity(a.severity, b.severity) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)
  );
}
function isIncomplete(coverage) {
  return coverage.some((c) => c.status === "failed" || c.status === "partial" || c.status === "timed-out");
}
function activeFindings(report) {
  return report.findings.filter((f) => !f.suppression);
}
function buildReport(input) {
  const findings = sortFindings(input.findings);
  return {
    schema: REPORT_SCHEMA_ID,
    tool: { name: "lambda-guard", version: input.version },
    generatedAt: (input.now ?? /* @__PURE__ */ new Date()).toISOString().replace(/\.\d{3}Z$/, "Z"),
    target: input.target,
    coverage: input.coverage,
    summary: summarize(findings),
    findings
  };
}

export {
  SEVERITIES,
  FAIL_ON_VALUES,
  meetsThreshold,
  highestSeverity,
  REPORT_SCHEMA_ID,
  summarize,
  isIncomplete,
  activeFindings,
  buildReport
};
