/**
 * LG004 for many accounts from one CloudTrail Lake query: the callers of every account's functions, each
 * evaluated in its own account (that account's IAM authorization details, read through its assumed role).
 * Callers from accounts that were not entered are reported as cross-account findings, as a single-account
 * scan does.
 */
import {
  applyAllowList,
  applyRuleOverrides,
  buildReport,
  VERSION,
  type Coverage,
  type Finding,
  type Report,
} from "../../model/index.js";
import { mapLimit } from "../../model/concurrency.js";
import type { AwsClients } from "../clients.js";
import { fetchAuthorizationDetails } from "../lg004/authorization-details.js";
import { CallerCollector, emptyCallerStats, type Caller } from "../lg004/callers.js";
import { queryLakeCallers } from "../lg004/cloudtrail-lake.js";
import { crossAccountFinding } from "../lg004/findings.js";
import { evaluateGetFunctionCallers, type Lg004Stats } from "../lg004/index.js";
import { principalFromArn } from "../lg004/principals.js";
import { callerIdentity, scanAccount, type CallerIdentity, type ScanOptions } from "../scan.js";
import { prefixCoverage, tagAccount, type EnteredAccount } from "./scan-org.js";

export interface LakeLg004Options {
  /** The caller's clients (the event data store lives in the caller's account). */
  clients: AwsClients;
  eventDataStore: string;
  lookbackDays: number;
  confirmWithSimulator: boolean;
  now: Date;
  /** Only events on these accounts' functions (a single-account scan); all when absent. */
  recipientAccounts?: string[];
  /** Prefix coverage scopes and tag findings with the account (organization reports). */
  perAccount: boolean;
  sleep?: (ms: number) => Promise<void>;
}

const DAY_MS = 86_400_000;

function emptyStats(): Lg004Stats {
  return {
    regions: [],
    callers: { ...emptyCallerStats(), unparsable: 0 },
    principals: 0,
    evaluationMs: 0,
    cloudtrailMs: 0,
    iamPages: 0,
    simulatorCalls: 0,
  };
}

export function lakeLg004(opts: LakeLg004Options) {
  return async (
    entered: EnteredAccount[],
    me: CallerIdentity,
  ): Promise<{ findings: Finding[]; coverage: Coverage[] }> => {
    const days = Math.max(1, Math.floor(opts.lookbackDays));
    const scanner = principalFromArn(me.arn);
    // Function ARNs in the rows are complete (the recipient account fills bare names), so the collector's
    // default account is never used.
    const collector = new CallerCollector({
      accountId: "000000000000",
      partition: me.partition,
      ...(scanner ? { scanner } : {}),
    });
    const q = await queryLakeCallers({
      clients: opts.clients,
      eventDataStore: opts.eventDataStore,
      partition: me.partition,
      start: new Date(opts.now.getTime() - days * DAY_MS),
      ...(opts.recipientAccounts ? { recipientAccounts: opts.recipientAccounts } : {}),
      ...(opts.sleep ? { sleep: opts.sleep } : {}),
      onRow: (record, calls) => collector.add(undefined, record, String(record.awsRegion ?? ""), calls),
    });
    const coverage: Coverage[] = [
      {
        scope: "cloudtrail-lake",
        status: q.status,
        detail:
          q.detail ??
          `one query (${q.queryId}) over ${opts.eventDataStore}: ${q.rows} caller rows in ${q.pages} result page${q.pages === 1 ? "" : "s"}, last ${days} days`,
      },
    ];
    const findings: Finding[] = [];
    if (q.status === "failed") return { findings, coverage };

    const byAccount = new Map<string, Caller[]>();
    for (const c of collector.callers.values()) {
      const list = byAccount.get(c.principal.accountId) ?? [];
      list.push(c);
      byAccount.set(c.principal.accountId, list);
    }
    const inside = new Set(entered.map((e) => e.accountId));
    for (const [accountId, callers] of byAccount) {
      if (inside.has(accountId)) continue;
      for (const caller of callers) {
        const f = crossAccountFinding({ status: "cross-account", caller });
        findings.push(...(opts.perAccount ? tagAccount(accountId, [f]) : [f]));
      }
    }
    await mapLimit(entered, 8, async (account) => {
      const callers = byAccount.get(account.accountId) ?? [];
      if (callers.length === 0) {
        const cov = {
          scope: "global/iam",
          status: "complete" as const,
          detail: "no GetFunction callers of this account in CloudTrail Lake; IAM not read",
        };
        coverage.push(...(opts.perAccount ? prefixCoverage(account.accountId, [cov]) : [cov]));
        return;
      }
      const iam = await fetchAuthorizationDetails(account.clients);
      const stats = emptyStats();
      stats.principals = callers.length;
      const r = await evaluateGetFunctionCallers({
        clients: account.clients,
        accountId: account.accountId,
        callers,
        iam,
        stats,
        days,
        confirmWithSimulator: opts.confirmWithSimulator,
        now: opts.now,
      });
      findings.push(...(opts.perAccount ? tagAccount(account.accountId, r.findings) : r.findings));
      coverage.push(...(opts.perAccount ? prefixCoverage(account.accountId, r.coverage) : r.coverage));
    });
    return { findings, coverage };
  };
}

/** A single-account scan whose LG004 comes from CloudTrail Lake (events on this account's functions). */
export async function scanAccountWithLake(
  opts: ScanOptions,
  lake: { eventDataStore: string; sleep?: (ms: number) => Promise<void> },
): Promise<Report> {
  const now = opts.now ?? new Date();
  const base = await scanAccount({ ...opts, now, rules: opts.rules.filter((r) => r !== "LG004") });
  if (!opts.rules.includes("LG004") || base.target.kind !== "aws-account") return base;
  const me = await callerIdentity(opts.clients);
  const r = await lakeLg004({
    clients: opts.clients,
    eventDataStore: lake.eventDataStore,
    lookbackDays: opts.lookbackDays,
    confirmWithSimulator: opts.confirmWithSimulator,
    now,
    recipientAccounts: [me.accountId],
    perAccount: false,
    ...(lake.sleep ? { sleep: lake.sleep } : {}),
  })([{ accountId: me.accountId, clients: opts.clients, regions: base.target.regions }], me);
  return buildReport({
    version: VERSION,
    target: base.target,
    coverage: [...base.coverage, ...r.coverage].sort((a, b) => a.scope.localeCompare(b.scope)),
    findings: [
      ...base.findings,
      ...applyAllowList(applyRuleOverrides(r.findings, opts.config), opts.config, now),
    ],
    now,
  });
}
