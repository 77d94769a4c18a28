import { realpathSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import {
  apiBudgetOf,
  FAIL_ON_VALUES,
  InputError,
  isAccountId,
  isEventDataStore,
  isExternalId,
  isRegionName,
  isRoleName,
  isRuleId,
  LOOKBACK_MAX_DAYS,
  lookbackDaysOf,
  scanTimeoutOf,
  type FailOn,
  type RuleId,
} from "../model/index.js";
import type { IncompletePolicy } from "../report/check-run.js";
import type { OrganizationRequest } from "./org-scan.js";
import { DEFAULT_ARTIFACT_NAME, DEFAULT_CHECK_NAME } from "../report/handoff.js";

export const MODES = ["account", "iac", "both", "merge"] as const;
export type Mode = (typeof MODES)[number];

/** Everything the Action reads from `with:`, validated. Empty means "not given" (config, then default). */
export interface ActionInputs {
  mode: Mode;
  regions?: "all" | string[];
  lookbackDays?: number;
  failOn?: FailOn;
  apiBudget: number;
  /** Scan-wide deadline (ms) and how it was written (for coverage details). */
  timeout?: { ms: number; text: string };
  config: string;
  iacPath: string;
  checkName: string;
  headSha?: string;
  githubToken: string;
  incomplete: IncompletePolicy;
  /** Name of the report artifact (unique per job in a matrix); the app finds it through the hand-off marker. */
  artifactName: string;
  endpointUrl?: string;
  rules?: RuleId[];
  /** Import the account scan's findings into Security Hub (home region), archive what it no longer finds. */
  securityHub: boolean;
  /** `accounts`, `role-name`, `external-id`, `cloudtrail-lake` (organizations). */
  organization?: OrganizationRequest;
  /** `mode: merge`: a glob of downloaded report artifacts. */
  reports?: string;
  /** `allowed-account-ids`: the scan stops unless sts:GetCallerIdentity names one of these. */
  allowedAccountIds: string[];
  /** For the help text when credentials fail (configure-aws-credentials uses them). */
  roleToAssume?: string;
  audience?: string;
}

type Env = Record<string, string | undefined>;

/**
 * `core.getInput` semantics (INPUT_ + upper case, spaces to `_`), also accepting `_` for `-`: a runner
 * sets `INPUT_LOOKBACK-DAYS` for a JavaScript action, while a composite step can only pass what its
 * `env:` names, and `INPUT_LOOKBACK_DAYS` is the portable spelling there.
 */
export function readInput(env: Env, name: string): string {
  const key = `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
  const v = env[key] ?? env[key.replace(/-/g, "_")] ?? "";
  return v.trim();
}

function bad(input: string, value: string, fix: string): InputError {
  return new InputError(`'${value}' is not valid — ${fix}`, `input '${input}'`);
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** Reads the inputs the check run needs even when the rest are invalid. */
export function parseCheckInputs(env: Env): Pick<ActionInputs, "checkName" | "githubToken" | "headSha"> {
  const checkName = readInput(env, "check-name") || DEFAULT_CHECK_NAME;
  if (checkName.length > 100)
    throw bad("check-name", checkName.slice(0, 20) + "…", "use at most 100 characters");
  const githubToken = readInput(env, "github-token") || env.GITHUB_TOKEN || "";
  const headShaRaw = readInput(env, "head-sha");
  const headSha = headShaRaw.toLowerCase();
  if (headSha && !SHA.test(headSha)) {
    throw bad(
      "head-sha",
      headShaRaw,
      "give a full 40-character commit SHA, or leave it empty for the event's head commit",
    );
  }
  return { checkName, githubToken, ...(headSha ? { headSha } : {}) };
}

export function parseInputs(env: Env): ActionInputs {
  const base = parseCheckInputs(env);

  const modeRaw = readInput(env, "mode") || "account";
  if (!(MODES as readonly string[]).includes(modeRaw)) {
    throw bad(
      "mode",
      modeRaw,
      "use account (after deploys), iac (pull-request gate, no AWS), both, or merge (join a matrix's reports)",
    );
  }
  const mode = modeRaw as Mode;

  let regions: ActionInputs["regions"];
  const regionsRaw = readInput(env, "regions");
  if (regionsRaw === "all") regions = "all";
  else if (regionsRaw) {
    const list = regionsRaw
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter(Boolean);
    const wrong = list.find((r) => !isRegionName(r));
    if (wrong !== undefined || list.length === 0) {
      throw bad(
        "regions",
        wrong ?? regionsRaw,
        "use 'all' or region names separated by commas, e.g. us-east-1,eu-west-1",
      );
    }
    regions = [...new Set(list)];
  }

  let lookbackDays: number | undefined;
  const lookRaw = readInput(env, "lookback-days");
  if (lookRaw) {
    // CloudTrail Lake keeps events for years; LookupEvents serves CloudTrail's 90-day event history.
    const lake = readInput(env, "cloudtrail-lake") !== "";
    const max = lake ? LOOKBACK_MAX_DAYS.cloudtrailLake : LOOKBACK_MAX_DAYS.lookupEvents;
    const n = lookbackDaysOf(lookRaw, max);
    if (n === undefined) {
      throw bad(
        "lookback-days",
        lookRaw,
        lake
          ? `use a whole number of days from 1 to ${max}`
          : "use a whole number of days from 1 to 90 (CloudTrail keeps 90 days of events; more with cloudtrail-lake)",
      );
    }
    lookbackDays = n;
  }

  let failOn: FailOn | undefined;
  const failRaw = readInput(env, "fail-on").toLowerCase();
  if (failRaw) {
    if (!(FAIL_ON_VALUES as readonly string[]).includes(failRaw)) {
      throw bad("fail-on", failRaw, `use one of ${FAIL_ON_VALUES.join(", ")}`);
    }
    failOn = failRaw as FailOn;
  }

  const budgetRaw = readInput(env, "api-budget") || "0.9";
  const apiBudget = apiBudgetOf(budgetRaw);
  if (apiBudget === undefined) {
    throw bad(
      "api-budget",
      budgetRaw,
      "use a decimal number above 0, such as 0.9 (90% of AWS's documented API quotas; above 1 only for raised quotas)",
    );
  }

  let timeout: { ms: number; text: string } | undefined;
  const timeoutRaw = readInput(env, "timeout");
  if (timeoutRaw) {
    const ms = scanTimeoutOf(timeoutRaw);
    if (ms === undefined) {
      throw bad("timeout", timeoutRaw, "use a duration from 1s to 24h such as 30m, 1h30m or 90s");
    }
    timeout = { ms, text: timeoutRaw };
  }

  const incompleteRaw = readInput(env, "incomplete") || "failure";
  if (incompleteRaw !== "failure" && incompleteRaw !== "neutral") {
    throw bad(
      "incomplete",
      incompleteRaw,
      "use failure (the default: an incomplete scan fails the check) or neutral",
    );
  }

  const iacPath = readInput(env, "iac-path") || ".";
  if (isAbsolute(iacPath) || /^[A-Za-z]:/.test(iacPath) || iacPath.startsWith("\\")) {
    throw bad(
      "iac-path",
      iacPath,
      "give a directory relative to the repository checkout (GITHUB_WORKSPACE), e.g. infra, not an absolute path",
    );
  }
  if (iacPath.split(/[\\/]/).includes("..")) {
    throw bad("iac-path", iacPath, "give a directory inside the repository checkout");
  }

  const allowedRaw = readInput(env, "allowed-account-ids");
  const allowedAccountIds = [
    ...new Set(
      allowedRaw
        .split(/[\s,]+/)
        .map((a) => a.trim())
        .filter(Boolean),
    ),
  ];
  const wrongAccount = allowedAccountIds.find((a) => !/^\d{12}$/.test(a));
  if (wrongAccount !== undefined) {
    throw bad("allowed-account-ids", wrongAccount, "use 12-digit AWS account ids separated by commas");
  }
  const roleToAssume = readInput(env, "role-to-assume");
  const audience = readInput(env, "audience");

  const artifactName = readInput(env, "artifact-name") || DEFAULT_ARTIFACT_NAME;
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(artifactName)) {
    throw bad(
      "artifact-name",
      artifactName,
      "use letters, digits, '.', '_' and '-' only, e.g. lambda-guard-report-prod",
    );
  }

  let endpointUrl: string | undefined;
  const endpointRaw = readInput(env, "endpoint-url");
  if (endpointRaw) {
    try {
      const u = new URL(endpointRaw);
      if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("protocol");
    } catch {
      throw bad("endpoint-url", endpointRaw, "give an http(s) URL, e.g. http://127.0.0.1:4566");
    }
    endpointUrl = endpointRaw;
  }

  let rules: RuleId[] | undefined;
  const rulesRaw = readInput(env, "rules");
  if (rulesRaw) {
    const list = rulesRaw.split(/[\s,]+/).filter(Boolean);
    const wrong = list.find((r) => !isRuleId(r.toUpperCase()));
    if (wrong !== undefined) throw bad("rules", wrong, "use rule ids such as LG001,LG004");
    rules = [...new Set(list.map((r) => r.toUpperCase() as RuleId))];
  }

  const securityHubRaw = readInput(env, "security-hub").toLowerCase() || "false";
  if (securityHubRaw !== "true" && securityHubRaw !== "false") {
    throw bad("security-hub", securityHubRaw, "use true (import the findings into Security Hub) or false");
  }
  const organization = parseOrganizationInputs(env);
  const reports = readInput(env, "reports");
  if (mode === "merge" && !reports) {
    throw bad("reports", "", "give a glob of the downloaded report artifacts, e.g. reports/**/*.json");
  }

  return {
    ...base,
    mode,
    securityHub: securityHubRaw === "true",
    ...(organization ? { organization } : {}),
    ...(reports ? { reports } : {}),
    ...(regions ? { regions } : {}),
    ...(lookbackDays !== undefined ? { lookbackDays } : {}),
    ...(failOn ? { failOn } : {}),
    apiBudget,
    ...(timeout ? { timeout } : {}),
    config: readInput(env, "config") || ".github/lambda-guard.yml",
    iacPath,
    incomplete: incompleteRaw,
    artifactName,
    ...(endpointUrl ? { endpointUrl } : {}),
    ...(rules ? { rules } : {}),
    allowedAccountIds,
    ...(roleToAssume ? { roleToAssume } : {}),
    ...(audience ? { audience } : {}),
  };
}

/** `accounts` (all or ids), `role-name`, `external-id`, `cloudtrail-lake`; undefined when none is given. */
function parseOrganizationInputs(env: Env): OrganizationRequest | undefined {
  const org: OrganizationRequest = {};
  const accounts = readInput(env, "accounts");
  if (accounts === "all") org.accounts = "all";
  else if (accounts) {
    const ids = accounts.split(/[\s,]+/).filter(Boolean);
    const wrong = ids.find((id) => !isAccountId(id));
    if (wrong !== undefined) {
      throw bad(
        "accounts",
        wrong,
        "use all or 12-digit account ids separated by commas (a matrix passes one)",
      );
    }
    org.accounts = [...new Set(ids)];
  }
  const roleName = readInput(env, "role-name");
  if (roleName) {
    if (!isRoleName(roleName)) {
      throw bad("role-name", roleName, "give the member role's name (not its ARN), e.g. lambda-guard-scan");
    }
    org.roleName = roleName;
  }
  const externalId = readInput(env, "external-id");
  if (externalId) {
    if (!isExternalId(externalId)) {
      throw bad("external-id", "(hidden)", "use 2-1224 letters, digits and +=,.@:/-");
    }
    org.externalId = externalId;
  }
  const lake = readInput(env, "cloudtrail-lake");
  if (lake) {
    if (!isEventDataStore(lake)) {
      throw bad("cloudtrail-lake", lake, "give an event data store id or ARN");
    }
    org.cloudtrailLake = lake;
  }
  if ((org.roleName || org.externalId) && !org.accounts) {
    throw bad("accounts", "", "role-name and external-id need accounts (all, or account ids)");
  }
  return Object.keys(org).length > 0 ? org : undefined;
}

/**
 * `iac-path` resolved on disk: it must exist and, after following symlinks, stay inside the workspace
 * (a symlink in the checkout could otherwise point the scan at the runner's files).
 */
export function resolveIacPath(workspace: string, iacPath: string): string {
  const root = realpathOrNull(workspace) ?? resolve(workspace);
  const target = realpathOrNull(resolve(workspace, iacPath));
  if (target === null) {
    throw bad(
      "iac-path",
      iacPath,
      "the directory does not exist in the checkout; check the path and that actions/checkout ran",
    );
  }
  const rel = relative(root, target);
  if (rel.split(/[\\/]/)[0] === ".." || isAbsolute(rel)) {
    throw bad(
      "iac-path",
      iacPath,
      `it resolves through a symlink to ${target}, outside the repository checkout; point it at a real directory inside the repository`,
    );
  }
  return target;
}

function realpathOrNull(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}
