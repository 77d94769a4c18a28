import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-JAJAJYEP.js";

// src/policy/operators.ts
var BASES = [
  { name: "StringEquals", family: "String", negated: false, compare: "equals" },
  { name: "StringNotEquals", family: "String", negated: true, compare: "equals" },
  { name: "StringEqualsIgnoreCase", family: "String", negated: false, compare: "equalsIgnoreCase" },
  { name: "StringNotEqualsIgnoreCase", family: "String", negated: true, compare: "equalsIgnoreCase" },
  { name: "StringLike", family: "String", negated: false, compare: "like" },
  { name: "StringNotLike", family: "String", negated: true, compare: "like" },
  { name: "NumericEquals", family: "Numeric", negated: false, compare: "equals" },
  { name: "NumericNotEquals", family: "Numeric", negated: true, compare: "equals" },
  { name: "NumericLessThan", family: "Numeric", negated: false, compare: "lt" },
  { name: "NumericLessThanEquals", family: "Numeric", negated: false, compare: "lte" },
  { name: "NumericGreaterThan", family: "Numeric", negated: false, compare: "gt" },
  { name: "NumericGreaterThanEquals", family: "Numeric", negated: false, compare: "gte" },
  { name: "DateEquals", family: "Date", negated: false, compare: "equals" },
  { name: "DateNotEquals", family: "Date", negated: true, compare: "equals" },
  { name: "DateLessThan", family: "Date", negated: false, compare: "lt" },
  { name: "DateLessThanEquals", family: "Date", negated: false, compare: "lte" },
  { name: "DateGreaterThan", family: "Date", negated: false, compare: "gt" },
  { name: "DateGreaterThanEquals", family: "Date", negated: false, compare: "gte" },
  { name: "Bool", family: "Bool", negated: false, compare: "bool" },
  { name: "BinaryEquals", family: "Binary", negated: false, compare: "binary" },
  { name: "IpAddress", family: "Ip", negated: false, compare: "ip" },
  { name: "NotIpAddress", family: "Ip", negated: true, compare: "ip" },
  { name: "ArnEquals", family: "Arn", negated: false, compare: "arn" },
  { name: "ArnLike", family: "Arn", negated: false, compare: "arn" },
  { name: "ArnNotEquals", family: "Arn", negated: true, compare: "arn" },
  { name: "ArnNotLike", family: "Arn", negated: true, compare: "arn" },
  { name: "Null", family: "Null", negated: false, compare: "null" }
];
var BY_NAME = new Map(BASES.map((b) => [b.name.toLowerCase(), b]));
function parseConditionOperator(written) {
  let rest = written;
  let set;
  const colon = rest.indexOf(":");
  if (colon >= 0) {
    const qualifier = rest.slice(0, colon).toLowerCase();
    if (qualifier === "foranyvalue") set = "ForAnyValue";
    else if (qualifier === "forallvalues") set = "ForAllValues";
    else return void 0;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith("ifexists")) {
    ifExists = true;
    rest = rest.slice(0, -"IfExists".length);
  }
  const base = BY_NAME.get(rest.toLowerCase());
  if (base === void 0) return void 0;
  if (base.family === "Null" && (ifExists || set !== void 0)) return void 0;
  const parsed = { written, base, ifExists };
  if (set !== void 0) parsed.set = set;
  return parsed;
}

// src/policy/document.ts
var PolicyParseError = class extends InputError {
  constructor(message, where) {
    super(message, where);
  }
};
var STATEMENT_FIELDS = /* @__PURE__ */ new Set([
  "Sid",
  "Effect",
  "Principal",
  "NotPrincipal",
  "Action",
  "NotAction",
  "Resource",
  "NotResource",
  "Condition"
]);
var DOCUMENT_FIELDS = /* @__PURE__ */ new Set(["Version", "Id", "Statement"]);
function statementLabel(stmt, index) {
  return stmt.Sid !== void 0 && stmt.Sid !== "" ? stmt.Sid : `#${index}`;
}
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function describeType(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}
function parsePolicy(input, where) {
  let raw = input;
  if (typeof input === "string") {
    try {
      raw = JSON.parse(input);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw new PolicyParseError(`policy is not valid JSON (${detail})`, where);
    }
  }
  if (!isRecord(raw)) {
    throw new PolicyParseError(`policy must be a JSON object, got ${describeType(raw)}`, where);
  }
  for (const key of Object.keys(raw)) {
    if (!DOCUMENT_FIELDS.has(key)) {
      throw new PolicyParseError(
        `unknown top-level field "${key}"; a policy has only Version, Id and Statement`,
        where
      );
    }
  }
  const doc = { Statement: [] };
  if (raw.Version !== void 0) {
    if (typeof raw.Version !== "string") {
      throw new PolicyParseError(`Version must be a string such as "2012-10-17"`, where);
    }
    doc.Version = raw.Version;
  }
  if (raw.Id !== void 0) {
    if (typeof raw.Id !== "string") throw new PolicyParseError(`Id must be a string`, where);
    doc.Id = raw.Id;
  }
  if (raw.Statement === void 0) {
    throw new PolicyParseError(`policy has no Statement`, where);
  }
  const statements = Array.isArray(raw.Statement) ? raw.Statement : [raw.Statement];
  doc.Statement = statements.map((s, i) => parseStatement(s, i, where));
  return doc;
}
function parseStatement(raw, index, where) {
  const sid = isRecord(raw) && typeof raw.Sid === "string" && raw.Sid !== "" ? raw.Sid : void 0;
  const at = `Statement[${index}]${sid !== void 0 ? ` (Sid "${sid}")` : ""}`;
  const fail = (message) => {
    throw new PolicyParseError(`${at}: ${message}`, where);
  };
  if (!isRecord(raw)) return fail(`must be an object, got ${describeType(raw)}`);
  for (const key of Object.keys(raw)) {
    if (!STATEMENT_FIELDS.has(key)) fail(`unknown field "${key}"`);
  }
  if (raw.Sid !== void 0 && typeof raw.Sid !== "string") fail(`Sid must be a string`);
  if (raw.Effect === void 0) fail(`Effect is missing; use "Allow" or "Deny"`);
  if (raw.Effect !== "Allow" && raw.Effect !== "Deny") {
    fail(`Effect must be "Allow" or "Deny", got ${JSON.stringify(raw.Effect)}`);
  }
  const stmt = { Effect: raw.Effect };
  if (sid !== void 0) stmt.Sid = sid;
  const pair = (a, b, required) => {
    if (raw[a] !== void 0 && raw[b] !== void 0) fail(`has both ${a} and ${b}; use one of them`);
    if (required && raw[a] === void 0 && raw[b] === void 0) fail(`needs ${a} or ${b}`);
  };
  pair("Action", "NotAction", true);
  pair("Resource", "NotResource", false);
  pair("Principal", "NotPrincipal", false);
  for (const field of ["Action", "NotAction", "Resource", "NotResource"]) {
    if (raw[field] !== void 0) stmt[field] = stringList(raw[field], `${field}`, fail);
  }
  for (const field of ["Principal", "NotPrincipal"]) {
    if (raw[field] !== void 0) stmt[field] = parsePrincipal(raw[field], field, fail);
  }
  if (raw.Condition !== void 0) stmt.Condition = parseCondition(raw.Condition, fail);
  return stmt;
}
function stringList(v, field, fail) {
  const items = Array.isArray(v) ? v : [v];
  if (Array.isArray(v) && v.length === 0) fail(`${field} is an empty list`);
  return items.map((item, i) => {
    if (typeof item !== "string" || item === "") {
      const at = Array.isArray(v) ? `${field}[${i}]` : field;
      return fail(`${at} must be a non-empty string, got ${describeType(item)}`);
    }
    return item;
  });
}
function parsePrincipal(v, field, fail) {
  if (v === "*") return "*";
  if (typeof v === "string") {
    fail(
      `${field} as a string must be "*"; wrap identifiers in an object such as {"AWS": ${JSON.stringify(v)}}`
    );
  }
  if (!isRecord(v)) return fail(`${field} must be "*" or an object, got ${describeType(v)}`);
  const out = {};
  for (const [type, ids] of Object.entries(v)) {
    out[type] = stringList(ids, `${field}.${type}`, fail);
  }
  if (Object.keys(out).length === 0) fail(`${field} is an empty object`);
  return out;
}
function parseCondition(v, fail) {
  if (!isRecord(v)) return fail(`Condition must be an object, got ${describeType(v)}`);
  const block = {};
  for (const [operator, keys] of Object.entries(v)) {
    if (parseConditionOperator(operator) === void 0) {
      fail(`Condition operator "${operator}" is not an IAM condition operator`);
    }
    if (!isRecord(keys)) {
      fail(`Condition.${operator} must map condition keys to values, got ${describeType(keys)}`);
    }
    const entries = {};
    for (const [key, values] of Object.entries(keys)) {
      const list = Array.isArray(values) ? values : [values];
      entries[key] = list.map((value, i) => {
        if (typeof value === "string") return value;
        if (typeof value === "number" || typeof value === "boolean") return String(value);
        const at = Array.isArray(values) ? `Condition.${operator}.${key}[${i}]` : `Condition.${operator}.${key}`;
        return fail(`${at} must be a string, number or boolean, got ${describeType(value)}`);
      });
    }
    block[operator] = entries;
  }
  return block;
}

