/**
 * One organization report from many (`lambda-guard merge`, the Action's `mode: merge`): the reports of a
 * matrix of per-account jobs, each either an `aws-organization` report (`scan --accounts ID`) or a plain
 * `aws-account` report. Findings are de-duplicated by fingerprint (first wins) and carry `resource.accountId`;
 * coverage is concatenated with account-prefixed scopes; the summary is recomputed.
 *
 * A report that cannot belong to the same organization scan is refused, naming it: an IaC report, another
 * partition, another organization id, another repository or commit.
 */
import { buildReport, type Coverage, type Finding, type Report } from "../model/report.js";

export class MergeRefusal extends Error {
  constructor(
    /** Index of the refused report in the input. */
    readonly index: number,
    message: string,
  ) {
    super(message);
  }
}

export const UNKNOWN_ORGANIZATION = "unknown";

/** Per-account pieces of a report, with account ids filled in and scopes prefixed. */
function normalize(report: Report): { accounts: string[]; findings: Finding[]; coverage: Coverage[] } {
  const t = report.target;
  if (t.kind === "aws-organization") {
    return { accounts: [...t.accounts], findings: report.findings, coverage: report.coverage };
  }
  if (t.kind !== "aws-account") throw new Error("unreachable");
  const id = t.accountId;
  return {
    accounts: [id],
    findings: report.findings.map((f) =>
      f.resource.accountId === undefined ? { ...f, resource: { ...f.resource, accountId: id } } : f,
    ),
    coverage: report.coverage.map((c) => ({ ...c, scope: `${id}/${c.scope}` })),
  };
}

export function mergeOrganizationReports(reports: readonly Report[], opts: { now?: Date } = {}): Report {
  if (reports.length === 0) throw new RangeError("mergeOrganizationReports needs at least one report");
  let partition: string | undefined;
  let organizationId: string | undefined;
  let repository: string | undefined;
  let commit: string | undefined;
  reports.forEach((r, i) => {
    const t = r.target;
    if (t.kind === "iac") {
      throw new MergeRefusal(
        i,
        "is an IaC report; merge joins account and organization scans (aws-account, aws-organization)",
      );
    }
    if (partition !== undefined && t.partition !== partition) {
      throw new MergeRefusal(i, `is for partition ${t.partition}, the others for ${partition}`);
    }
    partition = t.partition;
    if (t.kind === "aws-organization") {
      if (organizationId !== undefined && t.organizationId !== organizationId) {
        throw new MergeRefusal(
          i,
          `is for organization ${t.organizationId}, the others for ${organizationId}`,
        );
      }
      organizationId = t.organizationId;
    }
    if (t.repository !== undefined) {
      if (repository !== undefined && t.repository !== repository) {
        throw new MergeRefusal(i, `is for repository ${t.repository}, the others for ${repository}`);
      }
      repository = t.repository;
    }
    if (t.commit !== undefined) {
      if (commit !== undefined && t.commit !== commit) {
        throw new MergeRefusal(i, `is for commit ${t.commit}, the others for ${commit}`);
      }
      commit = t.commit;
    }
  });

  const accounts = new Set<string>();
  const seen = new Set<string>();
  const findings: Finding[] = [];
  const coverage: Coverage[] = [];
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
    version: reports[0]!.tool.version,
    target: {
      kind: "aws-organization",
      organizationId: organizationId ?? UNKNOWN_ORGANIZATION,
      partition: partition ?? "aws",
      accounts: [...accounts].sort(),
      ...(repository !== undefined ? { repository } : {}),
      ...(commit !== undefined ? { commit } : {}),
    },
    coverage: coverage.sort((a, b) => a.scope.localeCompare(b.scope)),
    findings,
    now: generated,
  });
}
