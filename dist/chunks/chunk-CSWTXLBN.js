import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  buildReport
} from "./chunk-4GMCL7QT.js";

// src/report/merge-org.ts
var MergeRefusal = class extends Error {
  constructor(index, message) {
    super(message);
    this.index = index;
  }
  index;
};
var UNKNOWN_ORGANIZATION = "unknown";
function normalize(report) {
  const t = report.target;
  if (t.kind === "aws-organization") {
    return { accounts: [...t.accounts], findings: report.findings, coverage: report.coverage };
  }
  if (t.kind !== "aws-account") throw new Error("unreachable");
  const id = t.accountId;
  return {
    accounts: [id],
    findings: report.findings.map(
      (f) => f.resource.accountId === void 0 ? { ...f, resource: { ...f.resource, accountId: id } } : f
    ),
    coverage: report.coverage.map((c) => ({ ...c, scope: `${id}/${c.scope}` }))
  };
}
function mergeOrganizationReports(reports, opts = {}) {
  if (reports.length === 0) throw new RangeError("mergeOrganizationReports needs at least one report");
  let partition;
  let organizationId;
  let repository;
  let commit;
  reports.forEach((r, i) => {
    const t = r.target;
    if (t.kind === "iac") {
      throw new MergeRefusal(
        i,
        "is an IaC report; merge joins account and organization scans (aws-account, aws-organization)"
      );
    }
    if (partition !== void 0 && t.partition !== partition) {
      throw new MergeRefusal(i, `is for partition ${t.partition}, the others for ${partition}`);
    }
    partition = t.partition;
    if (t.kind === "aws-organization") {
      if (organizationId !== void 0 && t.organizationId !== organizationId) {
        throw new MergeRefusal(
          i,
          `is for organization ${t.organizationId}, the others for ${organizationId}`
        );
      }
      organizationId = t.organizationId;
    }
    if (t.repository !== void 0) {
      if (repository !== void 0 && t.repository !== repository) {
        throw new MergeRefusal(i, `is for repository ${t.repository}, the others for ${repository}`);
      }
      repository = t.repository;
    }
    if (t.commit !== void 0) {
      if (commit !== void 0 && t.commit !== commit) {
        throw new MergeRefusal(i, `is for commit ${t.commit}, the others for ${commit}`);
      }
      commit = t.commit;
    }
  });
  const accounts = /* @__PURE__ */ new Set();
  const seen = /* @__PURE__ */ new Set();
  const findings = [];
  const coverage = [];
  for (const r of reports) {
    const n = normalize(r);
    for (const a of n.accounts) accounts.add(a);
    for (const f of n.findings) {
      if (seen.has(f.fingerprint)) continue;
      seen.add(f.fingerprint);
      findings.push(f);
    }
    coverage.push(...n.coverage);
  }
  const generated = opts.now ?? new Date(Math.max(...reports.map((r) => Date.parse(r.generatedAt) || 0)));
  return buildReport({
    version: reports[0].tool.version,
    target: {
      kind: "aws-organization",
      organizationId: organizationId ?? UNKNOWN_ORGANIZATION,
      partition: partition ?? "aws",
      accounts: [...accounts].sort(),
      ...repository !== void 0 ? { repository } : {},
      ...commit !== void 0 ? { commit } : {}
    },
    coverage: coverage.sort((a, b) => a.scope.localeCompare(b.scope)),
    findings,
    now: generated
  });
}

export {
  MergeRefusal,
  UNKNOWN_ORGANIZATION,
  mergeOrganizationReports
};
