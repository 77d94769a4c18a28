/**
 * May each caller call `lambda:ListTags` on each function it read with GetFunction? Identity policies (inline,
 * attached, group), the permissions boundary, explicit Deny first; Allows that hinge on request context the scan
 * cannot know are "conditional". The evaluator is the shared one in src/policy.
 */
import { evaluateIdentity, findGrantingStatements, parsePolicy } from "../../policy/index.js";
import type { Caller, FunctionRead } from "./callers.js";
import { policiesFor, principalKey, type IamSnapshot, type NamedDocument } from "./authorization-details.js";

export type Decision = "allowed" | "explicitDeny" | "implicitDeny" | "conditional";
export type Reason = "allowed" | "no-statement" | "deny" | "boundary" | "conditional";

export interface StatementRef {
  policy: string;
  sid?: string;
  index: number;
}

export interface FunctionVerdict extends FunctionRead {
  decision: Decision;
  reason: Reason;
  statements: StatementRef[];
  conditions: string[];
}

export interface PolicyRef {
  name: string;
  kind: NamedDocument["kind"] | "boundary";
  arn?: string;
  group?: string;
}

export type CallerVerdict =
  | {
      status: "evaluated";
      caller: Caller;
      /** The IAM ARN from the account's own records (with its path). */
      principalArn: string;
      functions: FunctionVerdict[];
      /** Policies (and statements) that grant lambda:GetFunction today: where the IaC half patches. */
      getFunctionGrantedBy: (PolicyRef & { statements: StatementRef[] })[];
      policies: PolicyRef[];
      /** Policies that could not be read (missing from the snapshot, or unparsable). */
      unreadable: string[];
    }
  | { status: "root"; caller: Caller }
  | { status: "cross-account"; caller: Caller }
  | { status: "unknown-principal"; caller: Caller };

type Parsed = ReturnType<typeof parsePolicy>;

/** Parses each distinct document once (managed policies are shared by many principals). */
class ParseCache {
  private readonly cache = new Map<unknown, Parsed | Error>();
  get(doc: unknown, where: string): Parsed | Error {
    let v = this.cache.get(doc);
    if (v === undefined) {
      try {
        v = parsePolicy(doc, where);
      } catch (err) {
        v = err instanceof Error ? err : new Error(String(err));
      }
      if (doc !== null && (typeof doc === "object" || typeof doc === "string")) this.cache.set(doc, v);
    }
    return v;
  }
}

interface Memo {
  decision: Decision;
  reason: Reason;
  statements: StatementRef[];
  conditions: string[];
  granting: StatementRef[];
}

/** The JSON text of each parsed document, computed once per document object. */
class TextCache {
  private static readonly texts = new WeakMap<object, string>();
  of(doc: Parsed): string {
    let t = TextCache.texts.get(doc);
    if (t === undefined) {
      t = JSON.stringify(doc);
      TextCache.texts.set(doc, t);
    }
    return t;
  }
}

