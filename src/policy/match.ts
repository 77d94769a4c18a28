import type { Statement } from "./document.js";

// Policy-variable escapes (`${*}`, `${?}`) and substituted values must match literally. They are carried
// through the pattern as these private-use characters, which `wildcardRegExp` turns back into literals.
export const LITERAL_STAR = "\uE000";
export const LITERAL_QUESTION = "\uE001";
export const LITERAL_DOLLAR = "\uE002";

const regexCache = new Map<string, RegExp>();

/** `*` matches any run of characters (including none), `?` exactly one. */
export function wildcardRegExp(pattern: string, ignoreCase: boolean): RegExp {
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
  if (regexCache.size > 5000) regexCache.clear();
  regexCache.set(cacheKey, re);
  return re;
}

function escapeRegExp(s: string): string {
  // Only syntax characters: the `u` flag rejects needless escapes such as `\-`.
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Turns the private-use literal markers back into the characters they stand for. */
export function unprotect(s: string): string {
  return s.replaceAll(LITERAL_STAR, "*").replaceAll(LITERAL_QUESTION, "?").replaceAll(LITERAL_DOLLAR, "$");
}

export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === "*") return true;
  return wildcardRegExp(pattern, ignoreCase).test(value);
}

/** Actions compare case-insensitively, service prefix and name alike (`Lambda:getfunction` = `lambda:GetFunction`). */
export function actionMatches(pattern: string, action: string): boolean {
  return wildcardMatch(pattern, action, true);
}

export function statementCoversAction(
  stmt: Pick<Statement, "Action" | "NotAction">,
  action: string,
): boolean {
  if (stmt.Action) return stmt.Action.some((p) => actionMatches(p, action));
  if (stmt.NotAction) return !stmt.NotAction.some((p) => actionMatches(p, action));
  return false;
}

/** `arn:partition:service:region:account:resource` — the resource part keeps its own colons. */
export function splitArn(arn: string): [string, string, string, string, string, string] | undefined {
  const parts: string[] = [];
  let rest = arn;
  for (let i = 0; i < 5; i++) {
    const at = rest.indexOf(":");
    if (at < 0) return undefined;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  if (parts[0] !== "arn") return undefined;
  return [parts[0], parts[1] ?? "", parts[2] ?? "", parts[3] ?? "", parts[4] ?? "", rest];
}

/**
 * ARN matching as IAM does it for ArnLike/ArnEquals and the Resource element: each of the six components is
 * matched on its own (case-sensitively), so `*` in the region cannot swallow the account.
 */
export function arnMatches(pattern: string, arn: string): boolean {
  if (pattern === "*") return true;
  const p = splitArn(pattern);
  const a = splitArn(arn);
  if (!p || !a) return false;
  return p.every((part, i) => wildcardMatch(part, a[i] ?? "", false));
}

/** Resource element matching; non-ARN resources (rare, e.g. `*` patterns in trust policies) fall back to globbing. */
export function resourceMatches(pattern: string, resource: string): boolean {
  if (pattern === "*") return true;
  if (splitArn(pattern) && splitArn(resource)) return arnMatches(pattern, resource);
  return wildcardMatch(pattern, resource, false);
}
