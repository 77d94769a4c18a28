import type { ConditionBlock, Effect } from "./document.js";
import type { ChosenDomain, KeyState, RequestContext } from "./context.js";
import { coversAllPublic, isNonPublicRange, parseCidr, rangeContains, type IpRange } from "./ip.js";
import {
  LITERAL_DOLLAR,
  LITERAL_QUESTION,
  LITERAL_STAR,
  arnMatches,
  splitArn,
  unprotect,
  wildcardMatch,
} from "./match.js";
import { parseConditionOperator, type BaseOperator, type ParsedOperator } from "./operators.js";

/**
 * - `unknown`: depends on keys the scan cannot know; `conditions` lists the condition texts.
 * - `partial`: holds for some callers and not others, by an attribute the caller cannot freely pick (its
 *   source address). `broad` means it holds for most of the Internet, otherwise only for the listed ranges.
 */
export type ConditionOutcome =
  | { kind: "true" }
  | { kind: "false" }
  | { kind: "unknown"; conditions: string[] }
  | { kind: "partial"; broad: boolean; restrictions: string[] };

export interface ConditionOptions {
  /**
   * Resolves caller-chosen keys in the caller's favour: an Allow condition holds if the caller can make it
   * hold; a Deny condition holds only if the caller cannot avoid it. Without an effect a choice is unknown.
   */
  effect?: Effect;
  /** Substitute `${...}` policy variables (policies with Version 2012-10-17). */
  variables?: boolean;
}

type Tri = boolean | "unknown";

const TRUE: ConditionOutcome = { kind: "true" };
const FALSE: ConditionOutcome = { kind: "false" };

export function describeCondition(operator: string, key: string, values: readonly string[]): string {
  const shown = values.length === 1 ? (values[0] ?? "") : `[${values.join(", ")}]`;
  return `${operator} ${key} = ${shown}`;
}

/** All conditions of a block must hold: keys AND, operators AND. An absent block holds. */
export function evaluateConditionBlock(
  block: ConditionBlock | undefined,
  context: RequestContext,
  options: ConditionOptions = {},
): ConditionOutcome {
  if (!block) return TRUE;
  const outcomes: ConditionOutcome[] = [];
  for (const [operator, keys] of Object.entries(block)) {
    for (const [key, values] of Object.entries(keys)) {
      const outcome = evaluateCondition(operator, key, values, context, options);
      // A failed condition settles the block; no need to look at the rest.
      if (outcome.kind === "false") return FALSE;
      outcomes.push(outcome);
    }
  }
  return andOutcomes(outcomes);
}