// src/policy/match.ts
var LITERAL_STAR = "\uE000";
var LITERAL_QUESTION = "\uE001";
var LITERAL_DOLLAR = "\uE002";
var regexCache = /* @__PURE__ */ new Map();
function wildcardRegExp(pattern, ignoreCase) {
  const cacheKey = `${ignoreCase ? "i" : "s"}${pattern}`;
  const cached = regexCache.get(cacheKey);
  if (cached) return cached;
  let source = "^";
  for (const ch of pattern) {
    if (ch === "*") source += "[\\s\\S]*";
    else if (ch === "?") source += "[\\s\\S]";
    else source += escapeRegExp(unprotect(ch));
  }
  source += "$";
  const re = new RegExp(source, ignoreCase ? "iu" : "u");
  if (regexCache.size > 5e3) regexCache.clear();
  regexCache.set(cacheKey, re);
  return re;
}
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function unprotect(s) {
  return s.replaceAll(LITERAL_STAR, "*").replaceAll(LITERAL_QUESTION, "?").replaceAll(LITERAL_DOLLAR, "$");
}
function wildcardMatch(pattern, value, ignoreCase = false) {
  if (pattern === "*") return true;
  return wildcardRegExp(pattern, ignoreCase).test(value);
}
function actionMatches(pattern, action) {
  return wildcardMatch(pattern, action, true);
}
function statementCoversAction(stmt, action) {
  if (stmt.Action) return stmt.Action.some((p) => actionMatches(p, action));
  if (stmt.NotAction) return !stmt.NotAction.some((p) => actionMatches(p, action));
  return false;
}
function splitArn(arn) {
  const parts = [];
  let rest = arn;
  for (let i = 0; i < 5; i++) {
    const at = rest.indexOf(":");
    if (at < 0) return void 0;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  if (parts[0] !== "arn") return void 0;
  return [parts[0], parts[1] ?? "", parts[2] ?? "", parts[3] ?? "", parts[4] ?? "", rest];
}
function arnMatches(pattern, arn) {
  if (pattern === "*") return true;
  const p = splitArn(pattern);
  const a = splitArn(arn);
  if (!p || !a) return false;
  return p.every((part, i) => wildcardMatch(part, a[i] ?? "", false));
}
function resourceMatches(pattern, resource) {
  if (pattern === "*") return true;
  if (splitArn(pattern) && splitArn(resource)) return arnMatches(pattern, resource);
  return wildcardMatch(pattern, resource, false);
}

// src/policy/context.ts
var absentKey = () => ({ absent: true });
var unknownKey = (mayBeAbsent = false) => ({ unknown: true, mayBeAbsent });
var chosenKey = (domain) => ({ chosen: domain });
function knownToString(v) {
  if (v instanceof Date) return v.toISOString();
  return String(v);
}
function toState(entry) {
  if (Array.isArray(entry)) return { state: "present", values: entry.map(knownToString) };
  if (typeof entry === "object" && !(entry instanceof Date)) {
    if ("absent" in entry) return { state: "absent" };
    if ("unknown" in entry) return { state: "unknown", mayBeAbsent: entry.mayBeAbsent ?? false };
    if ("chosen" in entry) return { state: "chosen", domain: entry.chosen };
  }
  return { state: "present", values: [knownToString(entry)] };
}
var RequestContext = class _RequestContext {
  /** `otherKeys`: the state of keys the context does not mention. */
  constructor(entries = {}, otherKeys = "absent") {
    this.otherKeys = otherKeys;
    this.add(entries);
  }
  otherKeys;
  exact = /* @__PURE__ */ new Map();
  families = [];
  add(entries) {
    for (const [key, entry] of Object.entries(entries)) {
      if (entry === void 0) continue;
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
    this.families.sort((a, b) => b.prefix.length - a.prefix.length);
  }
  /** A new context with `entries` layered over this one. */
  with(entries) {
    const next = new _RequestContext({}, this.otherKeys);
    for (const [k, v] of this.exact) next.exact.set(k, v);
    next.families.push(...this.families);
    next.add(entries);
    return next;
  }
  lookup(key) {
    const lower = key.toLowerCase();
    const exact = this.exact.get(lower);
    if (exact) return exact;
    const family = this.families.find((f) => lower.startsWith(f.prefix));
    if (family) return family.state;
    return this.otherKeys === "absent" ? { state: "absent" } : { state: "unknown", mayBeAbsent: true };
  }
};
function toRequestContext(values, otherKeys = "absent") {
  if (values instanceof RequestContext) return values;
  return new RequestContext(values ?? {}, otherKeys);
}

// src/policy/ip.ts
var V4_BITS = 32;
var V6_BITS = 128;
function parseV4(s) {
  const parts = s.split(".");
  if (parts.length !== 4) return void 0;
  let out = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return void 0;
    const n = Number(p);
    if (n > 255) return void 0;
    out = out << 8n | BigInt(n);
  }
  return out;
}
function parseV6(s) {
  let text = s;
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  const lastColon = text.lastIndexOf(":");
  if (lastColon >= 0 && text.slice(lastColon + 1).includes(".")) {
    const v4 = parseV4(text.slice(lastColon + 1));
    if (v4 === void 0) return void 0;
    text = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return void 0;
  const groups = (h) => h === void 0 || h === "" ? [] : h.split(":");
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return void 0;
  const all = [...head, ...Array(halves.length === 1 ? 0 : missing).fill("0"), ...tail];
  let out = 0n;
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return void 0;
    out = out << 16n | BigInt(parseInt(g, 16));
  }
  return out;
}
function parseIp(s) {
  const t = s.trim();
  const v4 = parseV4(t);
  if (v4 !== void 0) return { family: 4, value: v4 };
  if (t.includes(":")) {
    const v6 = parseV6(t);
    if (v6 !== void 0) return { family: 6, value: v6 };
  }
  return void 0;
}
function parseCidr(s) {
  const t = s.trim();
  const slash = t.indexOf("/");
  const ip = parseIp(slash >= 0 ? t.slice(0, slash) : t);
  if (!ip) return void 0;
  const bits = ip.family === 4 ? V4_BITS : V6_BITS;
  let prefix = bits;
  if (slash >= 0) {
    const p = t.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p)) return void 0;
    prefix = Number(p);
    if (prefix > bits) return void 0;
  }
  const hostBits = BigInt(bits - prefix);
  const first = ip.value >> hostBits << hostBits;
  const last = first + (1n << hostBits) - 1n;
  return { family: ip.family, first, last, text: t };
}
function rangeContains(range, ip) {
  const parsed = parseIp(ip);
  if (!parsed || parsed.family !== range.family) return false;
  return parsed.value >= range.first && parsed.value <= range.last;
}
var NON_PUBLIC = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "224.0.0.0/4",
  "240.0.0.0/4",
  "::/127",
  "::ffff:0:0/96",
  "fc00::/7",
  "fe80::/10",
  "ff00::/8"
].map((c) => parseCidr(c));
function isNonPublicRange(range) {
  return NON_PUBLIC.some((b) => b.family === range.family && b.first <= range.first && range.last <= b.last);
}
function coversAllPublic(ranges, family) {
  const max = (1n << BigInt(family === 4 ? V4_BITS : V6_BITS)) - 1n;
  const intervals = [...ranges, ...NON_PUBLIC].filter((r) => r.family === family).map((r) => [r.first, r.last]).sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  let next = 0n;
  for (const [first, last] of intervals) {
    if (first > next) return false;
    if (last + 1n > next) next = last + 1n;
    if (next > max) return true;
  }
  return next > max;
}

