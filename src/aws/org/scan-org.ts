/**
 * `scan --accounts`: every selected account of the organization, in parallel (quotas are per account and
 * region, so accounts do not slow each other down), each through the single-account scan with its own clients
 * and token buckets under a role assumed with the caller's credentials. One report of target kind
 * `aws-organization`: findings carry `resource.accountId`, coverage scopes are prefixed with the account, and
 * an account that could not be entered is one `failed` scope with the reason — the others complete.
 *
 * Memory: each account's scan streams its functions into findings; only findings and coverage are kept here.
 */
import {
  applyAllowList,
  applyRuleOverrides,
  buildReport,
  InputError,
  VERSION,
  type Coverage,
  type Finding,
  type Report,
  type RuleId,
} from "../../model/index.js";
import { mapLimit } from "../../model/concurrency.js";
import type { AwsClients, AwsClientOptions } from "../clients.js";
import { describeAwsError } from "../errors.js";
import {
  callerIdentity,
  scanAccount,
  type CallerIdentity,
  type ScanOptions,
  type ScanProgress,
} from "../scan.js";
import { describeOrganization, listOrgAccounts, selectAccounts, type OrgAccount } from "./accounts.js";
import { assumedRoleCredentials, roleArn } from "./assume-role.js";

export const DEFAULT_ROLE_NAME = "lambda-guard-scan";
export const DEFAULT_ACCOUNTS_IN_FLIGHT = 8;

export type OrgScanProgress =
  | { kind: "account-start"; accountId: string; name: string }
  | { kind: "account-done"; accountId: string; findings: number; failed?: string }
  | ({ accountId: string } & ScanProgress);

export interface OrgScanOptions extends Omit<ScanOptions, "clients" | "onProgress"> {
  /** The caller's clients: Organizations, STS AssumeRole. */
  clients: AwsClients;
  /** Builds one account's clients (own buckets) from its credentials. Default: `clients.forCredentials`. */
  clientsFor?: (credentials: NonNullable<AwsClientOptions["credentials"]>) => AwsClients;
  accounts: "all" | string[];
  /** With `accounts: "all"`: ids or name globs to keep / to drop (as `lambda-guard accounts`). */
  include?: string[];
  exclude?: string[];
  roleName: string;
  externalId?: string;
  accountsInFlight: number;
  /** LG004 for the whole organization from elsewhere (CloudTrail Lake); the accounts then skip LG004. */
  lg004?: (
    entered: EnteredAccount[],
    me: CallerIdentity,
  ) => Promise<{ findings: Finding[]; coverage: Coverage[] }>;
  /**
   * Runs once every finding is known (LG004 from Lake included), with each entered account's own clients and
   * that account's part of the report as an `aws-account` report; the coverage it returns joins the account's.
   * `--security-hub` imports here: Security Hub takes an account's findings only from that account.
   */
  afterAccount?: (account: EnteredAccount, report: Report) => Promise<Coverage[]>;
  onProgress?: (e: OrgScanProgress) => void;
}

export interface EnteredAccount {
  accountId: string;
  clients: AwsClients;
  /** The regions its scan covered. */
  regions: string[];
}

/** Account-scope coverage: `444455556666/us-east-1/lambda`. */
export function prefixCoverage(accountId: string, coverage: readonly Coverage[]): Coverage[] {
  return coverage.map((c) => ({ ...c, scope: `${accountId}/${c.scope}` }));
}

export function tagAccount(accountId: string, findings: readonly Finding[]): Finding[] {
  return findings.map((f) => ({ ...f, resource: { ...f.resource, accountId } }));
}

/**
 * One account's part of the organization's findings and coverage, as that account's own scan would report it:
 * its findings, its scopes (unprefixed), and the organization-wide scopes (`cloudtrail-lake`) its LG004 came from,
 * so that a gap there keeps the part incomplete.
 */
export function accountPart(
  account: Pick<EnteredAccount, "accountId" | "regions">,
  partition: string,
  findings: readonly Finding[],
  coverage: readonly Coverage[],
  now: Date,
): Report {
  const prefix = `${account.accountId}/`;
  return buildReport({
    version: VERSION,
    target: { kind: "aws-account", accountId: account.accountId, partition, regions: account.regions },
    coverage: coverage
      .filter((c) => c.scope.startsWith(prefix) || !/^\d{12}(\/|$)/.test(c.scope))
      .map((c) => (c.scope.startsWith(prefix) ? { ...c, scope: c.scope.slice(prefix.length) } : c)),
    findings: findings.filter((f) => f.resource.accountId === account.accountId),
    now,
  });
}

