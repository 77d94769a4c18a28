/**
 * CloudTrail (JSON 1.1): `LookupEvents` over the state's event records, the way the real service answers it —
 * one lookup attribute, exact matches, epoch-second timestamps, newest first, at most 50 events per page, a
 * `NextToken` bound to the request's parameters and a 90-day window.
 */
import { createHash } from "node:crypto";
import { json11Error, json11Result, parseJsonBody } from "../protocol.js";
import { LAKE_OPERATIONS, resolveLake } from "./cloudtrail-lake.js";
import type { EmulatorState } from "../state.js";
import type { EmulatorRequest, ResolvedOperation, ServiceContext, ServiceModule } from "../types.js";
import { ServiceError } from "../types.js";

const TARGET_PREFIXES = ["com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.", "CloudTrail_20131101."];
const LOOKUP_KEYS = [
  "EventId",
  "EventName",
  "ReadOnly",
  "Username",
  "ResourceType",
  "ResourceName",
  "EventSource",
  "AccessKeyId",
] as const;
type LookupKey = (typeof LOOKUP_KEYS)[number];
const DAY_MS = 86_400_000;
const RETENTION_DAYS = 90;
const PAGE_MAX = 50;

/** One record as LookupEvents returns it, prepared once per state. */
interface IndexedEvent {
  timeMs: number;
  record: Record<string, unknown>;
  eventId: string;
  eventName: string;
  username: string | undefined;
  accessKeyId: string | undefined;
  eventSource: string | undefined;
  readOnly: string | undefined;
  resources: { ResourceType?: string; ResourceName?: string }[];
  /** The CloudTrailEvent string, rendered lazily and kept. */
  json?: string;
}

interface RegionIndex {
  /** Newest first. */
  all: IndexedEvent[];
  byName: Map<string, IndexedEvent[]>;
}

interface StateIndex {
  source: unknown[];
  length: number;
  regions: Map<string, RegionIndex>;
}

const indexes = new WeakMap<EmulatorState, StateIndex>();

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** LookupEvents' `Username`: the IAM user name, the role session name, "root", or the federated name. */
function usernameOf(identity: Record<string, unknown> | undefined): string | undefined {
  if (!identity) return undefined;
  const type = str(identity.type);
  if (type === "Root") return "root";
  if (type === "IAMUser") return str(identity.userName);
  const arn = str(identity.arn);
  if (arn && (type === "AssumedRole" || type === "FederatedUser")) return arn.split("/").at(-1);
  return str(identity.userName) ?? str(identity.invokedBy);
}

/** Lambda resources a GetFunction event names (LookupEvents' `Resources`). */
function resourcesOf(record: Record<string, unknown>): { ResourceType?: string; ResourceName?: string }[] {
  const listed = record.resources;
  if (Array.isArray(listed)) {
    return listed
      .map((r) => obj(r))
      .filter((r): r is Record<string, unknown> => !!r)
      .map((r) => ({
        ...(str(r.type) ? { ResourceType: str(r.type) } : {}),
        ...(str(r.ARN) ? { ResourceName: str(r.ARN) } : {}),
      }));
  }
  const fn = str(obj(record.requestParameters)?.functionName);
  if (fn && str(record.eventSource) === "lambda.amazonaws.com") {
    return [{ ResourceType: "AWS::Lambda::Function", ResourceName: fn }];
  }
  return [];
}

function buildIndex(state: EmulatorState): StateIndex {
  const regions = new Map<string, RegionIndex>();
  for (const raw of state.cloudtrail) {
    const record = raw;
    const region = str(record.awsRegion);
    const timeMs = Date.parse(str(record.eventTime) ?? "");
    if (!region || Number.isNaN(timeMs)) continue;
    const identity = obj(record.userIdentity);
    const ro = record.readOnly;
    const ev: IndexedEvent = {
      timeMs,
      record,
      eventId: str(record.eventID) ?? str(record.eventId) ?? "",
      eventName: str(record.eventName) ?? "",
      username: usernameOf(identity),
      accessKeyId: str(identity?.accessKeyId),
      eventSource: str(record.eventSource),
      readOnly: typeof ro === "boolean" ? String(ro) : str(ro),
      resources: resourcesOf(record),
    };
    let idx = regions.get(region);
    if (!idx) {
      idx = { all: [], byName: new Map() };
      regions.set(region, idx);
    }
    idx.all.push(ev);
  }
  for (const idx of regions.values()) {
    idx.all.sort(
      (a, b) => b.timeMs - a.timeMs || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0),
    );
    for (const ev of idx.all) {
      let list = idx.byName.get(ev.eventName);
      if (!list) idx.byName.set(ev.eventName, (list = []));
      list.push(ev);
    }
  }
  return { source: state.cloudtrail, length: state.cloudtrail.length, regions };
}

