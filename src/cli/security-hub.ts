import type { AwsClients } from "../aws/clients.js";
import { syncSecurityHub, type SecurityHubResult } from "../aws/security-hub.js";
import type { Coverage, Report, RuleId } from "../model/index.js";
import type { Io } from "./io.js";

/** One line for people: what Security Hub now holds, and why nothing was archived when nothing was. */
export function securityHubLine(r: SecurityHubResult): string {
  const bits = [`${r.created} new`, `${r.updated} updated`, `${r.archived} archived`];
  if (r.failed.length > 0) bits.push(`${r.failed.length} refused`);
  const why = r.archiveSkipped ? ` (${r.archiveSkipped})` : "";
  return `Security Hub ${r.region}: ${bits.join(", ")}${why}`;
}

/**
 * `scan --security-hub`: import, then state the outcome in the report's coverage (`<region>/securityhub`), so
 * refused findings or a Security Hub that is not enabled make the run incomplete rather than pass unnoticed.
 */
export async function importIntoSecurityHub(
  io: Io,
  clients: AwsClients,
  report: Report,
  rules: readonly RuleId[],
): Promise<SecurityHubResult> {
  const result = await syncSecurityHub({ clients, report, rules });
  report.coverage = [...report.coverage, result.coverage].sort((a, b) => a.scope.localeCompare(b.scope));
  io.err(`lambda-guard: ${securityHubLine(result)}\n`);
  for (const f of result.failed.slice(0, 5)) io.err(`  refused ${f.id}: ${f.code}: ${f.message}\n`);
  return result;
}

/**
 * `scan --accounts … --security-hub`: each account's findings go to that account's Security Hub with its own
 * (assumed-role) credentials, once the organization's findings are all known; one line per account.
 */
export function securityHubPerAccount(
  io: Io,
  rules: readonly RuleId[],
): (account: { accountId: string; clients: AwsClients }, report: Report) => Promise<Coverage[]> {
  return async (account, report) => {
    const result = await syncSecurityHub({ clients: account.clients, report, rules });
    io.err(`lambda-guard: ${account.accountId}: ${securityHubLine(result)}\n`);
    for (const f of result.failed.slice(0, 5)) io.err(`  refused ${f.id}: ${f.code}: ${f.message}\n`);
    return [result.coverage];
  };
}
