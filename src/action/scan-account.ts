/** `mode: account`: the AWS side of the Action's scan step (one account, or an organization). */
import { AwsClients } from "../aws/clients.js";
import { callerIdentity, scanAccount } from "../aws/scan.js";
import { syncSecurityHub } from "../aws/security-hub.js";
import { RULE_IDS, type Report } from "../model/index.js";
import { accountProblem, CredentialsProblem } from "./credentials.js";
import { scanOrganizationFor } from "./org-scan.js";
import type { ScanRequest } from "./scan.js";

export async function scanAccountMode(req: ScanRequest): Promise<Report> {
  const clients = new AwsClients({
    apiBudget: req.apiBudget,
    ...(req.endpointUrl ? { endpointUrl: req.endpointUrl } : {}),
    ...(req.credentials ? { credentials: req.credentials } : {}),
    ...(req.homeRegion ? { homeRegion: req.homeRegion } : {}),
    ...(req.timeout ? { signal: AbortSignal.timeout(req.timeout.ms) } : {}),
  });
  try {
    // Who the credentials belong to, first: a refusal or another account stops here, before any
    // Lambda, CloudTrail or IAM call (configure-aws-credentials' own check did not cover OIDC before v6.2.1).
    let accountId: string;
    try {
      accountId = (await callerIdentity(clients)).accountId;
    } catch (err) {
      throw new CredentialsProblem("refused", err instanceof Error ? err.message : String(err));
    }
    const problem = accountProblem(accountId, req.allowedAccountIds ?? []);
    if (problem) throw problem;
    // An organization's accounts import their own findings (scanOrganizationFor).
    if (req.organization?.accounts) return await scanOrganizationFor(req, clients);
    const rules = req.rules ?? [...RULE_IDS];
    const report = req.organization?.cloudtrailLake
      ? await scanOrganizationFor(req, clients)
      : await scanAccount({
          clients,
          regions: req.regions,
          lookbackDays: req.lookbackDays,
          rules,
          config: req.config,
          confirmWithSimulator: false,
          ...(req.timeout ? { timeoutLabel: `timeout (${req.timeout.text})` } : {}),
        });
    if (!req.securityHub) return report;
    const hub = await syncSecurityHub({ clients, report, rules });
    const coverage = [...report.coverage, hub.coverage].sort((a, b) => a.scope.localeCompare(b.scope));
    return { ...report, coverage };
  } finally {
    clients.destroy();
  }
}
