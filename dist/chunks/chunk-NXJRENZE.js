import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);

// src/model/duration.ts
function parseDuration(text) {
  const t = text.trim().toLowerCase();
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(t);
  if (!m || t === "" || !m[1] && !m[2] && !m[3]) return void 0;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1e3;
}

// src/model/scan-settings.ts
function isRegionName(text) {
  return /^[a-z]{2}(-[a-z]+)+-\d+$/.test(text);
}
var API_BUDGET_MAX = 1e3;
function apiBudgetOf(text) {
  const n = /^\d+(\.\d+)?$|^\.\d+$/.test(text) ? Number(text) : NaN;
  return Number.isFinite(n) && n > 0 && n <= API_BUDGET_MAX ? n : void 0;
}
var LOOKBACK_MAX_DAYS = { lookupEvents: 90, cloudtrailLake: 3653 };
function lookbackDaysOf(text, max) {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= max ? n : void 0;
}
function scanTimeoutOf(text) {
  const ms = parseDuration(text);
  return ms !== void 0 && ms >= 1e3 && ms <= 864e5 ? ms : void 0;
}
function isAccountId(text) {
  return /^\d{12}$/.test(text);
}
function isRoleName(text) {
  return /^[\w+=,.@-]{1,64}$/.test(text);
}
function isExternalId(text) {
  return /^[\w+=,.@:/-]{2,1224}$/.test(text);
}
function isEventDataStore(text) {
  return /^[A-Za-z0-9-]{3,128}$/.test(text) || /^arn:[\w-]+:cloudtrail:[a-z0-9-]+:\d{12}:eventdatastore\/[A-Za-z0-9-]{3,128}$/.test(text);
}

export {
  isRegionName,
  apiBudgetOf,
  LOOKBACK_MAX_DAYS,
  lookbackDaysOf,
  scanTimeoutOf,
  isAccountId,
  isRoleName,
  isExternalId,
  isEventDataStore
};
