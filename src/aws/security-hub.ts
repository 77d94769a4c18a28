import {
  BatchImportFindingsCommand,
  GetFindingsCommand,
  type AwsSecurityFinding,
  type AwsSecurityFindingFilters,
} from "@aws-sdk/client-securityhub";
import { isIncomplete, RULE_IDS, type Coverage, type Report, type RuleId } from "../model/index.js";
import { archivedCopy, defaultProductArn, renderAsff } from "../report/asff.js";
import type { AwsClients } from "./clients.js";
import { awsErrorCode, describeAwsError } from "./errors.js";

/** Security Hub's BatchImportFindings limits: 100 findings and 6 MB per call (we keep a margin on bytes). */
export const IMPORT_BATCH_FINDINGS = 100;
export const IMPORT_BATCH_BYTES = 5 * 1024 * 1024;
/** GetFindings pages of 100: 100 pages bound the listing at 10,000 lambda-guard findings per account and region. */
const LIST_PAGE = 100;
const LIST_MAX_PAGES = 100;

type StoredFinding = Record<string, unknown>;

export interface SecurityHubPlan {
  /** Findings to import, active ones first, then archived copies. */
  findings: Record<string, unknown>[];
  /** Active findings Security Hub did not hold yet / already held (same Id). */
  created: number;
  updated: number;
  archived: number;
  /** Why nothing was archived, when nothing could be. */
  archiveSkipped?: string;
}

/**
 * What to send: every unsuppressed finding (its Id is the fingerprint, so Security Hub updates the one it
 * holds), and — only after a complete scan — the lambda-guard findings Security Hub still holds as ACTIVE that
 * the scan no longer reports, re-sent as ARCHIVED. A finding is only archived when this scan looked where it
 * was found: its rule ran, and a function's region was scanned. `existing` is null when Security Hub could
 * not be listed (then nothing can be archived, and nothing is known to be an update).
 */
export function planSecurityHubSync(input: {
  report: Report;
  rules: readonly RuleId[];
  region: string;
  existing: StoredFinding[] | null;
  listProblem?: string;
}): SecurityHubPlan {
  const { report, rules, region, existing } = input;
  const now = report.generatedAt;
  const byId = new Map((existing ?? []).map((f) => [String(f.Id), f]));
  const firstSeen = new Map(
    [...byId].map(([id, f]) => [
      id,
      {
        CreatedAt: String(f.CreatedAt),
        ...(typeof f.FirstObservedAt === "string" ? { FirstObservedAt: f.FirstObservedAt } : {}),
      },
    ]),
  );
  const active = renderAsff(report, { region, firstSeen });
  const current = new Set(active.map((f) => f.Id));
  const updated = active.filter((f) => byId.has(f.Id)).length;

  let archiveSkipped: string | undefined;
  let toArchive: StoredFinding[] = [];
  if (existing === null) {
    archiveSkipped = `Security Hub could not be listed (${input.listProblem ?? "unknown error"}): nothing archived`;
  } else if (isIncomplete(report.coverage)) {
    archiveSkipped = "the scan was incomplete: nothing archived";
  } else {
    const target = report.target as { accountId?: unknown; regions?: unknown };
    const scannedRegions = new Set(Array.isArray(target.regions) ? (target.regions as string[]) : []);
    toArchive = existing.filter((f) => {
      if (f.RecordState !== "ACTIVE" || current.has(String(f.Id))) return false;
      if (!/^lg1:/.test(String(f.Id)) || !rules.includes(f.GeneratorId as RuleId)) return false;
      if (typeof target.accountId === "string" && f.AwsAccountId !== target.accountId) return false;
      const resource = (Array.isArray(f.Resources) ? f.Resources[0] : undefined) as
        { Type?: string; Region?: string } | undefined;
      return (
        resource?.Type !== "AwsLambdaFunction" || !resource.Region || scannedRegions.has(resource.Region)
      );
    });
  }
  return {
    findings: [...active, ...toArchive.map((f) => archivedCopy(f, now))] as Record<string, unknown>[],
    created: active.length - updated,
    updated,
    archived: toArchive.length,
    ...(archiveSkipped ? { archiveSkipped } : {}),
  };
}