function indexFor(state: EmulatorState): StateIndex {
  const cur = indexes.get(state);
  if (cur && cur.source === state.cloudtrail && cur.length === state.cloudtrail.length) return cur;
  const next = buildIndex(state);
  indexes.set(state, next);
  return next;
}

/** First index in a newest-first list whose time is <= `ms`. */
function firstAtOrBefore(list: IndexedEvent[], ms: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.timeMs > ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** JSON 1.1 timestamps are epoch seconds (fractions allowed); some clients send ISO strings. */
function timestamp(v: unknown, field: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "number" && Number.isFinite(v)) return v * 1000;
  if (typeof v === "string") {
    const n = Number(v);
    if (v.trim() !== "" && Number.isFinite(n)) return n * 1000;
    const d = Date.parse(v);
    if (!Number.isNaN(d)) return d;
  }
  throw new ServiceError("SerializationException", `${field} must be a timestamp (epoch seconds).`, 400);
}

function matches(ev: IndexedEvent, key: LookupKey, value: string): boolean {
  switch (key) {
    case "EventId":
      return ev.eventId === value;
    case "EventName":
      return ev.eventName === value;
    case "ReadOnly":
      return ev.readOnly === value;
    case "Username":
      return ev.username === value;
    case "AccessKeyId":
      return ev.accessKeyId === value;
    case "EventSource":
      return ev.eventSource === value;
    case "ResourceType":
      return ev.resources.some((r) => r.ResourceType === value);
    case "ResourceName":
      return ev.resources.some((r) => r.ResourceName === value);
  }
}

function render(ev: IndexedEvent): Record<string, unknown> {
  ev.json ??= JSON.stringify(ev.record);
  return {
    EventId: ev.eventId,
    EventName: ev.eventName,
    ...(ev.readOnly !== undefined ? { ReadOnly: ev.readOnly } : {}),
    ...(ev.accessKeyId !== undefined ? { AccessKeyId: ev.accessKeyId } : {}),
    EventTime: ev.timeMs / 1000,
    ...(ev.eventSource !== undefined ? { EventSource: ev.eventSource } : {}),
    ...(ev.username !== undefined ? { Username: ev.username } : {}),
    Resources: ev.resources,
    CloudTrailEvent: ev.json,
  };
}

const invalidToken = () =>
  new ServiceError(
    "InvalidNextTokenException",
    "A token that is not valid, or a token that was previously used in a request with different parameters, was specified.",
    400,
  );

