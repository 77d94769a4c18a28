/**
 * What a valid scan setting is, for every front end that takes one (CLI flags, Action inputs). Each returns the
 * value or undefined; the front end words the error in its own terms (`--api-budget` or `input 'api-budget'`).
 */
import { parseDuration } from "./duration.js";

/** AWS region names: `us-east-1`, `us-gov-west-1`, `ap-southeast-2`. */
export function isRegionName(text: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d+$/.test(text);
}

/** The highest --api-budget: a quota raised 1,000 times is already far beyond any AWS grants. */
export const API_BUDGET_MAX = 1000;

/** A decimal fraction in (0, API_BUDGET_MAX]: not `Number()`, which would also take "0x10", "1e3", " 2 " or "". */
export function apiBudgetOf(text: string): number | undefined {
  const n = /^\d+(\.\d+)?$|^\.\d+$/.test(text) ? Number(text) : NaN;
  return Number.isFinite(n) && n > 0 && n <= API_BUDGET_MAX ? n : undefined;
}

/** How far back LG004 may read: LookupEvents serves CloudTrail's 90-day event history, Lake up to ten years. */
export const LOOKBACK_MAX_DAYS = { lookupEvents: 90, cloudtrailLake: 3653 } as const;

export function lookbackDaysOf(text: string, max: number): number | undefined {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
}

/** A scan-wide timeout: from 1 s to 24 h, written with units (`30m`, `1h30m`, `90s`). Milliseconds. */
export function scanTimeoutOf(text: string): number | undefined {
  const ms = parseDuration(text);
  return ms !== undefined && ms >= 1000 && ms <= 86_400_000 ? ms : undefined;
}

/** A 12-digit AWS account id. */
export function isAccountId(text: string): boolean {
  return /^\d{12}$/.test(text);
}

/** An IAM role's name (not its ARN): 1–64 of letters, digits and +=,.@_- (IAM's own pattern). */
export function isRoleName(text: string): boolean {
  return /^[\w+=,.@-]{1,64}$/.test(text);
}

/** sts:AssumeRole's ExternalId: 2–1224 of letters, digits and +=,.@:/- (STS's own pattern). */
export function isExternalId(text: string): boolean {
  return /^[\w+=,.@:/-]{2,1224}$/.test(text);
}

/** A CloudTrail Lake event data store, by id or ARN. */
export function isEventDataStore(text: string): boolean {
  return (
    /^[A-Za-z0-9-]{3,128}$/.test(text) ||
    /^arn:[\w-]+:cloudtrail:[a-z0-9-]+:\d{12}:eventdatastore\/[A-Za-z0-9-]{3,128}$/.test(text)
  );
}