export function andOutcomes(outcomes: readonly ConditionOutcome[]): ConditionOutcome {
  const conditions: string[] = [];
  const restrictions: string[] = [];
  let partial = false;
  let broad = true;
  for (const o of outcomes) {
    if (o.kind === "false") return FALSE;
    if (o.kind === "unknown") conditions.push(...o.conditions);
    if (o.kind === "partial") {
      partial = true;
      broad &&= o.broad;
      restrictions.push(...o.restrictions);
    }
  }
  if (conditions.length > 0) return { kind: "unknown", conditions: unique(conditions) };
  if (partial) return { kind: "partial", broad, restrictions: unique(restrictions) };
  return TRUE;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/** One operator, one key, its values (OR, or NOR for negated operators). */
export function evaluateCondition(
  operator: string,
  key: string,
  values: readonly string[],
  context: RequestContext,
  options: ConditionOptions = {},
): ConditionOutcome {
  const op = parseConditionOperator(operator);
  const text = describeCondition(operator, key, values);
  // parsePolicy rejects unknown operators; a hand-built document may still carry one, and IAM refuses those.
  if (!op) return { kind: "unknown", conditions: [`${text} (unsupported operator)`] };
  const state = context.lookup(key);
  if (state.state === "chosen") return evaluateChosen(op, key, values, state.domain, context, options, text);
  return fromTri(evaluateOnState(op, values, state, context, options), text);
}

function fromTri(t: Tri, text: string): ConditionOutcome {
  if (t === "unknown") return { kind: "unknown", conditions: [text] };
  return t ? TRUE : FALSE;
}

function evaluateOnState(
  op: ParsedOperator,
  values: readonly string[],
  state: KeyState,
  context: RequestContext,
  options: ConditionOptions,
): Tri {
  if (op.base.family === "Null") {
    let isNull: Tri;
    if (state.state === "absent") isNull = true;
    else if (state.state === "present") isNull = state.values.length === 0;
    else if (state.state === "unknown") isNull = state.mayBeAbsent ? "unknown" : false;
    else isNull = "unknown";
    if (isNull === "unknown") return "unknown";
    return values.some((v) => (v.toLowerCase() === "true") === isNull);
  }
  if (state.state === "unknown") return "unknown";
  if (state.state === "chosen") return "unknown";
  if (state.state === "absent" || state.values.length === 0) return absentResult(op);

  const expanded = values.map((v) => expandForOperator(v, op.base, context, options));
  const known = expanded.filter((e): e is { kind: "value"; value: string } => e.kind === "value");
  const someUnknown = expanded.some((e) => e.kind === "unknown");
  const single = (c: string): Tri => {
    const matched = known.some((p) => compare(op.base, c, p.value));
    if (op.base.negated) return matched ? false : someUnknown ? "unknown" : true;
    return matched ? true : someUnknown ? "unknown" : false;
  };
  const results = state.values.map(single);
  if (op.set === "ForAllValues") return triAnd(results);
  if (op.set === "ForAnyValue") return triOr(results);
  // A multi-valued key under a single-valued operator: positive operators need one value to match, negated
  // operators need no value to match.
  return op.base.negated ? triAnd(results) : triOr(results);
}

function absentResult(op: ParsedOperator): boolean {
  if (op.set === "ForAllValues") return true;
  if (op.set === "ForAnyValue") return false;
  if (op.ifExists) return true;
  return op.base.negated;
}

function triAnd(list: Tri[]): Tri {
  if (list.includes(false)) return false;
  return list.includes("unknown") ? "unknown" : true;
}
function triOr(list: Tri[]): Tri {
  if (list.includes(true)) return true;
  return list.includes("unknown") ? "unknown" : false;
}

function compare(base: BaseOperator, ctx: string, policy: string): boolean {
  switch (base.family) {
    case "String":
      if (base.compare === "like") return wildcardMatch(policy, ctx, false);
      if (base.compare === "equalsIgnoreCase") return ctx.toLowerCase() === unprotect(policy).toLowerCase();
      return ctx === unprotect(policy);
    case "Numeric":
      return ordered(base.compare, parseNumber(ctx), parseNumber(policy));
    case "Date":
      return ordered(base.compare, parseDate(ctx), parseDate(policy));
    case "Bool":
      return ctx.toLowerCase() === policy.toLowerCase();
    case "Binary":
      return normaliseBase64(ctx) === normaliseBase64(policy);
    case "Ip": {
      const range = parseCidr(policy);
      return range !== undefined && rangeContains(range, ctx);
    }
    case "Arn":
      return arnMatches(policy, ctx);
    default:
      return false;
  }
}

function ordered(cmp: BaseOperator["compare"], a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  switch (cmp) {
    case "equals":
      return a === b;
    case "lt":
      return a < b;
    case "lte":
      return a <= b;
    case "gt":
      return a > b;
    case "gte":
      return a >= b;
    default:
      return false;
  }
}

function parseNumber(s: string): number | undefined {
  if (s.trim() === "") return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** ISO 8601 date/time, or epoch seconds (IAM accepts both in policies and contexts). */
export function parseDate(s: string): number | undefined {
  const t = s.trim();
  if (/^-?\d+$/.test(t)) return Number(t) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

function normaliseBase64(s: string): string {
  return Buffer.from(s.trim(), "base64").toString("base64");
}

type Expanded = { kind: "value"; value: string } | { kind: "absent" } | { kind: "unknown" };

/** Policy variables exist only for string and ARN operators, and only in Version 2012-10-17 documents. */
function expandForOperator(
  value: string,
  base: BaseOperator,
  context: RequestContext,
  options: ConditionOptions,
): Expanded {
  if (!options.variables || (base.family !== "String" && base.family !== "Arn")) {
    return { kind: "value", value };
  }
  return expandVariables(value, context);
}

const VARIABLE = /\$\{([^}]*)\}/g;

/**
 * Substitutes `${key}` and `${key, 'default'}` from the context. Substituted text and the escapes `${*}`,
 * `${?}`, `${$}` match literally. An absent key without default makes the value match nothing.
 */
export function expandVariables(value: string, context: RequestContext): Expanded {
  let outcome: Expanded["kind"] = "value";
  const replaced = value.replace(VARIABLE, (whole, inner: string) => {
    const body = inner.trim();
    if (body === "*") return LITERAL_STAR;
    if (body === "?") return LITERAL_QUESTION;
    if (body === "$") return LITERAL_DOLLAR;
    const m = /^([^,\s]+)\s*(?:,\s*'([^']*)')?$/.exec(body);
    if (!m || m[1] === undefined) return whole;
    const state = context.lookup(m[1]);
    const fallback = m[2];
    if (state.state === "present" && state.values.length === 1) return protect(state.values[0] ?? "");
    if (state.state === "unknown" || state.state === "chosen") {
      if (outcome !== "absent") outcome = "unknown";
      return whole;
    }
    if (fallback !== undefined) return protect(fallback);
    outcome = "absent";
    return whole;
  });
  if (outcome === "value") return { kind: "value", value: replaced };
  return { kind: outcome };
}

function protect(s: string): string {
  return s.replaceAll("*", LITERAL_STAR).replaceAll("?", LITERAL_QUESTION).replaceAll("$", LITERAL_DOLLAR);
}

// ---- caller-chosen keys -------------------------------------------------------------------------------

function evaluateChosen(
  op: ParsedOperator,
  key: string,
  values: readonly string[],
  domain: ChosenDomain,
  context: RequestContext,
  options: ConditionOptions,
  text: string,
): ConditionOutcome {
  if (domain.kind === "publicIp" && op.base.family === "Ip") return classifySourceIp(op, key, values);

  const candidates = candidateStates(op, values, domain);
  const results = candidates.map((c) => evaluateOnState(op, values, c, context, options));
  if (results.includes("unknown")) return { kind: "unknown", conditions: [text] };
  const canTrue = results.includes(true);
  const canFalse = results.includes(false);
  if (!canFalse) return TRUE;
  if (!canTrue) return FALSE;
  // Source addresses are not the caller's to pick freely: a match on some of them narrows who gets in.
  if (domain.kind === "publicIp") return { kind: "partial", broad: op.base.negated, restrictions: [text] };
  if (options.effect === "Allow") return TRUE;
  if (options.effect === "Deny") return FALSE;
  return { kind: "unknown", conditions: [text] };
}

const SENTINEL = {
  any: "lambda-guard-caller-value",
  ip: "198.51.100.77",
  account: "999999999999",
  arn: "arn:aws:iam::999999999999:root",
  id: "o-lambdaguard99",
};

function instantiate(pattern: string): string {
  return unprotect(pattern.replace(/[*?]/g, "x"));
}

function candidateStates(op: ParsedOperator, values: readonly string[], domain: ChosenDomain): KeyState[] {
  const present = (v: string): KeyState => ({ state: "present", values: [v] });
  if (domain.kind === "any") {
    return [
      { state: "absent" },
      present(SENTINEL.any),
      present("true"),
      present("false"),
      // Outside the Like operators `*` and `?` are plain characters, and a header may carry them verbatim.
      ...values.map((v) => present(unprotect(v))),
      ...values.map((v) => present(instantiate(v))),
    ];
  }
  if (domain.kind === "publicIp") {
    return [
      present(SENTINEL.ip),
      ...values.filter((v) => parseCidr(v)).map((v) => present(v.split("/")[0] ?? v)),
    ];
  }
  const out: KeyState[] = [present(SENTINEL[domain.format])];
  if (domain.mayBeAbsent) out.push({ state: "absent" });
  for (const v of values) {
    const instance = foreignInstance(v, domain.format);
    if (instance !== undefined) out.push(present(instance));
  }
  return out;
}

const ONLY_WILDCARDS = /^[*?]+$/;

/**
 * A value a stranger could actually hold that matches `pattern`, or undefined when the pattern pins an
 * account, organization or resource the stranger cannot own.
 */
function foreignInstance(pattern: string, format: "account" | "arn" | "id"): string | undefined {
  if (ONLY_WILDCARDS.test(pattern)) return format === "account" ? SENTINEL.account : instantiate(pattern);
  if (format !== "arn") return undefined;
  const parts = splitArn(pattern);
  if (!parts) return /[*?]/.test(pattern) ? instantiate(pattern) : undefined;
  const [, , , , account, resource] = parts;
  if (ONLY_WILDCARDS.test(account)) {
    parts[4] = SENTINEL.account;
    return instantiate(parts.join(":"));
  }
  // Account-less ARNs (S3 buckets) are global names: a wildcard lets a stranger create a matching one.
  if (account === "" && /[*?]/.test(resource)) return instantiate(pattern);
  return undefined;
}

function classifySourceIp(op: ParsedOperator, key: string, values: readonly string[]): ConditionOutcome {
  const ranges = values.map(parseCidr).filter((r): r is IpRange => r !== undefined);
  const reachable = ranges.filter((r) => !isNonPublicRange(r));
  type Level = "always" | "never" | "limited" | "broad";
  const level = (family: 4 | 6): Level => {
    const all = coversAllPublic(ranges, family);
    const none = !reachable.some((r) => r.family === family);
    if (op.base.negated) return all ? "never" : none ? "always" : "broad";
    return all ? "always" : none ? "never" : "limited";
  };
  const v4 = level(4);
  const v6 = level(6);
  let combined: Level;
  if (v4 === v6 && (v4 === "always" || v4 === "never")) combined = v4;
  else if ([v4, v6].some((l) => l === "always" || l === "broad")) combined = "broad";
  else if ([v4, v6].includes("limited")) combined = "limited";
  else combined = "never";
  if (combined === "always") return TRUE;
  if (combined === "never") return FALSE;
  const list = reachable.map((r) => r.text).join(", ");
  const restriction = op.base.negated ? `${key} not in ${list}` : `${key} in ${list}`;
  return { kind: "partial", broad: combined === "broad", restrictions: [restriction] };
}