function lookupEvents(req: EmulatorRequest, ctx: ServiceContext) {
  const body = parseJsonBody(req);
  const attrs = body.LookupAttributes;
  if (attrs !== undefined && !Array.isArray(attrs)) {
    throw new ServiceError("InvalidLookupAttributesException", "LookupAttributes must be a list.", 400);
  }
  if (attrs && attrs.length > 1) {
    throw new ServiceError(
      "InvalidLookupAttributesException",
      "You cannot specify more than one lookup attribute per request.",
      400,
    );
  }
  let filter: { key: LookupKey; value: string } | undefined;
  const first = obj(attrs?.[0]);
  if (attrs && attrs.length === 1) {
    const key = str(first?.AttributeKey);
    const value = str(first?.AttributeValue);
    if (!key || !(LOOKUP_KEYS as readonly string[]).includes(key)) {
      throw new ServiceError(
        "InvalidLookupAttributesException",
        `Invalid AttributeKey: ${key ?? "(missing)"}. Valid keys: ${LOOKUP_KEYS.join(", ")}.`,
        400,
      );
    }
    if (!value || value.length > 2000) {
      throw new ServiceError(
        "InvalidLookupAttributesException",
        "AttributeValue must be 1 to 2000 characters.",
        400,
      );
    }
    filter = { key: key as LookupKey, value };
  }
  if (body.EventCategory !== undefined && body.EventCategory !== "insight") {
    throw new ServiceError("InvalidEventCategoryException", "EventCategory must be insight.", 400);
  }
  if (body.EventCategory === "insight") {
    return json11Result({ Events: [] });
  }

  const max = body.MaxResults === undefined ? PAGE_MAX : body.MaxResults;
  if (typeof max !== "number" || !Number.isInteger(max) || max < 1 || max > PAGE_MAX) {
    throw new ServiceError("InvalidMaxResultsException", "MaxResults must be an integer from 1 to 50.", 400);
  }

  const nowMs = ctx.now().getTime();
  const start = timestamp(body.StartTime, "StartTime");
  const end = timestamp(body.EndTime, "EndTime");
  if (start !== undefined && end !== undefined && end < start) {
    throw new ServiceError("InvalidTimeRangeException", "Start time must be earlier than end time.", 400);
  }
  // CloudTrail keeps 90 days of events for lookup: older starts are clamped, not refused.
  const floor = nowMs - RETENTION_DAYS * DAY_MS;
  const from = Math.max(start ?? floor, floor);
  const to = Math.min(end ?? nowMs, nowMs);

  // The token names the parameters it was issued for; a token with other parameters is refused.
  const bind = createHash("sha256")
    .update(JSON.stringify([req.region, filter?.key, filter?.value, body.StartTime, body.EndTime, max]))
    .digest("base64url")
    .slice(0, 16);
  let offset = 0;
  const token = body.NextToken;
  if (token !== undefined && token !== null && token !== "") {
    if (typeof token !== "string") throw invalidToken();
    let parsed: { b?: unknown; o?: unknown } | null;
    try {
      parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as {
        b?: unknown;
        o?: unknown;
      } | null;
    } catch {
      throw invalidToken();
    }
    if (
      !parsed ||
      parsed.b !== bind ||
      typeof parsed.o !== "number" ||
      !Number.isInteger(parsed.o) ||
      parsed.o < 0
    ) {
      throw invalidToken();
    }
    offset = parsed.o;
  }

  const idx = indexFor(ctx.state).regions.get(req.region);
  const source = !idx ? [] : filter?.key === "EventName" ? (idx.byName.get(filter.value) ?? []) : idx.all;
  const events: Record<string, unknown>[] = [];
  const residual = filter && filter.key !== "EventName" ? filter : undefined;
  // Without a residual filter every event in the window counts, so the offset is a direct jump.
  let i = firstAtOrBefore(source, to) + (residual ? 0 : offset);
  let skipped = residual ? 0 : offset;
  let next: string | undefined;
  for (; i < source.length; i++) {
    const ev = source[i]!;
    if (ev.timeMs < from) break;
    if (residual && !matches(ev, residual.key, residual.value)) continue;
    if (skipped < offset) {
      skipped++;
      continue;
    }
    if (events.length === max) {
      next = Buffer.from(JSON.stringify({ b: bind, o: offset + max })).toString("base64url");
      break;
    }
    events.push(render(ev));
  }
  return json11Result(next ? { Events: events, NextToken: next } : { Events: events });
}

export const cloudtrailService: ServiceModule = {
  services: ["cloudtrail"],
  protocol: "json-1.1",
  resolve(req: EmulatorRequest): ResolvedOperation {
    const raw = req.headers["x-amz-target"];
    const target = Array.isArray(raw) ? raw[0] : raw;
    const prefix = target ? TARGET_PREFIXES.find((p) => target.startsWith(p)) : undefined;
    const op = prefix && target ? target.slice(prefix.length) : undefined;
    if (req.method !== "POST" || !op) {
      throw new ServiceError("UnknownOperationException", "The operation is not supported.", 400);
    }
    if (LAKE_OPERATIONS.has(op)) return resolveLake(op, req);
    if (op === "LookupEvents") {
      return {
        name: "LookupEvents",
        bucket: "cloudtrail:LookupEvents",
        handle: (ctx) => lookupEvents(req, ctx),
      };
    }
    throw new ServiceError(
      "UnknownOperationException",
      `The emulator does not implement CloudTrail ${op}.`,
      400,
    );
  },
  renderError: (err) => json11Error(err),
};