// src/policy/conditions.ts
var TRUE = { kind: "true" };
var FALSE = { kind: "false" };
function describeCondition(operator, key, values) {
  const shown = values.length === 1 ? values[0] ?? "" : `[${values.join(", ")}]`;
  return `${operator} ${key} = ${shown}`;
}
function evaluateConditionBlock(block, context, options = {}) {
  if (!block) return TRUE;
  const outcomes = [];
  for (const [operator, keys] of Object.entries(block)) {
    for (const [key, values] of Object.entries(keys)) {
      const outcome = evaluateCondition(operator, key, values, context, options);
      if (outcome.kind === "false") return FALSE;
      outcomes.push(outcome);
    }
  }
  return andOutcomes(outcomes);
}
function andOutcomes(outcomes) {
  const conditions = [];
  const restrictions = [];
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
function unique(list) {
  return [...new Set(list)];
}
function evaluateCondition(operator, key, values, context, options = {}) {
  const op = parseConditionOperator(operator);
  const text = describeCondition(operator, key, values);
  if (!op) return { kind: "unknown", conditions: [`${text} (unsupported operator)`] };
  const state = context.lookup(key);
  if (state.state === "chosen") return evaluateChosen(op, key, values, state.domain, context, options, text);
  return fromTri(evaluateOnState(op, values, state, context, options), text);
}
function fromTri(t, text) {
  if (t === "unknown") return { kind: "unknown", conditions: [text] };
  return t ? TRUE : FALSE;
}
function evaluateOnState(op, values, state, context, options) {
  if (op.base.family === "Null") {
    let isNull;
    if (state.state === "absent") isNull = true;
    else if (state.state === "present") isNull = state.values.length === 0;
    else if (state.state === "unknown") isNull = state.mayBeAbsent ? "unknown" : false;
    else isNull = "unknown";
    if (isNull === "unknown") return "unknown";
    return values.some((v) => v.toLowerCase() === "true" === isNull);
  }
  if (state.state === "unknown") return "unknown";
  if (state.state === "chosen") return "unknown";
  if (state.state === "absent" || state.values.length === 0) return absentResult(op);
  const expanded = values.map((v) => expandForOperator(v, op.base, context, options));
  const known = expanded.filter((e) => e.kind === "value");
  const someUnknown = expanded.some((e) => e.kind === "unknown");
  const single = (c) => {
    const matched = known.some((p) => compare(op.base, c, p.value));
    if (op.base.negated) return matched ? false : someUnknown ? "unknown" : true;
    return matched ? true : someUnknown ? "unknown" : false;
  };
  const results = state.values.map(single);
  if (op.set === "ForAllValues") return triAnd(results);
  if (op.set === "ForAnyValue") return triOr(results);
  return op.base.negated ? triAnd(results) : triOr(results);
}
function absentResult(op) {
  if (op.set === "ForAllValues") return true;
  if (op.set === "ForAnyValue") return false;
  if (op.ifExists) return true;
  return op.base.negated;
}
function triAnd(list) {
  if (list.includes(false)) return false;
  return list.includes("unknown") ? "unknown" : true;
}
function triOr(list) {
  if (list.includes(true)) return true;
  return list.includes("unknown") ? "unknown" : false;
}
function compare(base, ctx, policy) {
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
      return range !== void 0 && rangeContains(range, ctx);
    }
    case "Arn":
      return arnMatches(policy, ctx);
    default:
      return false;
  }
}
function ordered(cmp, a, b) {
  if (a === void 0 || b === void 0) return false;
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
function parseNumber(s) {
  if (s.trim() === "") return void 0;
  const n = Number(s);
  return Number.isFinite(n) ? n : void 0;
}
function parseDate(s) {
  const t = s.trim();
  if (/^-?\d+$/.test(t)) return Number(t) * 1e3;
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return void 0;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? void 0 : ms;
}
function normaliseBase64(s) {
  return Buffer.from(s.trim(), "base64").toString("base64");
}
function expandForOperator(value, base, context, options) {
  if (!options.variables || base.family !== "String" && base.family !== "Arn") {
    return { kind: "value", value };
  }
  return expandVariables(value, context);
}
var VARIABLE = /\$\{([^}]*)\}/g;
function expandVariables(value, context) {
  let outcome = "value";
  const replaced = value.replace(VARIABLE, (whole, inner) => {
    const body = inner.trim();
    if (body === "*") return LITERAL_STAR;
    if (body === "?") return LITERAL_QUESTION;
    if (body === "$") return LITERAL_DOLLAR;
    const m = /^([^,\s]+)\s*(?:,\s*'([^']*)')?$/.exec(body);
    if (!m || m[1] === void 0) return whole;
    const state = context.lookup(m[1]);
    const fallback = m[2];
    if (state.state === "present" && state.values.length === 1) return protect(state.values[0] ?? "");
    if (state.state === "unknown" || state.state === "chosen") {
      if (outcome !== "absent") outcome = "unknown";
      return whole;
    }
    if (fallback !== void 0) return protect(fallback);
    outcome = "absent";
    return whole;
  });
  if (outcome === "value") return { kind: "value", value: replaced };
  return { kind: outcome };
}
function protect(s) {
  return s.replaceAll("*", LITERAL_STAR).replaceAll("?", LITERAL_QUESTION).replaceAll("$", LITERAL_DOLLAR);
}
function evaluateChosen(op, key, values, domain, context, options, text) {
  if (domain.kind === "publicIp" && op.base.family === "Ip") return classifySourceIp(op, key, values);
  const candidates = candidateStates(op, values, domain);
  const results = candidates.map((c) => evaluateOnState(op, values, c, context, options));
  if (results.includes("unknown")) return { kind: "unknown", conditions: [text] };
  const canTrue = results.includes(true);
  const canFalse = results.includes(false);
  if (!canFalse) return TRUE;
  if (!canTrue) return FALSE;
  if (domain.kind === "publicIp") return { kind: "partial", broad: op.base.negated, restrictions: [text] };
  if (options.effect === "Allow") return TRUE;
  if (options.effect === "Deny") return FALSE;
  return { kind: "unknown", conditions: [text] };
}
var SENTINEL = {
  any: "lambda-guard-caller-value",
  ip: "198.51.100.77",
  account: "999999999999",
  arn: "arn:aws:iam::999999999999:root",
  id: "o-lambdaguard99"
};
function instantiate(pattern) {
  return unprotect(pattern.replace(/[*?]/g, "x"));
}
function candidateStates(op, values, domain) {
  const present = (v) => ({ state: "present", values: [v] });
  if (domain.kind === "any") {
    return [
      { state: "absent" },
      present(SENTINEL.any),
      present("true"),
      present("false"),
      // Outside the Like operators `*` and `?` are plain characters, and a header may carry them verbatim.
      ...values.map((v) => present(unprotect(v))),
      ...values.map((v) => present(instantiate(v)))
    ];
  }
  if (domain.kind === "publicIp") {
    return [
      present(SENTINEL.ip),
      ...values.filter((v) => parseCidr(v)).map((v) => present(v.split("/")[0] ?? v))
    ];
  }
  const out = [present(SENTINEL[domain.format])];
  if (domain.mayBeAbsent) out.push({ state: "absent" });
  for (const v of values) {
    const instance = foreignInstance(v, domain.format);
    if (instance !== void 0) out.push(present(instance));
  }
  return out;
}
var ONLY_WILDCARDS = /^[*?]+$/;
function foreignInstance(pattern, format) {
  if (ONLY_WILDCARDS.test(pattern)) return format === "account" ? SENTINEL.account : instantiate(pattern);
  if (format !== "arn") return void 0;
  const parts = splitArn(pattern);
  if (!parts) return /[*?]/.test(pattern) ? instantiate(pattern) : void 0;
  const [, , , , account, resource] = parts;
  if (ONLY_WILDCARDS.test(account)) {
    parts[4] = SENTINEL.account;
    return instantiate(parts.join(":"));
  }
  if (account === "" && /[*?]/.test(resource)) return instantiate(pattern);
  return void 0;
}
function classifySourceIp(op, key, values) {
  const ranges = values.map(parseCidr).filter((r) => r !== void 0);
  const reachable = ranges.filter((r) => !isNonPublicRange(r));
  const level = (family) => {
    const all = coversAllPublic(ranges, family);
    const none = !reachable.some((r) => r.family === family);
    if (op.base.negated) return all ? "never" : none ? "always" : "broad";
    return all ? "always" : none ? "never" : "limited";
  };
  const v4 = level(4);
  const v6 = level(6);
  let combined;
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

// src/policy/evaluate.ts
var FALSE2 = { kind: "false" };
var TRUE2 = { kind: "true" };
function accountOf(arn) {
  return splitArn(arn)?.[4];
}
function sameAwsPrincipal(policyId, requestArn) {
  if (policyId === requestArn) return true;
  const req = splitArn(requestArn);
  const pol = splitArn(policyId);
  if (!req || !pol || req[4] !== pol[4]) return false;
  const session = /^assumed-role\/([^/]+)\//.exec(req[5]);
  const role = /^role\/(?:.*\/)?([^/]+)$/.exec(pol[5]);
  return session !== null && role !== null && session[1] === role[1];
}
function awsIdMatches(id, p) {
  if (id === "*") return p.kind === "anonymous" || p.kind === "anyAccount" || p.kind === "aws";
  if (p.kind !== "aws") return false;
  if (/^\d{12}$/.test(id)) return accountOf(p.arn) === id;
  const parts = splitArn(id);
  if (parts && parts[2] === "iam" && parts[5] === "root") return accountOf(p.arn) === parts[4];
  return sameAwsPrincipal(id, p.arn);
}
function principalMatches(spec, p) {
  if (spec === "*") return true;
  for (const [type, ids] of Object.entries(spec)) {
    const t = type.toLowerCase();
    for (const id of ids) {
      if (t === "aws" && awsIdMatches(id, p)) return true;
      if (t === "service" && p.kind === "service" && (id === "*" || id.toLowerCase() === p.service.toLowerCase())) {
        return true;
      }
      if (t === "federated" && p.kind === "federated" && (id === "*" || id === p.provider)) return true;
      if (t === "canonicaluser" && p.kind === "canonicalUser" && (id === "*" || id === p.id)) return true;
    }
  }
  return false;
}
function statementAppliesToPrincipal(stmt, p) {
  if (stmt.Principal) return principalMatches(stmt.Principal, p);
  if (stmt.NotPrincipal) return !principalMatches(stmt.NotPrincipal, p);
  return true;
}
function resourceOutcome(stmt, resource, context, variables) {
  const patterns = stmt.Resource ?? stmt.NotResource;
  if (!patterns) return TRUE2;
  let matched = false;
  const unknown = [];
  for (const pattern of patterns) {
    if (variables && splitArn(pattern)?.[4]?.includes("${")) {
      unknown.push(
        `${stmt.Resource ? "Resource" : "NotResource"} ${pattern} (policy variable in the account field)`
      );
      continue;
    }
    const expanded = variables && pattern.includes("${") ? expandVariables(pattern, context) : void 0;
    if (expanded?.kind === "absent") continue;
    if (expanded?.kind === "unknown") {
      unknown.push(`${stmt.Resource ? "Resource" : "NotResource"} ${pattern}`);
      continue;
    }
    if (resourceMatches(expanded?.value ?? pattern, resource)) {
      matched = true;
      break;
    }
  }
  const hit = matched ? TRUE2 : unknown.length > 0 ? { kind: "unknown", conditions: unknown } : FALSE2;
  if (stmt.Resource) return hit;
  if (hit.kind === "true") return FALSE2;
  if (hit.kind === "false") return TRUE2;
  return hit;
}
function usesPolicyVariables(doc) {
  return doc.Version === "2012-10-17";
}
function statementApplies(stmt, request, context, variables = true) {
  if (request.principal && !statementAppliesToPrincipal(stmt, request.principal)) return FALSE2;
  if (!statementCoversAction(stmt, request.action)) return FALSE2;
  const resource = resourceOutcome(stmt, request.resource, context, variables);
  if (resource.kind === "false") return FALSE2;
  const condition = evaluateConditionBlock(stmt.Condition, context, { effect: stmt.Effect, variables });
  return andOutcomes([resource, condition]);
}
function statementRef(policy, stmt, index) {
  const ref = { policy, index };
  if (stmt.Sid !== void 0) ref.sid = stmt.Sid;
  return ref;
}
function assessStatements(policies, request) {
  const context = toRequestContext(request.context);
  const out = [];
  for (const policy of policies) {
    const variables = usesPolicyVariables(policy.document);
    policy.document.Statement.forEach((stmt, index) => {
      const outcome = statementApplies(stmt, request, context, variables);
      if (outcome.kind === "false") return;
      out.push({
        ref: statementRef(policy.name, stmt, index),
        label: statementLabel(stmt, index),
        statement: stmt,
        outcome
      });
    });
  }
  return out;
}
function doubts(a) {
  if (a.outcome.kind === "unknown") return a.outcome.conditions;
  if (a.outcome.kind === "partial") return a.outcome.restrictions;
  return [];
}
function decide(assessments) {
  const certain = (effect) => assessments.filter((a) => a.statement.Effect === effect && a.outcome.kind === "true");
  const doubtful = (effect) => assessments.filter((a) => a.statement.Effect === effect && a.outcome.kind !== "true");
  const denies = certain("Deny");
  if (denies.length > 0)
    return { decision: "explicitDeny", statements: denies.map((a) => a.ref), conditions: [] };
  const allows = certain("Allow");
  const maybeDenies = doubtful("Deny");
  if (allows.length > 0) {
    if (maybeDenies.length === 0)
      return { decision: "allowed", statements: allows.map((a) => a.ref), conditions: [] };
    return {
      decision: "conditional",
      statements: maybeDenies.map((a) => a.ref),
      conditions: [...new Set(maybeDenies.flatMap(doubts))]
    };
  }
  const maybeAllows = doubtful("Allow");
  if (maybeAllows.length > 0) {
    const involved = [...maybeAllows, ...maybeDenies];
    return {
      decision: "conditional",
      statements: involved.map((a) => a.ref),
      conditions: [...new Set(involved.flatMap(doubts))]
    };
  }
  return { decision: "implicitDeny", statements: [], conditions: [] };
}

// src/policy/identity.ts
function principalType(arn) {
  const resource = splitArn(arn)?.[5] ?? "";
  if (resource === "root") return "Account";
  if (resource.startsWith("user/")) return "User";
  if (resource.startsWith("assumed-role/") || resource.startsWith("role/")) return "AssumedRole";
  if (resource.startsWith("federated-user/")) return "FederatedUser";
  return void 0;
}
function roleArnOfSession(arn) {
  const parts = splitArn(arn);
  const m = parts ? /^assumed-role\/([^/]+)\//.exec(parts[5]) : null;
  if (!parts || !m) return void 0;
  return `arn:${parts[1]}:iam::${parts[4]}:role/${m[1]}`;
}
var LAMBDA_REQUEST_KEYS = [
  "lambda:CodeSigningConfigArn",
  "lambda:EventSourceToken",
  "lambda:FunctionArn",
  "lambda:FunctionUrlAuthType",
  "lambda:InvokedViaFunctionUrl",
  "lambda:Layer",
  "lambda:Principal",
  "lambda:SecurityGroupIds",
  "lambda:SourceFunctionArn",
  "lambda:SubnetIds",
  "lambda:VpcIds"
];
function identityContext(input) {
  const now = input.now ?? /* @__PURE__ */ new Date();
  const target = splitArn(input.resource);
  const readOnly = /^[^:]+:(get|list|describe)/i.test(input.action);
  const principalArn = roleArnOfSession(input.principalArn) ?? input.principalArn;
  const type = principalType(input.principalArn);
  const userName = /^user\/(?:.*\/)?([^/]+)$/.exec(splitArn(input.principalArn)?.[5] ?? "")?.[1];
  const entries = {
    "aws:PrincipalArn": principalArn,
    "aws:PrincipalAccount": input.accountId,
    "aws:PrincipalType": type,
    "aws:username": userName ?? (type ? absentKey() : void 0),
    "aws:PrincipalIsAWSService": false,
    "aws:SecureTransport": true,
    "aws:CurrentTime": now,
    "aws:EpochTime": Math.floor(now.getTime() / 1e3),
    "aws:ResourceAccount": target && /^\d{12}$/.test(target[4]) ? target[4] : void 0,
    "aws:RequestedRegion": target && target[3] !== "" && !/[*?]/.test(target[3]) ? target[3] : void 0,
    "aws:PrincipalTag/*": unknownKey(true),
    "aws:ResourceTag/*": unknownKey(true),
    // Read calls carry no tags in the request; writes might.
    "aws:RequestTag/*": readOnly ? absentKey() : unknownKey(true),
    "aws:TagKeys": readOnly ? absentKey() : unknownKey(true),
    "aws:SourceIp": unknownKey(false),
    "aws:MultiFactorAuthPresent": unknownKey(true),
    "aws:MultiFactorAuthAge": unknownKey(true),
    "aws:CalledVia": unknownKey(true),
    "aws:CalledViaFirst": unknownKey(true),
    "aws:CalledViaLast": unknownKey(true),
    "aws:ViaAWSService": unknownKey(false),
    "aws:SourceVpc": unknownKey(true),
    "aws:SourceVpce": unknownKey(true),
    "aws:VpcSourceIp": unknownKey(true),
    "aws:PrincipalOrgID": unknownKey(true),
    "aws:PrincipalOrgPaths": unknownKey(true),
    "aws:userid": unknownKey(false),
    // Only service principals acting for a resource carry these.
    "aws:SourceArn": absentKey(),
    "aws:SourceAccount": absentKey(),
    "aws:SourceOwner": absentKey()
  };
  if (/^lambda:(GetFunction|ListTags)$/i.test(input.action))
    for (const k of LAMBDA_REQUEST_KEYS) entries[k] = absentKey();
  return new RequestContext(entries, "unknown").with(input.context ?? {});
}
function evaluateIdentity(input) {
  const context = identityContext(input);
  const request = { action: input.action, resource: input.resource, context };
  const identity = decide(assessStatements(input.identityPolicies, request));
  const boundary = input.boundary ? decide(assessStatements([input.boundary], request)) : void 0;
  const denies = [identity, boundary].filter((d) => d?.decision === "explicitDeny");
  if (denies.length > 0) {
    return {
      decision: "explicitDeny",
      reason: "deny",
      statements: denies.flatMap((d) => d?.statements ?? []),
      conditions: []
    };
  }
  if (identity.decision === "implicitDeny") {
    return { decision: "implicitDeny", reason: "no-statement", statements: [], conditions: [] };
  }
  if (boundary?.decision === "implicitDeny") {
    return { decision: "implicitDeny", reason: "boundary", statements: [], conditions: [] };
  }
  const parts = [identity, ...boundary ? [boundary] : []];
  if (parts.every((d) => d.decision === "allowed")) {
    return { decision: "allowed", reason: "allowed", statements: identity.statements, conditions: [] };
  }
  const doubtful = parts.filter((d) => d.decision === "conditional");
  return {
    decision: "conditional",
    reason: "conditional",
    statements: doubtful.flatMap((d) => d.statements),
    conditions: [...new Set(doubtful.flatMap((d) => d.conditions))]
  };
}
function findGrantingStatements(policies, action, resource) {
  const out = [];
  const empty = new RequestContext({}, "unknown");
  for (const policy of policies) {
    const variables = usesPolicyVariables(policy.document);
    policy.document.Statement.forEach((stmt, index) => {
      if (stmt.Effect !== "Allow" || !statementCoversAction(stmt, action)) return;
      let viaVariable = false;
      if (resource !== void 0 && (stmt.Resource ?? stmt.NotResource)) {
        const hits = (stmt.Resource ?? stmt.NotResource ?? []).map((pattern) => {
          if (variables && pattern.includes("${")) {
            const expanded = expandVariables(pattern, empty);
            if (expanded.kind !== "value") {
              viaVariable = true;
              return true;
            }
          }
          return resourceMatches(pattern, resource);
        });
        const matched = stmt.Resource ? hits.some(Boolean) : !hits.some(Boolean) || viaVariable;
        if (!matched) return;
      }
      out.push({
        ...statementRef(policy.name, stmt, index),
        label: statementLabel(stmt, index),
        statement: stmt,
        conditional: stmt.Condition !== void 0 || viaVariable
      });
    });
  }
  return out;
}

// src/policy/function-url.ts
var NONE = { exposure: "none", allowStatements: [], denyStatements: [], restrictions: [] };
function functionArn(target) {
  const base = `arn:${target.partition ?? "aws"}:lambda:${target.region}:${target.accountId}:function:${target.functionName}`;
  return target.qualifier ? `${base}:${target.qualifier}` : base;
}
var any = () => chosenKey({ kind: "any" });
var foreign = (format, mayBeAbsent) => chosenKey({ kind: "foreign", format, mayBeAbsent });
function targetContext(target) {
  const now = target.now ?? /* @__PURE__ */ new Date();
  const entries = {
    "aws:CurrentTime": now,
    "aws:EpochTime": Math.floor(now.getTime() / 1e3),
    "aws:RequestedRegion": target.region,
    "aws:ResourceAccount": target.accountId,
    "aws:ResourceOrgID": unknownKey(true),
    "aws:ResourceOrgPaths": unknownKey(true),
    // Function URLs and the Lambda API answer only over TLS.
    "aws:SecureTransport": true,
    "aws:SourceIp": chosenKey({ kind: "publicIp" }),
    "aws:ResourceTag/*": target.tags ? absentKey() : unknownKey(true)
  };
  for (const [k, v] of Object.entries(target.tags ?? {})) entries[`aws:ResourceTag/${k}`] = v;
  return entries;
}
function anonymousContext(target) {
  anonymousCaller ??= anonymousCallerContext();
  return anonymousCaller.with(targetContext(target));
}
var anonymousCaller;
function anonymousCallerContext() {
  const absent = [
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceOwner",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
    "aws:PrincipalArn",
    "aws:PrincipalAccount",
    "aws:PrincipalServiceName",
    "aws:PrincipalServiceNamesList",
    "aws:PrincipalTag/*",
    "aws:userid",
    "aws:username",
    "aws:SourceIdentity",
    "aws:FederatedProvider",
    "aws:TokenIssueTime",
    "aws:MultiFactorAuthPresent",
    "aws:MultiFactorAuthAge",
    "aws:CalledVia",
    "aws:CalledViaFirst",
    "aws:CalledViaLast",
    "aws:SourceVpc",
    "aws:SourceVpce",
    "aws:VpcSourceIp",
    "aws:Ec2InstanceSourceVpc",
    "aws:Ec2InstanceSourcePrivateIPv4",
    "aws:RequestTag/*",
    "aws:TagKeys",
    "lambda:EventSourceToken",
    "lambda:SourceFunctionArn"
  ];
  const entries = {
    ...Object.fromEntries(absent.map((k) => [k, absentKey()])),
    "aws:PrincipalType": "Anonymous",
    "aws:PrincipalIsAWSService": false,
    "aws:ViaAWSService": false,
    "aws:UserAgent": any(),
    "aws:Referer": any()
  };
  return new RequestContext(entries, "unknown");
}
function strangerContext(target) {
  strangerCaller ??= strangerCallerContext();
  return strangerCaller.with(targetContext(target));
}
var strangerCaller;
function strangerCallerContext() {
  const entries = {
    "lambda:InvokedViaFunctionUrl": absentKey(),
    "lambda:FunctionUrlAuthType": absentKey(),
    "aws:PrincipalAccount": foreign("account", false),
    "aws:PrincipalArn": foreign("arn", false),
    "aws:PrincipalOrgID": foreign("id", true),
    "aws:PrincipalOrgPaths": foreign("id", true),
    "aws:SourceAccount": foreign("account", true),
    "aws:SourceOwner": foreign("account", true),
    "aws:SourceArn": foreign("arn", true),
    "aws:SourceOrgID": foreign("id", true),
    "aws:SourceOrgPaths": foreign("id", true),
    "aws:SourceVpc": foreign("id", true),
    "aws:SourceVpce": foreign("id", true),
    "lambda:EventSourceToken": foreign("id", true),
    "lambda:SourceFunctionArn": foreign("arn", true)
  };
  for (const key of [
    "aws:PrincipalTag/*",
    "aws:PrincipalType",
    "aws:userid",
    "aws:username",
    "aws:MultiFactorAuthPresent",
    "aws:MultiFactorAuthAge",
    "aws:CalledVia",
    "aws:CalledViaFirst",
    "aws:CalledViaLast",
    "aws:ViaAWSService",
    "aws:PrincipalIsAWSService",
    "aws:UserAgent",
    "aws:Referer",
    "aws:RequestTag/*",
    "aws:TagKeys",
    "aws:SourceIdentity",
    "aws:TokenIssueTime",
    "aws:FederatedProvider",
    "aws:VpcSourceIp"
  ]) {
    entries[key] = any();
  }
  return new RequestContext(entries, "unknown");
}
function doubts2(a) {
  if (a.outcome.kind === "unknown") return a.outcome.conditions;
  if (a.outcome.kind === "partial") return a.outcome.restrictions;
  return [];
}
function uniq(list) {
  return [...new Set(list)];
}
function exposureOf(assessments) {
  const allows = assessments.filter((a) => a.statement.Effect === "Allow");
  const denies = assessments.filter((a) => a.statement.Effect === "Deny");
  const wide = (a) => a.outcome.kind === "true" || a.outcome.kind === "partial" && a.outcome.broad;
  const denyStatements = uniq(denies.map((a) => a.label));
  if (allows.length === 0) return { ...NONE, denyStatements };
  const certainDenies = denies.filter((a) => a.outcome.kind === "true");
  if (certainDenies.length > 0) {
    return {
      exposure: "none",
      allowStatements: uniq(allows.map((a) => a.label)),
      denyStatements: uniq(certainDenies.map((a) => a.label)),
      restrictions: []
    };
  }
  const publicAllows = allows.filter(wide);
  const narrowAllows = allows.filter((a) => !wide(a));
  let exposure = publicAllows.length > 0 ? "public" : "restricted";
  const restrictions = exposure === "public" ? [] : narrowAllows.flatMap(doubts2);
  const blocking = denies.filter(
    (a) => a.outcome.kind === "unknown" || a.outcome.kind === "partial" && a.outcome.broad
  );
  if (blocking.length > 0) {
    exposure = "restricted";
    for (const d of blocking)
      restrictions.push(...doubts2(d).map((text) => `denied by ${d.label} when ${text}`));
  }
  const allowStatements = exposure === "public" ? publicAllows : [...publicAllows, ...narrowAllows];
  return {
    exposure,
    allowStatements: uniq(allowStatements.map((a) => a.label)),
    denyStatements,
    restrictions: uniq(restrictions)
  };
}
function policyAssessments(policy, principal, action, resource, context) {
  return assessStatements([{ name: "resource-policy", document: policy }], {
    principal,
    action,
    resource,
    context
  });
}
function combine(a, b) {
  let exposure = "none";
  if (a.exposure === "public" && b.exposure === "public") exposure = "public";
  else if (a.exposure !== "none" && b.exposure !== "none") exposure = "restricted";
  return {
    exposure,
    allowStatements: uniq([...a.allowStatements, ...b.allowStatements]),
    denyStatements: uniq([...a.denyStatements, ...b.denyStatements]),
    restrictions: uniq([...a.restrictions, ...b.restrictions])
  };
}
function analyzeFunctionUrl(policy, target) {
  if (target.authType !== "NONE" || policy === null) {
    return { invokeFunctionUrl: NONE, invokeFunctionViaUrl: NONE, url: NONE };
  }
  const resource = functionArn(target);
  const anonymous = { kind: "anonymous" };
  const pair = (base) => {
    const invokeFunctionUrl = exposureOf(
      policyAssessments(
        policy,
        anonymous,
        "lambda:InvokeFunctionUrl",
        resource,
        base.with({
          "lambda:FunctionUrlAuthType": target.authType,
          "lambda:InvokedViaFunctionUrl": absentKey()
        })
      )
    );
    const invokeFunctionViaUrl = exposureOf(
      policyAssessments(
        policy,
        anonymous,
        "lambda:InvokeFunction",
        resource,
        // AWS does not document FunctionUrlAuthType on this check: unknown, so a condition on it (in an Allow
        // or a Deny) can neither prove nor rule out the exposure.
        base.with({ "lambda:InvokedViaFunctionUrl": true, "lambda:FunctionUrlAuthType": unknownKey(true) })
      )
    );
    return { invokeFunctionUrl, invokeFunctionViaUrl, url: combine(invokeFunctionUrl, invokeFunctionViaUrl) };
  };
  let best;
  for (const choice of callerChoices(policy)) {
    const a = pair(anonymousContext(target).with(choice));
    if (!best || RANK[a.url.exposure] > RANK[best.url.exposure]) best = a;
    if (a.url.exposure === "public") break;
  }
  return best;
}
var RANK = { none: 0, restricted: 1, public: 2 };
var CALLER_HEADERS = ["aws:referer", "aws:useragent"];
var MAX_CHOICES = 64;
function callerChoices(policy) {
  const named = /* @__PURE__ */ new Map();
  for (const st of policy.Statement) {
    for (const block of Object.values(st.Condition ?? {})) {
      for (const [key, values] of Object.entries(block)) {
        const k = key.toLowerCase();
        if (!CALLER_HEADERS.includes(k)) continue;
        const set = named.get(k) ?? /* @__PURE__ */ new Set();
        for (const v of values) set.add(v).add(v.replace(/[*?]/g, "x"));
        named.set(k, set);
      }
    }
  }
  let out = [{}];
  for (const [key, values] of named) {
    const options = [absentKey(), "lambda-guard-caller-value", ...values];
    if (out.length * options.length > MAX_CHOICES) return [{}];
    out = out.flatMap((c) => options.map((o) => ({ ...c, [key]: o })));
  }
  return out;
}
function analyzeDirectInvoke(policy, target) {
  if (policy === null) return { ...NONE, scope: "none" };
  const assessments = policyAssessments(
    policy,
    { kind: "anyAccount" },
    "lambda:InvokeFunction",
    functionArn(target),
    strangerContext(target)
  );
  const verdict = exposureOf(assessments);
  if (verdict.exposure === "none") return { ...verdict, scope: "none" };
  const granting = assessments.filter(
    (a) => a.statement.Effect === "Allow" && verdict.allowStatements.includes(a.label)
  );
  const scope = granting.some((a) => a.statement.Principal === "*") ? "anyone" : "any-account";
  return { ...verdict, scope };
}
function analyzeIamUrl(policy, target) {
  if (policy === null) return { invokeFunctionUrl: NONE, invokeFunctionViaUrl: NONE, url: NONE };
  const resource = functionArn(target);
  const stranger = { kind: "anyAccount" };
  const base = strangerContext(target);
  const invokeFunctionUrl = exposureOf(
    policyAssessments(
      policy,
      stranger,
      "lambda:InvokeFunctionUrl",
      resource,
      base.with({ "lambda:FunctionUrlAuthType": "AWS_IAM" })
    )
  );
  const invokeFunctionViaUrl = exposureOf(
    policyAssessments(
      policy,
      stranger,
      "lambda:InvokeFunction",
      resource,
      base.with({ "lambda:InvokedViaFunctionUrl": true, "lambda:FunctionUrlAuthType": unknownKey(true) })
    )
  );
  return { invokeFunctionUrl, invokeFunctionViaUrl, url: combine(invokeFunctionUrl, invokeFunctionViaUrl) };
}

// src/exposure/decide.ts
var HIGH = "high";
function authText(a) {
  if (a.kind === "conditional") return `AuthType NONE when ${a.condition}`;
  if (a.kind === "unknown")
    return `an AuthType that cannot be read statically (${a.detail}), so it may be NONE`;
  return `AuthType ${a.kind}`;
}
function authEvidence(a) {
  if (a.kind === "conditional") return { authType: "conditional", condition: a.condition };
  if (a.kind === "unknown") return { authType: "unknown", detail: a.detail };
  return { authType: a.kind };
}
var names = (s) => s.map((x) => x.label).join(", ");
function decideExposure(facts, now) {
  const skipped = [];
  const policies = /* @__PURE__ */ new Map();
  facts.statements.forEach((fact, i) => {
    const raw = { ...fact.statement, Sid: `s${i}` };
    if (fact.provenance.kind !== "account") {
      raw.Resource = "*";
      delete raw.NotResource;
    }
    try {
      const parsed = parsePolicy({ Version: "2012-10-17", Statement: [raw] }).Statement;
      const k = fact.qualifier ?? "";
      const doc = policies.get(k) ?? { Version: "2012-10-17", Statement: [] };
      doc.Statement.push(...parsed);
      policies.set(k, doc);
    } catch (err) {
      skipped.push({ fact, error: err instanceof Error ? err.message : String(err) });
    }
  });
  const back = (labels) => [...new Set(labels)].map((l) => /^s(\d+)$/.exec(l)?.[1]).filter((x) => x !== void 0).map(Number).sort((a, b) => a - b).map((i) => facts.statements[i]);
  const target = (k) => ({
    accountId: facts.target.accountId ?? "000000000000",
    partition: facts.target.partition ?? "aws",
    region: facts.target.region ?? "us-east-1",
    functionName: facts.target.functionName ?? "function",
    qualifier: k === "" ? null : k,
    now,
    ...facts.tags ? { tags: facts.tags } : {}
  });
  const failure = (k) => facts.failures?.find((f) => (f.qualifier ?? "") === k);
  const exposures = [];
  const removable = (s) => {
    const own = s.filter((x) => x.provenance.kind !== "toolchain");
    return own.length > 0 ? [{ kind: "remove-statements", statements: own }] : [];
  };
  const generatedBy = (s) => [
    ...new Set(s.flatMap((x) => x.provenance.kind === "toolchain" ? [x.provenance.by] : []))
  ];
  const urlEvidence = (a, s) => {
    const by = generatedBy(s);
    return {
      statements: s.map((x) => x.label),
      invokeFunctionUrl: a.invokeFunctionUrl.exposure,
      invokeFunctionViaUrl: a.invokeFunctionViaUrl.exposure,
      ...by.length > 0 ? { generatedBy: by } : {}
    };
  };
  const direct = /* @__PURE__ */ new Set();
  for (const [k, doc] of policies) {
    const d = analyzeDirectInvoke(doc, target(k));
    if (d.exposure === "none") continue;
    direct.add(k);
    const statements = back(d.allowStatements);
    const who = d.scope === "any-account" ? "any AWS account" : "anyone";
    const limited = d.exposure === "restricted" ? `, limited to ${d.restrictions.join(", ")}` : "";
    exposures.push({
      rule: "LG002",
      severity: HIGH,
      kind: "public-invoke",
      qualifier: k === "" ? null : k,
      resourceKind: "function",
      statements,
      evidence: {
        exposure: "public-invoke",
        statements: statements.map((s) => s.label),
        scope: d.scope,
        ...d.exposure === "restricted" ? { restrictions: d.restrictions } : {}
      },
      fix: [{ kind: "scope-principal", statements }],
      reason: `its resource-based policy lets ${who} call lambda:InvokeFunction directly (${names(statements)}${limited})`
    });
  }
  for (const url of facts.urls) {
    const k = url.qualifier ?? "";
    const doc = policies.get(k) ?? null;
    const failed = failure(k);
    if (url.auth.kind !== "AWS_IAM") {
      if (failed) {
        exposures.push({
          rule: "LG001",
          severity: HIGH,
          kind: "unanalysable-policy",
          qualifier: url.qualifier,
          resourceKind: "function-url",
          url,
          statements: [],
          evidence: {
            exposure: "unanalysable-policy",
            ...authEvidence(url.auth),
            policyStatus: failed.status,
            policyError: failed.error
          },
          fix: [{ kind: "set-auth-iam", url }],
          reason: `its URL has ${authText(url.auth)}, and its resource-based policy ${failed.status === "invalid" ? "is not a valid policy document" : "could not be read"} (${failed.error}): LG001 could not be ruled out`
        });
        continue;
      }
      const a = analyzeFunctionUrl(doc, { ...target(k), authType: "NONE" });
      const x = noneUrlExposure(a, direct.has(k));
      if (x) {
        const statements2 = back([
          ...a.invokeFunctionUrl.allowStatements,
          ...a.invokeFunctionViaUrl.allowStatements
        ]);
        const restrictions = [
          .../* @__PURE__ */ new Set([...a.invokeFunctionUrl.restrictions, ...a.invokeFunctionViaUrl.restrictions])
        ];
        exposures.push({
          ...x,
          qualifier: url.qualifier,
          resourceKind: "function-url",
          url,
          statements: statements2,
          evidence: {
            exposure: x.kind,
            ...authEvidence(url.auth),
            ...urlEvidence(a, statements2),
            ...x.kind === "restricted-url" ? { restrictions } : {}
          },
          fix: [{ kind: "set-auth-iam", url }, ...removable(statements2)],
          reason: `its URL has ${authText(url.auth)} and ${x.reason(names(statements2), restrictions.join(", "))}`
        });
        continue;
      }
      if (url.auth.kind !== "unknown") continue;
    }
    if (failed) continue;
    const i = analyzeIamUrl(doc, target(k));
    if (i.invokeFunctionUrl.exposure === "none") continue;
    const urlGrants = back(i.invokeFunctionUrl.allowStatements);
    const statements = [
      ...urlGrants,
      ...back(i.invokeFunctionViaUrl.allowStatements).filter((x) => !urlGrants.includes(x))
    ];
    exposures.push({
      rule: "LG002",
      severity: HIGH,
      kind: "any-account-url",
      qualifier: url.qualifier,
      resourceKind: "function-url",
      url,
      statements,
      evidence: { exposure: "any-account-url", ...authEvidence(url.auth), ...urlEvidence(i, statements) },
      fix: [{ kind: "scope-principal", statements }],
      reason: `its URL has ${authText(url.auth)}, but its policy grants lambda:InvokeFunctionUrl to every AWS account (${names(statements)}): any authenticated principal of any account may call the URL${i.invokeFunctionViaUrl.exposure === "none" ? " wherever AWS's legacy one-permission exception applies" : ""}`
    });
  }
  const judged = new Set(facts.urls.filter((u) => u.auth.kind !== "AWS_IAM").map((u) => u.qualifier ?? ""));
  const reported = new Set(exposures.filter((x) => x.url).map((x) => x.qualifier ?? ""));
  for (const [k, doc] of policies) {
    if (judged.has(k) || reported.has(k) || failure(k)) continue;
    const a = analyzeFunctionUrl(doc, { ...target(k), authType: "NONE" });
    const fu = a.invokeFunctionUrl.exposure !== "none";
    const via = a.invokeFunctionViaUrl.exposure !== "none" && !direct.has(k);
    if (!fu && !via) continue;
    const statements = back([
      ...fu ? a.invokeFunctionUrl.allowStatements : [],
      ...via ? a.invokeFunctionViaUrl.allowStatements : []
    ]);
    const what = [fu ? "lambda:InvokeFunctionUrl" : "", via ? "lambda:InvokeFunction via a URL" : ""].filter(Boolean).join(" and ");
    exposures.push({
      rule: "LG003",
      // CONTRACTS \u{a7}3: a public grant on a qualifier without a URL is latent, hence low.
      severity: "low",
      kind: "latent-grant",
      qualifier: k === "" ? null : k,
      resourceKind: "function",
      statements,
      evidence: { exposure: "latent-grant", latent: true, ...urlEvidence(a, statements) },
      fix: removable(statements),
      reason: `${facts.urls.some((u) => (u.qualifier ?? "") === k) ? "its URL has AuthType AWS_IAM" : "it has no function URL"}, but its policy publicly grants ${what} (${names(statements)}): a NONE URL there is public at once`
    });
  }
  return { exposures, skipped };
}
function noneUrlExposure(a, directlyPublic) {
  if (a.url.exposure === "public")
    return {
      rule: "LG001",
      severity: "critical",
      kind: "public-url",
      reason: (s) => `its policy lets anyone on the Internet invoke it through the URL (${s})`
    };
  if (a.url.exposure === "restricted")
    return {
      rule: "LG001",
      severity: "medium",
      kind: "restricted-url",
      reason: (s, r) => `its policy lets anonymous callers invoke it through the URL (${s}) limited only by ${r}; callers are not authenticated`
    };
  if (a.invokeFunctionUrl.exposure !== "none")
    return {
      rule: "LG003",
      severity: "high",
      kind: "url-permission-only",
      reason: (s) => `its policy grants lambda:InvokeFunctionUrl publicly (${s}) but not lambda:InvokeFunction via the URL: public wherever AWS's legacy one-permission exception applies, 403 elsewhere`
    };
  if (a.invokeFunctionViaUrl.exposure !== "none" && !directlyPublic)
    return {
      rule: "LG003",
      severity: "low",
      kind: "invoke-permission-only",
      reason: (s) => `its policy grants lambda:InvokeFunction via the URL publicly (${s}) but not lambda:InvokeFunctionUrl: a latent grant the other permission makes public`
    };
  return void 0;
}

// src/exposure/toolchains.ts
var TOOLCHAINS = {
  "terraform-provider": {
    by: "terraform-provider",
    trigger: '`aws_lambda_function_url` with `authorization_type = "NONE"` (also terraform-aws-modules/lambda, whose default is NONE)',
    adds: ["FunctionURLAllowPublicAccess", "FunctionURLAllowInvokeAction"],
    checked: "hashicorp/terraform-provider-aws `function_url.go` (v4\u2013v5 add FunctionURLAllowPublicAccess only); the v6 docs (as bridged by Pulumi AWS v7.16) add FunctionURLAllowInvokeAction too. Both are assumed: the wider exposure."
  },
  sam: {
    by: "sam",
    trigger: "`FunctionUrlConfig: { AuthType: NONE }` with a literal NONE (own or from Globals); nothing for an intrinsic (`!Ref`, `!If`)",
    adds: ["<Function>UrlPublicPermissions", "<Function>URLInvokeAllowPublicAccess"],
    checked: "aws-sam-translator `sam_resources.py` (returns no permission unless AuthType is the literal NONE) and the SAM resource reference for FunctionUrlConfig"
  },
  serverless: {
    by: "serverless",
    trigger: "`url: true` or `url:` without `authorizer: aws_iam`",
    adds: ["<Function>LambdaPermissionFnUrl", "<Function>LambdaPermissionInvokeFnUrl"],
    checked: "oss-serverless/osls PR #102 (adds lambda:InvokeFunction); serverless/serverless v4 issue #13147 (InvokeFunctionUrl only until fixed). Both are assumed: the wider exposure."
  },
  cdk: {
    by: "cdk",
    trigger: "L2 `addFunctionUrl` / `new FunctionUrl` with `FunctionUrlAuthType.NONE`; nothing for L1 `CfnUrl`",
    adds: ["invoke-function-url", "invoke-function"],
    checked: "aws-cdk-lib 2.276.0, synthesized in test/cross-flavour/cdk-synth.test.ts"
  }
};
function publicUrlStatements(by) {
  const [urlSid, invokeSid] = TOOLCHAINS[by].adds;
  return [
    {
      label: urlSid,
      statement: {
        Effect: "Allow",
        Principal: "*",
        Action: "lambda:InvokeFunctionUrl",
        Resource: "*",
        Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "NONE" } }
      }
    },
    {
      label: invokeSid,
      statement: {
        Effect: "Allow",
        Principal: "*",
        Action: "lambda:InvokeFunction",
        Resource: "*",
        Condition: { Bool: { "lambda:InvokedViaFunctionUrl": "true" } }
      }
    }
  ];
}

export {
  statementLabel,
  parsePolicy,
  actionMatches,
  statementCoversAction,
  evaluateIdentity,
  findGrantingStatements,
  decideExposure,
  publicUrlStatements
};
