import type { Config, Report, RuleId } from "../model/index.js";
import type { Mode } from "./inputs.js";
import type { OrganizationRequest } from "./org-scan.js";

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

// Each mode loads only what it runs (the AWS SDK, the IaC parsers): a step process pays for its own code only.
export const defaultScan: ScanFn = async (req) => {
  switch (req.mode) {
    case "account":
      return (await import("./scan-account.js")).scanAccountMode(req);
    case "iac":
      return (await import("./scan-iac.js")).scanIacMode(req);
    case "merge":
      return (await import("./merge-mode.js")).mergeReportArtifacts(req.reports ?? "", req.workspace);
    case "both": {
      const [{ scanAccountMode }, { scanIacMode }, { mergeReports }] = await Promise.all([
        import("./scan-account.js"),
        import("./scan-iac.js"),
        import("../report/merge.js"),
      ]);
      const [a, i] = await Promise.all([scanAccountMode(req), scanIacMode(req)]);
      return mergeReports([a, i]);
    }
  }
};
