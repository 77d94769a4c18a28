import type { Severity } from "../model/severity.js";
import {
  analyzeDirectInvoke,
  analyzeFunctionUrl,
  analyzeIamUrl,
  parsePolicy,
  type FunctionUrlAnalysis,
  type PolicyDocument,
} from "../policy/index.js";
import type { AuthFact, FunctionFacts, StatementFact, Toolchain, UrlFact } from "./facts.js";

/** Which exposure it is; every front end reports it as `evidence.exposure`, so flavours can be compared. */
export type ExposureKind =
  /** LG001 critical: anyone on the Internet through a NONE URL. */
  | "public-url"
  /** LG001 medium: only a public-range aws:SourceIp allow-list (or a condition in doubt) stands in the way. */
  | "restricted-url"
  /** LG001 high: a NONE URL whose policy could not be read or parsed. */
  | "unanalysable-policy"
  /** LG003 high: a NONE URL with only lambda:InvokeFunctionUrl public. */
  | "url-permission-only"
  /** LG003 low: a NONE URL with only lambda:InvokeFunction (via the URL) public. */
  | "invoke-permission-only"
  /** LG003 low: public URL grants on a qualifier without a URL, or with an AWS_IAM URL. */
  | "latent-grant"
  /** LG002 high: anyone or any account may call lambda:InvokeFunction directly. */
  | "public-invoke"
  /** LG002 high: an AWS_IAM URL every AWS account may call (grantInvokeUrl(AnyPrincipal)). */
  | "any-account-url";

export type FixIntent<R> =
  /** Set the URL's auth type to AWS_IAM (tool-chain statements caused by it go with it). */
  | { kind: "set-auth-iam"; url: UrlFact<R> }
  /** Remove these public statements (written in code, or live). */
  | { kind: "remove-statements"; statements: StatementFact<R>[] }
  /** Narrow the principal of these statements: who should invoke is the owner's decision. */
  | { kind: "scope-principal"; statements: StatementFact<R>[] };

export interface Exposure<R> {
  rule: "LG001" | "LG002" | "LG003";
  severity: Severity;
  kind: ExposureKind;
  qualifier: string | null;
  resourceKind: "function-url" | "function";
  /** The URL it is about (LG001, LG003 on a URL, LG002 on an AWS_IAM URL). */
  url?: UrlFact<R>;
  /** The public Allow statements behind it, in fact order. */
  statements: StatementFact<R>[];
  evidence: Record<string, unknown>;
  fix: FixIntent<R>[];
  /** One neutral sentence starting lower-case ("its URL has …"): front ends prefix the resource's name. */
  reason: string;
}

export interface ExposureResult<R> {
  exposures: Exposure<R>[];
  /** Statements the evaluator could not parse: left out of the decision, to be stated in coverage. */
  skipped: { fact: StatementFact<R>; error: string }[];
}

const HIGH: Severity = "high";

function authText(a: AuthFact): string {
  if (a.kind === "conditional") return `AuthType NONE when ${a.condition}`;
  if (a.kind === "unknown")
    return `an AuthType that cannot be read statically (${a.detail}), so it may be NONE`;
  return `AuthType ${a.kind}`;
}

function authEvidence(a: AuthFact): Record<string, unknown> {
  if (a.kind === "conditional") return { authType: "conditional", condition: a.condition };
  if (a.kind === "unknown") return { authType: "unknown", detail: a.detail };
  return { authType: a.kind };
}

const names = <R>(s: StatementFact<R>[]) => s.map((x) => x.label).join(", ");

/**
 * LG001–LG003 for one function, from its facts alone: the single decision the live scan and every IaC flavour
 * share. Policies are judged per qualifier, because a URL on an alias answers to the alias's own policy.
 */
