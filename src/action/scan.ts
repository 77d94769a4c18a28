import { resolve } from "node:path";
import { AwsClients } from "../aws/clients.js";
import { callerIdentity, scanAccount } from "../aws/scan.js";
import { syncSecurityHub } from "../aws/security-hub.js";
import { repoPrefix, scanIac } from "../iac/index.js";
import { RULE_IDS, summarize, type Config, type Report, type RuleId } from "../model/index.js";
import { mergeReports } from "../report/index.js";
import { accountProblem, CredentialsProblem } from "./credentials.js";
import type { Mode } from "./inputs.js";
import { mergeReportArtifacts } from "./merge-mode.js";
import { scanOrganizationFor, type OrganizationRequest } from "./org-scan.js";

export interface ScanRequest {
  mode: Mode;
  regions: "all" | string[];
  lookbackDays: number;
  apiBudget: number;
  /** Scan-wide deadline: unfinished scopes become `timed-out` coverage. */
  timeout?: { ms: number; text: string };
  configPath?: string;
  /** The loaded config (the Action loads it once, for fail-on too). */
  config: Config;
  /** Relative to `workspace`. */
  iacPath: string;
  workspace: string;
  endpointUrl?: string;
  rules?: RuleId[];
  /** Explicit credentials (from configure-aws-credentials' outputs); else the SDK's default chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  homeRegion?: string;
  /** `security-hub: true`: import into the account's Security Hub; the outcome joins the coverage. */
  securityHub?: boolean;
  /** Organization inputs (`accounts`, `role-name`, `external-id`, `cloudtrail-lake`). */
  organization?: OrganizationRequest;
  /** `mode: merge`: glob of downloaded report artifacts, relative to `workspace`. */
  reports?: string;
  /** `allowed-account-ids`: checked against sts:GetCallerIdentity before any other AWS call. */
  allowedAccountIds?: string[];
}

/** The seam between the Action and the scanner: tests inject a fake, production uses `defaultScan`. */
export type ScanFn = (opts: ScanRequest) => Promise<Report>;

async function account(req: ScanRequest): Promise<Report> {
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
    if (req.organization?.accounts || req.organization?.cloudtrailLake) {
      return await scanOrganizationFor(req, clients);
    }
    const rules = req.rules ?? [...RULE_IDS];
    const report = await scanAccount({
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

async function iac(req: ScanRequest): Promise<Report> {
  const root = resolve(req.workspace, req.iacPath);
  // Paths named from the workspace (the repository root), as annotations and SARIF need.
  const { report } = await scanIac(root, { config: req.config, prefix: repoPrefix(req.workspace, root) });
  const rules = req.rules;
  if (!rules) return report;
  const findings = report.findings.filter((f) => rules.includes(f.rule));
  return { ...report, findings, summary: summarize(findings) };
}

export const defaultScan: ScanFn = async (req) => {
  switch (req.mode) {
    case "account":
      return account(req);
    case "iac":
      return iac(req);
    case "merge":
      return mergeReportArtifacts(req.reports ?? "", req.workspace);
    case "both": {
      const [a, i] = await Promise.all([account(req), iac(req)]);
      return mergeReports([a, i]);
    }
  }
};
