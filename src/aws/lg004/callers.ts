/**
 * Folds CloudTrail GetFunction records into callers as they stream in: one entry per principal with the
 * functions it read and when last. Raw records are not kept; only event ids (for de-duplication).
 */
import { resolveIdentity, samePrincipal, type ResolvedPrincipal } from "./principals.js";

export const GET_FUNCTION_EVENT_NAMES = ["GetFunction20150331v2", "GetFunction"] as const;

export interface FunctionRead {
  /** Unqualified function ARN. */
  arn: string;
  region: string;
  /** Epoch ms of the newest successful call. */
  lastSeen: number;
  calls: number;
}

export interface Caller {
  principal: ResolvedPrincipal;
  /** Unqualified function ARN → what was read. */
  functions: Map<string, FunctionRead>;
  events: number;
  eventNames: Set<string>;
  /** A few session names (assumed-role / federated), for the message. */
  sessions: Set<string>;
  /** Some calls came from federated-user sessions issued by this IAM user (a session policy also applies). */
  federated: boolean;
}

export interface CallerStats {
  records: number;
  duplicates: number;
  failed: number;
  service: number;
  self: number;
  unresolved: number;
  unresolvedTypes: Record<string, number>;
  noFunction: number;
}

export function emptyCallerStats(): CallerStats {
  return {
    records: 0,
    duplicates: 0,
    failed: 0,
    service: 0,
    self: 0,
    unresolved: 0,
    unresolvedTypes: {},
    noFunction: 0,
  };
}

const MAX_SESSIONS = 5;

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/**
 * The unqualified function ARN from GetFunction's `functionName` (a name, a full or partial ARN, with or without
 * a `:qualifier`), completed with the event's region and the scanned account.
 */
export function resolveFunctionArn(
  functionName: string,
  region: string,
  accountId: string,
  partition: string,
): { arn: string; region: string; name: string; qualifier: string | null } | undefined {
  let raw = functionName.trim();
  if (raw.includes("%")) {
    try {
      raw = decodeURIComponent(raw);
    } catch {
      // keep as is
    }
  }
  if (raw === "") return undefined;
  const parts = raw.split(":");
  let p = partition;
  let r = region;
  let a = accountId;
  let name: string | undefined;
  let qualifier: string | undefined;
  if (parts[0] === "arn") {
    // arn:partition:lambda:region:account:function:name[:qualifier]
    if (parts[2] !== "lambda" || parts[5] !== "function" || parts.length < 7 || parts.length > 8)
      return undefined;
    p = parts[1] || partition;
    r = parts[3] || region;
    a = parts[4] || accountId;
    name = parts[6];
    qualifier = parts[7];
  } else if (parts.length >= 3 && parts[1] === "function" && /^\d{12}$/.test(parts[0] ?? "")) {
    // account:function:name[:qualifier]
    if (parts.length > 4) return undefined;
    a = parts[0]!;
    name = parts[2];
    qualifier = parts[3];
  } else if (parts.length <= 2) {
    name = parts[0];
    qualifier = parts[1];
  } else {
    return undefined;
  }
  if (!name || !/^[A-Za-z0-9_-]{1,140}$/.test(name)) return undefined;
  return {
    arn: `arn:${p}:lambda:${r}:${a}:function:${name}`,
    region: r,
    name,
    qualifier: qualifier && qualifier !== "$LATEST" ? qualifier : null,
  };
}

export interface CallerCollectorOptions {
  accountId: string;
  partition: string;
  /** The scanner's own principal (its calls are skipped). */
  scanner?: ResolvedPrincipal;
}

export class CallerCollector {
  readonly callers = new Map<string, Caller>();
  readonly stats: CallerStats = emptyCallerStats();
  private readonly seen = new Set<string>();

  constructor(private readonly opts: CallerCollectorOptions) {}

  /**
   * One LookupEvents event: its id, name, region and the `CloudTrailEvent` JSON (or the parsed record).
   * Returns true when the event counted towards a caller.
   */
  add(
    eventId: string | undefined,
    record: Record<string, unknown>,
    fallbackRegion: string,
    /** Calls this record stands for (a CloudTrail Lake row grouped by caller and function). */
    calls = 1,
  ): boolean {
    const id = eventId ?? str(record.eventID);
    if (id) {
      if (this.seen.has(id)) {
        this.stats.duplicates++;
        return false;
      }
      this.seen.add(id);
    }
    this.stats.records++;
    const eventName = str(record.eventName) ?? "";
    if (!(GET_FUNCTION_EVENT_NAMES as readonly string[]).includes(eventName)) return false;
    if (str(record.errorCode)) {
      this.stats.failed++;
      return false;
    }
    const who = resolveIdentity(record.userIdentity);
    if (who.kind === "service") {
      this.stats.service++;
      return false;
    }
    if (who.kind === "unresolved") {
      this.stats.unresolved++;
      this.stats.unresolvedTypes[who.type] = (this.stats.unresolvedTypes[who.type] ?? 0) + 1;
      return false;
    }
    if (samePrincipal(who, this.opts.scanner)) {
      this.stats.self++;
      return false;
    }
    const region = str(record.awsRegion) ?? fallbackRegion;
    const fnName = str(obj(record.requestParameters)?.functionName);
    const fn = fnName
      ? resolveFunctionArn(fnName, region, this.opts.accountId, this.opts.partition)
      : undefined;
    if (!fn) {
      this.stats.noFunction++;
      return false;
    }
    const time = Date.parse(str(record.eventTime) ?? "");
    const key = `${who.type}\u0000${who.arn}`;
    let caller = this.callers.get(key);
    if (!caller) {
      const { via: _via, ...principal } = who;
      caller = {
        principal,
        functions: new Map(),
        events: 0,
        eventNames: new Set(),
        sessions: new Set(),
        federated: false,
      };
      this.callers.set(key, caller);
    }
    caller.events += calls;
    caller.eventNames.add(eventName);
    if (who.via && caller.sessions.size < MAX_SESSIONS)
      caller.sessions.add(`${who.via.type}/${who.via.session}`);
    if (who.via?.type === "federated-user") caller.federated = true;
    const read = caller.functions.get(fn.arn);
    const t = Number.isNaN(time) ? 0 : time;
    if (read) {
      read.calls += calls;
      if (t > read.lastSeen) read.lastSeen = t;
    } else {
      caller.functions.set(fn.arn, { arn: fn.arn, region: fn.region, lastSeen: t, calls });
    }
    return true;
  }
}
