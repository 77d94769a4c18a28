/**
 * A request context for condition evaluation. Each key is in one of four states:
 * - present with known values;
 * - absent (the request does not carry it);
 * - unknown: the scan cannot know the value (e.g. `aws:ResourceTag/*` when tags were not read);
 * - chosen: the caller decides the value within a domain (an anonymous caller's `aws:Referer`, its source IP,
 *   or the account of "some other AWS account"). Analyses that ask "can *someone* get in?" resolve these in
 *   the caller's favour.
 */
export type ChosenDomain =
  /** Any string, or nothing at all: headers the caller writes (`aws:Referer`, `aws:UserAgent`). */
  | { kind: "any" }
  /** Some public Internet address; policies can narrow it to ranges the caller cannot pick. */
  | { kind: "publicIp" }
  /**
   * An identifier belonging to a stranger: an account id, an ARN in a stranger's account, an organization id.
   * It can match a wildcard pattern but never a specific value the policy names.
   */
  | { kind: "foreign"; format: "account" | "arn" | "id"; mayBeAbsent: boolean };

export type KeyState =
  | { state: "present"; values: string[] }
  | { state: "absent" }
  | { state: "unknown"; mayBeAbsent: boolean }
  | { state: "chosen"; domain: ChosenDomain };

export interface AbsentEntry {
  absent: true;
}
export interface UnknownEntry {
  unknown: true;
  /** Whether the key may also be missing (tags may not exist); decides what Null and IfExists yield. */
  mayBeAbsent?: boolean;
}
export interface ChosenEntry {
  chosen: ChosenDomain;
}
export type KnownValue = string | number | boolean | Date;
export type ContextEntry = KnownValue | readonly KnownValue[] | AbsentEntry | UnknownEntry | ChosenEntry;

/** Keys are matched case-insensitively; a key ending in `/*` (e.g. `aws:ResourceTag/*`) covers a key family. */
export type ContextValues = Record<string, ContextEntry | undefined>;

export const absentKey = (): AbsentEntry => ({ absent: true });
export const unknownKey = (mayBeAbsent = false): UnknownEntry => ({ unknown: true, mayBeAbsent });
export const chosenKey = (domain: ChosenDomain): ChosenEntry => ({ chosen: domain });

function knownToString(v: KnownValue): string {
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

function toState(entry: ContextEntry): KeyState {
  if (Array.isArray(entry)) return { state: "present", values: entry.map(knownToString) };
  if (typeof entry === "object" && !(entry instanceof Date)) {
    if ("absent" in entry) return { state: "absent" };
    if ("unknown" in entry) return { state: "unknown", mayBeAbsent: entry.mayBeAbsent ?? false };
    if ("chosen" in entry) return { state: "chosen", domain: entry.chosen };
  }
  return { state: "present", values: [knownToString(entry as KnownValue)] };
}

export class RequestContext {
  private readonly exact = new Map<string, KeyState>();
  private readonly families: { prefix: string; state: KeyState }[] = [];

  /** `otherKeys`: the state of keys the context does not mention. */
  constructor(
    entries: ContextValues = {},
    readonly otherKeys: "absent" | "unknown" = "absent",
  ) {
    this.add(entries);
  }

  private add(entries: ContextValues): void {
    for (const [key, entry] of Object.entries(entries)) {
      if (entry === undefined) continue;
      const lower = key.toLowerCase();
      const state = toState(entry);
      if (lower.endsWith("/*")) {
        const prefix = lower.slice(0, -1);
        const existing = this.families.findIndex((f) => f.prefix === prefix);
        if (existing >= 0) this.families.splice(existing, 1);
        this.families.push({ prefix, state });
      } else {
        this.exact.set(lower, state);
      }
    }
    // Longer prefixes are more specific and win.
    this.families.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /** A new context with `entries` layered over this one. */
  with(entries: ContextValues): RequestContext {
    const next = new RequestContext({}, this.otherKeys);
    for (const [k, v] of this.exact) next.exact.set(k, v);
    next.families.push(...this.families);
    next.add(entries);
    return next;
  }

  lookup(key: string): KeyState {
    const lower = key.toLowerCase();
    const exact = this.exact.get(lower);
    if (exact) return exact;
    const family = this.families.find((f) => lower.startsWith(f.prefix));
    if (family) return family.state;
    return this.otherKeys === "absent" ? { state: "absent" } : { state: "unknown", mayBeAbsent: true };
  }
}

export function toRequestContext(
  values: ContextValues | RequestContext | undefined,
  otherKeys: "absent" | "unknown" = "absent",
): RequestContext {
  if (values instanceof RequestContext) return values;
  return new RequestContext(values ?? {}, otherKeys);
}
