import { InputError } from "../model/errors.js";
import { isRuleId, RULE_IDS, type RuleId } from "../model/rules.js";
import {
  apiBudgetOf,
  isRegionName,
  LOOKBACK_MAX_DAYS,
  lookbackDaysOf,
  scanTimeoutOf,
} from "../model/scan-settings.js";
import { FAIL_ON_VALUES, type FailOn } from "../model/severity.js";

export const FORMATS = ["text", "json", "sarif", "markdown", "asff"] as const;
export type Format = (typeof FORMATS)[number];

// Each parser names the flag, says what it got and how to fix it: exit 2 with that message.

export function parseFormat(v: string | undefined): Format {
  if (v === undefined) return "text";
  if ((FORMATS as readonly string[]).includes(v)) return v as Format;
  throw new InputError(`must be one of ${FORMATS.join(", ")}, got '${v}'`, "--format");
}

export function parseFailOn(v: string | undefined): FailOn | undefined {
  if (v === undefined) return undefined;
  if ((FAIL_ON_VALUES as readonly string[]).includes(v)) return v as FailOn;
  throw new InputError(`must be one of ${FAIL_ON_VALUES.join(", ")}, got '${v}'`, "--fail-on");
}

export function parseRegions(v: string | undefined): "all" | string[] | undefined {
  if (v === undefined) return undefined;
  if (v === "all") return "all";
  const list = v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.find((r) => !isRegionName(r));
  if (list.length === 0 || bad !== undefined) {
    throw new InputError(
      `'${bad ?? v}' is not a region name — use all or a comma-separated list such as us-east-1,eu-west-1`,
      "--regions",
    );
  }
  return [...new Set(list)];
}

/** `max`: 90 for LookupEvents (CloudTrail's event history); CloudTrail Lake keeps events for years. */
export function parseLookbackDays(
  v: string | undefined,
  max: number = LOOKBACK_MAX_DAYS.lookupEvents,
): number | undefined {
  if (v === undefined) return undefined;
  const n = lookbackDaysOf(v, max);
  if (n === undefined) {
    throw new InputError(
      max === LOOKBACK_MAX_DAYS.lookupEvents
        ? `must be a whole number of days from 1 to 90 (CloudTrail's event history), got '${v}'`
        : `must be a whole number of days from 1 to ${max}, got '${v}'`,
      "--lookback-days",
    );
  }
  return n;
}

export function parseRules(v: string | undefined): RuleId[] | undefined {
  if (v === undefined) return undefined;
  const list = v
    .split(",")
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const bad = list.find((r) => !isRuleId(r));
  if (list.length === 0 || bad !== undefined) {
    throw new InputError(
      `unknown rule '${bad ?? v}' — use a comma-separated list of ${RULE_IDS.join(", ")}`,
      "--rules",
    );
  }
  return list as RuleId[];
}

export function parseApiBudget(v: string | undefined): number {
  if (v === undefined) return 0.9;
  const n = apiBudgetOf(v);
  if (n === undefined) {
    throw new InputError(
      `must be a decimal number above 0 such as 0.9 (the fraction of AWS's documented API quotas the scan may use; above 1 only for raised quotas), got '${v}'`,
      "--api-budget",
    );
  }
  return n;
}

/** `--timeout 30m`: milliseconds, at least 1 s and at most 24 h. */
export function parseTimeout(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const ms = scanTimeoutOf(v);
  if (ms === undefined) {
    throw new InputError(
      `must be a duration from 1s to 24h such as 30m, 1h30m or 90s, got '${v}'`,
      "--timeout",
    );
  }
  return ms;
}

export function parsePort(v: string | undefined): number {
  if (v === undefined) return 0;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InputError(`must be a port number 0–65535, got '${v}'`, "--port");
  return n;
}

export function parseEndpointUrl(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  try {
    const u = new URL(v);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error();
    return v;
  } catch {
    throw new InputError(
      `must be an http(s) URL such as http://127.0.0.1:4566, got '${v}'`,
      "--endpoint-url",
    );
  }
}
