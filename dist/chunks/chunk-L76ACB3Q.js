import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  LOOKBACK_MAX_DAYS,
  apiBudgetOf,
  isRegionName,
  lookbackDaysOf,
  scanTimeoutOf
} from "./chunk-NXJRENZE.js";
import {
  InputError,
  RULE_IDS,
  isRuleId
} from "./chunk-JAJAJYEP.js";
import {
  FAIL_ON_VALUES
} from "./chunk-4GMCL7QT.js";

// src/cli/options.ts
var FORMATS = ["text", "json", "sarif", "markdown", "asff"];
function parseFormat(v) {
  if (v === void 0) return "text";
  if (FORMATS.includes(v)) return v;
  throw new InputError(`must be one of ${FORMATS.join(", ")}, got '${v}'`, "--format");
}
function parseFailOn(v) {
  if (v === void 0) return void 0;
  if (FAIL_ON_VALUES.includes(v)) return v;
  throw new InputError(`must be one of ${FAIL_ON_VALUES.join(", ")}, got '${v}'`, "--fail-on");
}
function parseRegions(v) {
  if (v === void 0) return void 0;
  if (v === "all") return "all";
  const list = v.split(",").map((s) => s.trim()).filter(Boolean);
  const bad = list.find((r) => !isRegionName(r));
  if (list.length === 0 || bad !== void 0) {
    throw new InputError(
      `'${bad ?? v}' is not a region name \u2014 use all or a comma-separated list such as us-east-1,eu-west-1`,
      "--regions"
    );
  }
  return [...new Set(list)];
}
function parseLookbackDays(v, max = LOOKBACK_MAX_DAYS.lookupEvents) {
  if (v === void 0) return void 0;
  const n = lookbackDaysOf(v, max);
  if (n === void 0) {
    throw new InputError(
      max === LOOKBACK_MAX_DAYS.lookupEvents ? `must be a whole number of days from 1 to 90 (CloudTrail's event history), got '${v}'` : `must be a whole number of days from 1 to ${max}, got '${v}'`,
      "--lookback-days"
    );
  }
  return n;
}
function parseRules(v) {
  if (v === void 0) return void 0;
  const list = v.split(",").map((s) => s.trim().toUpperCase()).filter(Boolean);
  const bad = list.find((r) => !isRuleId(r));
  if (list.length === 0 || bad !== void 0) {
    throw new InputError(
      `unknown rule '${bad ?? v}' \u2014 use a comma-separated list of ${RULE_IDS.join(", ")}`,
      "--rules"
    );
  }
  return list;
}
function parseApiBudget(v) {
  if (v === void 0) return 0.9;
  const n = apiBudgetOf(v);
  if (n === void 0) {
    throw new InputError(
      `must be a decimal number above 0 such as 0.9 (the fraction of AWS's documented API quotas the scan may use; above 1 only for raised quotas), got '${v}'`,
      "--api-budget"
    );
  }
  return n;
}
function parseTimeout(v) {
  if (v === void 0) return void 0;
  const ms = scanTimeoutOf(v);
  if (ms === void 0) {
    throw new InputError(
      `must be a duration from 1s to 24h such as 30m, 1h30m or 90s, got '${v}'`,
      "--timeout"
    );
  }
  return ms;
}
function parsePort(v) {
  if (v === void 0) return 0;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InputError(`must be a port number 0\u201365535, got '${v}'`, "--port");
  return n;
}
function parseEndpointUrl(v) {
  if (v === void 0) return void 0;
  try {
    const u = new URL(v);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error();
    return v;
  } catch {
    throw new InputError(
      `must be an http(s) URL such as http://127.0.0.1:4566, got '${v}'`,
      "--endpoint-url"
    );
  }
}

export {
  parseFormat,
  parseFailOn,
  parseRegions,
  parseLookbackDays,
  parseRules,
  parseApiBudget,
  parseTimeout,
  parsePort,
  parseEndpointUrl
};