/** Context keys whose value differs between principals with the same policies. */
const PRINCIPAL_SPECIFIC = /aws:principal(arn|type)|aws:username|aws:userid|\$\{/i;

/**
 * Principals with the same policies (names and content) and type get the same answer for the same resource,
 * unless a policy looks at who is asking: then the principal is part of the key.
 */
function setKey(
  detail: { arn: string; type: string },
  policies: readonly { name: string; document: Parsed }[],
  boundary: { name: string; document: Parsed } | undefined,
  texts: TextCache,
): string {
  const parts = policies.map((p) => `${p.name}\u0000${texts.of(p.document)}`);
  if (boundary) parts.push(`boundary\u0000${boundary.name}\u0000${texts.of(boundary.document)}`);
  const key = `${detail.type}\u0001${parts.join("\u0001")}`;
  return PRINCIPAL_SPECIFIC.test(key) ? `${detail.arn}\u0002${key}` : key;
}

class VerdictCache {
  private readonly sets = new Map<string, Map<string, Memo>>();
  forSet(key: string): Map<string, Memo> {
    let m = this.sets.get(key);
    if (!m) {
      m = new Map();
      this.sets.set(key, m);
    }
    return m;
  }
}

export interface EvaluateOptions {
  accountId: string;
  action?: string;
  /** Time for date conditions. */
  now?: Date;
}

export function evaluateCallers(
  callers: Iterable<Caller>,
  snap: IamSnapshot,
  opts: EvaluateOptions,
): CallerVerdict[] {
  const action = opts.action ?? "lambda:ListTags";
  const parsed = new ParseCache();
  const cache = new VerdictCache();
  const out: CallerVerdict[] = [];
  for (const caller of callers) {
    const p = caller.principal;
    if (p.accountId !== opts.accountId) {
      out.push({ status: "cross-account", caller });
      continue;
    }
    if (p.type === "root") {
      // Identity policies cannot be attached to root: it is not limited by them.
      out.push({ status: "root", caller });
      continue;
    }
    const detail = snap.principals.get(principalKey(p.type, p.name));
    if (!detail) {
      out.push({ status: "unknown-principal", caller });
      continue;
    }
    const pol = policiesFor(snap, detail);
    const unreadable = [...pol.missing];
    const identityPolicies: { name: string; document: Parsed }[] = [];
    const texts = new TextCache();
    const refs: PolicyRef[] = [];
    for (const d of pol.identityPolicies) {
      const doc = parsed.get(d.document, `${detail.arn} policy ${d.name}`);
      if (doc instanceof Error) {
        unreadable.push(`${d.name}: ${doc.message}`);
        continue;
      }
      identityPolicies.push({ name: d.name, document: doc });
      refs.push({
        name: d.name,
        kind: d.kind,
        ...(d.arn ? { arn: d.arn } : {}),
        ...(d.group ? { group: d.group } : {}),
      });
    }
    let boundary: { name: string; document: Parsed } | undefined;
    if (pol.boundary) {
      const doc = parsed.get(pol.boundary.document, `${detail.arn} boundary ${pol.boundary.name}`);
      if (doc instanceof Error) unreadable.push(`boundary ${pol.boundary.name}: ${doc.message}`);
      else {
        boundary = { name: pol.boundary.name, document: doc };
        refs.push({
          name: pol.boundary.name,
          kind: "boundary",
          ...(pol.boundary.arn ? { arn: pol.boundary.arn } : {}),
        });
      }
    }

    const functions: FunctionVerdict[] = [];
    const granted = new Map<string, StatementRef[]>();
    const memo = cache.forSet(setKey(detail, identityPolicies, boundary, texts));
    for (const fn of caller.functions.values()) {
      let m = memo.get(fn.arn);
      if (!m) {
        const r = evaluateIdentity({
          identityPolicies,
          ...(boundary ? { boundary } : {}),
          principalArn: detail.arn,
          accountId: opts.accountId,
          action,
          resource: fn.arn,
          ...(opts.now ? { now: opts.now } : {}),
        });
        m = {
          decision: r.decision,
          reason: r.reason,
          statements: r.statements.map((s) => ({
            policy: s.policy,
            index: s.index,
            ...(s.sid ? { sid: s.sid } : {}),
          })),
          conditions: [...r.conditions],
          granting:
            r.decision === "allowed"
              ? []
              : findGrantingStatements(identityPolicies, "lambda:GetFunction", fn.arn).map((s) => ({
                  policy: s.policy,
                  index: s.index,
                  ...(s.sid ? { sid: s.sid } : {}),
                })),
        };
        memo.set(fn.arn, m);
      }
      functions.push({
        ...fn,
        decision: m.decision,
        reason: m.reason,
        statements: m.statements,
        conditions: m.conditions,
      });
      for (const s of m.granting) {
        const list = granted.get(s.policy) ?? [];
        if (!list.some((x) => x.index === s.index)) list.push(s);
        granted.set(s.policy, list);
      }
    }
    functions.sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
    const getFunctionGrantedBy = [...granted].map(([name, statements]) => {
      const ref = refs.find((x) => x.name === name) ?? { name, kind: "inline" as const };
      return { ...ref, statements: statements.sort((a, b) => a.index - b.index) };
    });
    out.push({
      status: "evaluated",
      caller,
      principalArn: detail.arn,
      functions,
      getFunctionGrantedBy,
      policies: refs,
      unreadable,
    });
  }
  return out;
}