async function selected(opts: OrgScanOptions): Promise<OrgAccount[]> {
  if (opts.accounts === "all") {
    return selectAccounts(await listOrgAccounts(opts.clients), opts.include, opts.exclude);
  }
  // Explicit ids need no ListAccounts permission; names are shown when the listing is readable.
  let names = new Map<string, string>();
  try {
    names = new Map((await listOrgAccounts(opts.clients)).map((a) => [a.id, a.name]));
  } catch {
    // a delegated scanner may lack organizations:ListAccounts; ids are enough
  }
  return opts.accounts.map((id) => ({ id, name: names.get(id) ?? id, status: "ACTIVE" }));
}

export async function scanOrganization(opts: OrgScanOptions): Promise<Report> {
  const now = opts.now ?? new Date();
  const me = await callerIdentity(opts.clients);
  const org = await describeOrganization(opts.clients);
  const accounts = await selected(opts);
  if (accounts.length === 0) {
    throw new InputError("no ACTIVE account to scan in the organization", "--accounts");
  }
  const rules: RuleId[] = opts.lg004 ? opts.rules.filter((r) => r !== "LG004") : [...opts.rules];
  const findings: Finding[] = [];
  const coverage: Coverage[] = [];
  const entered: EnteredAccount[] = [];
  const owned: AwsClients[] = [];

  try {
    await mapLimit(accounts, Math.max(1, opts.accountsInFlight), async (account) => {
      opts.onProgress?.({ kind: "account-start", accountId: account.id, name: account.name });
      const credentials = assumedRoleCredentials(opts.clients, {
        partition: me.partition,
        accountId: account.id,
        roleName: opts.roleName,
        sessionName: "lambda-guard",
        ...(opts.externalId !== undefined ? { externalId: opts.externalId } : {}),
      });
      try {
        await credentials();
      } catch (err) {
        const detail = `cannot assume ${roleArn({ partition: me.partition, accountId: account.id, roleName: opts.roleName })}: ${describeAwsError(err)} — deploy the member role (examples/organizations/member-role.yaml) or fix --role-name/--external-id`;
        coverage.push({ scope: account.id, status: "failed", detail });
        opts.onProgress?.({ kind: "account-done", accountId: account.id, findings: 0, failed: detail });
        return;
      }
      const clients = opts.clientsFor
        ? opts.clientsFor(credentials)
        : opts.clients.forCredentials(credentials);
      owned.push(clients);
      try {
        const report = await scanAccount({
          ...opts,
          clients,
          rules,
          now,
          onProgress: (e) => opts.onProgress?.({ accountId: account.id, ...e }),
        });
        const target = report.target as { regions?: string[] };
        entered.push({ accountId: account.id, clients, regions: target.regions ?? [] });
        findings.push(...tagAccount(account.id, report.findings));
        coverage.push(...prefixCoverage(account.id, report.coverage));
        opts.onProgress?.({ kind: "account-done", accountId: account.id, findings: report.findings.length });
      } catch (err) {
        const detail = `scan failed: ${err instanceof Error ? err.message : String(err)}`;
        coverage.push({ scope: account.id, status: "failed", detail });
        opts.onProgress?.({ kind: "account-done", accountId: account.id, findings: 0, failed: detail });
      }
    });

    if (opts.lg004 && opts.rules.includes("LG004")) {
      const lake = await opts.lg004(entered, me);
      findings.push(...applyAllowList(applyRuleOverrides(lake.findings, opts.config), opts.config, now));
      coverage.push(...lake.coverage);
    }
    if (opts.afterAccount) {
      const after = opts.afterAccount;
      await mapLimit(entered, Math.max(1, opts.accountsInFlight), async (account) => {
        const report = accountPart(account, me.partition, findings, coverage, now);
        coverage.push(...prefixCoverage(account.accountId, await after(account, report)));
      });
    }
  } finally {
    for (const c of owned) c.destroy();
  }

  return buildReport({
    version: VERSION,
    target: {
      kind: "aws-organization",
      organizationId: org.id,
      partition: me.partition,
      accounts: accounts.map((a) => a.id),
    },
    coverage: coverage.sort((a, b) => a.scope.localeCompare(b.scope)),
    findings,
    now,
  });
}