export function decideExposure<R>(facts: FunctionFacts<R>, now: Date): ExposureResult<R> {
  const skipped: ExposureResult<R>["skipped"] = [];
  const policies = new Map<string, PolicyDocument>();
  facts.statements.forEach((fact, i) => {
    const raw: Record<string, unknown> = { ...fact.statement, Sid: `s${i}` };
    // Code and tool-chain statements are attached to this function by the front end; their Resource is often
    // an expression (`${aws_lambda_function.x.arn}`, `!GetAtt`), so it does not narrow them further.
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
  const back = (labels: string[]): StatementFact<R>[] =>
    [...new Set(labels)]
      .map((l) => /^s(\d+)$/.exec(l)?.[1])
      .filter((x): x is string => x !== undefined)
      .map(Number)
      .sort((a, b) => a - b)
      .map((i) => facts.statements[i]!);
  const target = (k: string) => ({
    accountId: facts.target.accountId ?? "000000000000",
    partition: facts.target.partition ?? "aws",
    region: facts.target.region ?? "us-east-1",
    functionName: facts.target.functionName ?? "function",
    qualifier: k === "" ? null : k,
    now,
    ...(facts.tags ? { tags: facts.tags } : {}),
  });
  const failure = (k: string) => facts.failures?.find((f) => (f.qualifier ?? "") === k);
  const exposures: Exposure<R>[] = [];
  const removable = (s: StatementFact<R>[]): FixIntent<R>[] => {
    const own = s.filter((x) => x.provenance.kind !== "toolchain");
    return own.length > 0 ? [{ kind: "remove-statements", statements: own }] : [];
  };
  const generatedBy = (s: StatementFact<R>[]): Toolchain[] => [
    ...new Set(s.flatMap((x) => (x.provenance.kind === "toolchain" ? [x.provenance.by] : []))),
  ];
  const urlEvidence = (a: FunctionUrlAnalysis, s: StatementFact<R>[]) => {
    const by = generatedBy(s);
    return {
      statements: s.map((x) => x.label),
      invokeFunctionUrl: a.invokeFunctionUrl.exposure,
      invokeFunctionViaUrl: a.invokeFunctionViaUrl.exposure,
      ...(by.length > 0 ? { generatedBy: by } : {}),
    };
  };

  const direct = new Set<string>();
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
        ...(d.exposure === "restricted" ? { restrictions: d.restrictions } : {}),
      },
      fix: [{ kind: "scope-principal", statements }],
      reason: `its resource-based policy lets ${who} call lambda:InvokeFunction directly (${names(statements)}${limited})`,
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
            policyError: failed.error,
          },
          fix: [{ kind: "set-auth-iam", url }],
          reason: `its URL has ${authText(url.auth)}, and its resource-based policy ${failed.status === "invalid" ? "is not a valid policy document" : "could not be read"} (${failed.error}): LG001 could not be ruled out`,
        });
        continue;
      }
      const a = analyzeFunctionUrl(doc, { ...target(k), authType: "NONE" });
      const x = noneUrlExposure(a, direct.has(k));
      if (x) {
        const statements = back([
          ...a.invokeFunctionUrl.allowStatements,
          ...a.invokeFunctionViaUrl.allowStatements,
        ]);
        const restrictions = [
          ...new Set([...a.invokeFunctionUrl.restrictions, ...a.invokeFunctionViaUrl.restrictions]),
        ];
        exposures.push({
          ...x,
          qualifier: url.qualifier,
          resourceKind: "function-url",
          url,
          statements,
          evidence: {
            exposure: x.kind,
            ...authEvidence(url.auth),
            ...urlEvidence(a, statements),
            ...(x.kind === "restricted-url" ? { restrictions } : {}),
          },
          fix: [{ kind: "set-auth-iam", url }, ...removable(statements)],
          reason: `its URL has ${authText(url.auth)} and ${x.reason(names(statements), restrictions.join(", "))}`,
        });
        continue;
      }
      if (url.auth.kind !== "unknown") continue;
    }
    if (failed) continue;
    const i = analyzeIamUrl(doc, target(k));
    if (i.invokeFunctionUrl.exposure === "none") continue;
    // The InvokeFunctionUrl grant is what opens the URL: it comes first (and is where the finding goes).
    const urlGrants = back(i.invokeFunctionUrl.allowStatements);
    const statements = [
      ...urlGrants,
      ...back(i.invokeFunctionViaUrl.allowStatements).filter((x) => !urlGrants.includes(x)),
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
      reason: `its URL has ${authText(url.auth)}, but its policy grants lambda:InvokeFunctionUrl to every AWS account (${names(statements)}): any authenticated principal of any account may call the URL${i.invokeFunctionViaUrl.exposure === "none" ? " wherever AWS's legacy one-permission exception applies" : ""}`,
    });
  }

  // Qualifiers with a URL that may be NONE were judged above; an AWS_IAM URL leaves public grants latent.
  const judged = new Set(facts.urls.filter((u) => u.auth.kind !== "AWS_IAM").map((u) => u.qualifier ?? ""));
  const reported = new Set(exposures.filter((x) => x.url).map((x) => x.qualifier ?? ""));
  for (const [k, doc] of policies) {
    if (judged.has(k) || reported.has(k) || failure(k)) continue;
    // A public URL grant becomes live the moment a NONE URL is added there, or the URL is switched to NONE.
    const a = analyzeFunctionUrl(doc, { ...target(k), authType: "NONE" });
    const fu = a.invokeFunctionUrl.exposure !== "none";
    const via = a.invokeFunctionViaUrl.exposure !== "none" && !direct.has(k);
    if (!fu && !via) continue;
    const statements = back([
      ...(fu ? a.invokeFunctionUrl.allowStatements : []),
      ...(via ? a.invokeFunctionViaUrl.allowStatements : []),
    ]);
    const what = [fu ? "lambda:InvokeFunctionUrl" : "", via ? "lambda:InvokeFunction via a URL" : ""]
      .filter(Boolean)
      .join(" and ");
    exposures.push({
      rule: "LG003",
      // CONTRACTS §3: a public grant on a qualifier without a URL is latent, hence low.
      severity: "low",
      kind: "latent-grant",
      qualifier: k === "" ? null : k,
      resourceKind: "function",
      statements,
      evidence: { exposure: "latent-grant", latent: true, ...urlEvidence(a, statements) },
      fix: removable(statements),
      reason: `${facts.urls.some((u) => (u.qualifier ?? "") === k) ? "its URL has AuthType AWS_IAM" : "it has no function URL"}, but its policy publicly grants ${what} (${names(statements)}): a NONE URL there is public at once`,
    });
  }
  return { exposures, skipped };
}