/** Batches of at most `max` findings and `maxBytes` of JSON each (BatchImportFindings' limits). */
export function importBatches<T>(
  items: readonly T[],
  max = IMPORT_BATCH_FINDINGS,
  maxBytes = IMPORT_BATCH_BYTES,
): T[][] {
  const out: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item));
    if (batch.length > 0 && (batch.length >= max || bytes + size > maxBytes)) {
      out.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += size;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

export interface SecurityHubFailure {
  id: string;
  code: string;
  message: string;
}

export interface SecurityHubResult {
  region: string;
  /** New findings, updates of ones Security Hub held, findings archived, as Security Hub accepted them. */
  created: number;
  updated: number;
  archived: number;
  failed: SecurityHubFailure[];
  archiveSkipped?: string;
  /** `<region>/securityhub`: complete, partial (some findings refused, or archiving impossible) or failed. */
  coverage: Coverage;
}

/** A fix the user can act on for the errors Security Hub gives a caller it will not serve. */
function hint(code: string, region: string): string {
  if (code === "InvalidAccessException")
    return ` — enable Security Hub in ${region} (aws securityhub enable-security-hub --region ${region})`;
  if (code === "AccessDeniedException" || code === "AccessDenied")
    return " — allow securityhub:BatchImportFindings and securityhub:GetFindings in the scan role";
  return "";
}

/** The lambda-guard findings Security Hub holds for the account in `region`, every record state. */
async function listExisting(
  clients: AwsClients,
  region: string,
  productArn: string,
  accountId: string,
): Promise<StoredFinding[]> {
  const filters: AwsSecurityFindingFilters = {
    ProductArn: [{ Value: productArn, Comparison: "EQUALS" }],
    AwsAccountId: [{ Value: accountId, Comparison: "EQUALS" }],
    GeneratorId: RULE_IDS.map((r) => ({ Value: r, Comparison: "EQUALS" as const })),
  };
  const out: StoredFinding[] = [];
  let token: string | undefined;
  for (let page = 0; page < LIST_MAX_PAGES; page++) {
    const res = await clients
      .securityHub(region)
      .send(new GetFindingsCommand({ Filters: filters, MaxResults: LIST_PAGE, NextToken: token }));
    out.push(...((res.Findings ?? []) as unknown as StoredFinding[]));
    token = res.NextToken || undefined;
    if (!token) return out;
  }
  throw new Error(`more than ${LIST_PAGE * LIST_MAX_PAGES} lambda-guard findings; stopped listing`);
}

/**
 * `scan --security-hub`: import the report's findings into the scanned account's Security Hub in `region`
 * (the home region), archive what a complete scan no longer reports, and say what happened as coverage.
 * Every call is paced by the Security Hub buckets and retried by the SDK client like every other call.
 */
export async function syncSecurityHub(opts: {
  clients: AwsClients;
  report: Report;
  rules: readonly RuleId[];
  region?: string;
}): Promise<SecurityHubResult> {
  const { clients, report } = opts;
  const region = opts.region ?? clients.homeRegion;
  const target = report.target as { kind: string; accountId?: unknown; partition?: unknown };
  const accountId = typeof target.accountId === "string" ? target.accountId : "";
  const partition = typeof target.partition === "string" ? target.partition : "aws";
  const productArn = defaultProductArn(partition, region, accountId);
  const scope = `${region}/securityhub`;
  if (target.kind !== "aws-account" || !/^\d{12}$/.test(accountId)) {
    // Security Hub takes an account's findings only from that account's own credentials.
    const detail = `--security-hub imports one account's findings with that account's credentials; this report is a ${target.kind} report — scan each account with --security-hub (e.g. one matrix job per account)`;
    return {
      region,
      created: 0,
      updated: 0,
      archived: 0,
      failed: [],
      coverage: { scope, status: "skipped", detail },
    };
  }

  let existing: StoredFinding[] | null = null;
  let listProblem: string | undefined;
  try {
    existing = await listExisting(clients, region, productArn, accountId);
  } catch (err) {
    listProblem = `GetFindings: ${describeAwsError(err)}${hint(awsErrorCode(err), region)}`;
  }
  const plan = planSecurityHubSync({
    report,
    rules: opts.rules,
    region,
    existing,
    ...(listProblem ? { listProblem } : {}),
  });

  const failed: SecurityHubFailure[] = [];
  const accepted = new Set<string>();
  for (const batch of importBatches(plan.findings)) {
    try {
      const res = await clients
        .securityHub(region)
        .send(new BatchImportFindingsCommand({ Findings: batch as unknown as AwsSecurityFinding[] }));
      const refused = new Set<string>();
      for (const f of res.FailedFindings ?? []) {
        refused.add(f.Id ?? "");
        failed.push({ id: f.Id ?? "-", code: f.ErrorCode ?? "Error", message: f.ErrorMessage ?? "" });
      }
      for (const f of batch)
        if (!refused.has(String(f.Id))) accepted.add(`${String(f.Id)}/${String(f.RecordState)}`);
    } catch (err) {
      const code = awsErrorCode(err);
      const message = `${describeAwsError(err)}${hint(code, region)}`;
      for (const f of batch) failed.push({ id: String(f.Id), code, message });
    }
  }

  const count = (pred: (f: Record<string, unknown>) => boolean) =>
    plan.findings.filter((f) => pred(f) && accepted.has(`${String(f.Id)}/${String(f.RecordState)}`)).length;
  const known = new Set((existing ?? []).map((f) => String(f.Id)));
  const created = count((f) => f.RecordState === "ACTIVE" && !known.has(String(f.Id)));
  const updated = count((f) => f.RecordState === "ACTIVE" && known.has(String(f.Id)));
  const archived = count((f) => f.RecordState === "ARCHIVED");

  const parts = [`${created} new, ${updated} updated, ${archived} archived`];
  if (failed.length > 0) {
    const first = failed[0]!;
    parts.push(`${failed.length} refused (first: ${first.id} ${first.code}: ${first.message})`);
  }
  if (plan.archiveSkipped) parts.push(plan.archiveSkipped);
  const status: Coverage["status"] =
    failed.length > 0 && accepted.size === 0
      ? "failed"
      : failed.length > 0 || existing === null
        ? "partial"
        : "complete";
  return {
    region,
    created,
    updated,
    archived,
    failed,
    ...(plan.archiveSkipped ? { archiveSkipped: plan.archiveSkipped } : {}),
    coverage: { scope, status, detail: parts.join("; ").slice(0, 1000) },
  };
}
