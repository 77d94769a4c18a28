import {
  InputError,
  isRuleId,
  FAIL_ON_VALUES,
  parseDuration,
  type FailOn,
  type RuleId,
} from "../model/index.js";
import type { IncompletePolicy } from "../report/check-run.js";

export const MODES = ["account", "iac", "both"] as const;
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

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** Reads the inputs the check run needs even when the rest are invalid. */
export function parseCheckInputs(env: Env): Pick<ActionInputs, "checkName" | "githubToken" | "headSha"> {
  const checkName = readInput(env, "check-name") || "Lambda Guard";
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
    throw bad("mode", modeRaw, "use account (after deploys), iac (pull-request gate, no AWS) or both");
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
    const wrong = list.find((r) => !REGION.test(r));
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
    const n = Number(lookRaw);
    if (!/^\d+$/.test(lookRaw) || n < 1 || n > 90) {
      throw bad(
        "lookback-days",
        lookRaw,
        "use a whole number of days from 1 to 90 (CloudTrail keeps 90 days of events)",
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
  const apiBudget = Number(budgetRaw);
  if (!Number.isFinite(apiBudget) || apiBudget <= 0 || apiBudget > 100) {
    throw bad(
      "api-budget",
      budgetRaw,
      "use a number above 0, such as 0.9 (90% of AWS's documented API quotas)",
    );
  }

  let timeout: { ms: number; text: string } | undefined;
  const timeoutRaw = readInput(env, "timeout");
  if (timeoutRaw) {
    const ms = parseDuration(timeoutRaw);
    if (ms === undefined || ms < 1000 || ms > 86_400_000) {
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
  if (iacPath.split(/[\\/]/).includes("..")) {
    throw bad("iac-path", iacPath, "give a directory inside the repository checkout");
  }

  const artifactName = readInput(env, "artifact-name") || "lambda-guard-report";
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

  return {
    ...base,
    mode,
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
  };
}