function noneUrlExposure(
  a: FunctionUrlAnalysis,
  directlyPublic: boolean,
):
  | {
      rule: "LG001" | "LG003";
      severity: Severity;
      kind: ExposureKind;
      reason: (statements: string, restrictions: string) => string;
    }
  | undefined {
  if (a.url.exposure === "public")
    return {
      rule: "LG001",
      severity: "critical",
      kind: "public-url",
      reason: (s) => `its policy lets anyone on the Internet invoke it through the URL (${s})`,
    };
  if (a.url.exposure === "restricted")
    return {
      rule: "LG001",
      severity: "medium",
      kind: "restricted-url",
      reason: (s, r) =>
        `its policy lets anonymous callers invoke it through the URL (${s}) limited only by ${r}; callers are not authenticated`,
    };
  if (a.invokeFunctionUrl.exposure !== "none")
    return {
      rule: "LG003",
      severity: "high",
      kind: "url-permission-only",
      reason: (s) =>
        `its policy grants lambda:InvokeFunctionUrl publicly (${s}) but not lambda:InvokeFunction via the URL: public wherever AWS's legacy one-permission exception applies, 403 elsewhere`,
    };
  if (a.invokeFunctionViaUrl.exposure !== "none" && !directlyPublic)
    return {
      rule: "LG003",
      severity: "low",
      kind: "invoke-permission-only",
      reason: (s) =>
        `its policy grants lambda:InvokeFunction via the URL publicly (${s}) but not lambda:InvokeFunctionUrl: a latent grant the other permission makes public`,
    };
  return undefined;
}
