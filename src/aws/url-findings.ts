import {
  fingerprint,
  RULES,
  type Finding,
  type Remediation,
  type RuleId,
  type Severity,
} from "../model/index.js";
import { analyzeDirectInvoke, analyzeFunctionUrl, type ExposureVerdict } from "../policy/index.js";
import type { FunctionFacts, PolicyFact, UrlFact } from "./function-facts.js";

/**
 * Rules LG001–LG003 for one function, from facts already collected: pure, so every case is testable
 * without AWS. Policies are looked up per qualifier because a URL on an alias is governed by the
 * alias's own policy, not the unqualified function's.
 */
export function analyzeFunction(facts: FunctionFacts, now: Date = new Date()): Finding[] {
  const findings: Finding[] = [];
  const urlQualifiers = new Set(facts.urls.map((u) => u.qualifier ?? ""));

  // Qualifiers anyone may invoke directly (LG002). A public InvokeFunction also satisfies the via-URL half of
  // the URL model; LG002 already says more than "latent", so LG003-low is not repeated for them.
  const directlyPublic = new Set<string>();
  for (const [qualifierKey, policy] of facts.policies) {
    if (policy.status !== "ok") continue;
    const qualifier = qualifierKey === "" ? null : qualifierKey;
    const direct = analyzeDirectInvoke(policy.document, targetOf(facts, qualifier, now));
    if (direct.exposure === "none") continue;
    directlyPublic.add(qualifierKey);
    findings.push(directInvokeFinding(facts, qualifier, direct, direct.scope));
  }

  for (const url of facts.urls) {
    if (url.authType !== "NONE") continue;
    const key = url.qualifier ?? "";
    const policy = facts.policies.get(key) ?? { status: "absent" as const };
    const f = urlFinding(facts, url, policy, now);
    if (f && !(f.rule === "LG003" && f.severity === "low" && directlyPublic.has(key))) findings.push(f);
  }

  for (const [qualifierKey, policy] of facts.policies) {
    if (policy.status !== "ok" || urlQualifiers.has(qualifierKey)) continue;
    // A public URL grant on a qualifier that has no URL is latent: it becomes live the moment someone
    // adds a NONE URL there.
    const qualifier = qualifierKey === "" ? null : qualifierKey;
    const latent = analyzeFunctionUrl(policy.document, {
      ...targetOf(facts, qualifier, now),
      authType: "NONE",
    });
    const urlPublic = latent.invokeFunctionUrl.exposure !== "none";
    const invokePublic = latent.invokeFunctionViaUrl.exposure !== "none" && !directlyPublic.has(qualifierKey);
    if (urlPublic || invokePublic) {
      findings.push(latentFinding(facts, qualifier, latent.invokeFunctionUrl, latent.invokeFunctionViaUrl));
    }
  }
  return findings;
}

function targetOf(facts: FunctionFacts, qualifier: string | null, now: Date) {
  return {
    accountId: facts.accountId,
    partition: facts.partition,
    region: facts.region,
    functionName: facts.functionName,
    qualifier,
    now,
  };
}

function display(facts: FunctionFacts, qualifier: string | null): string {
  return qualifier ? `${facts.functionName}:${qualifier}` : facts.functionName;
}

function cli(facts: FunctionFacts, qualifier: string | null, rest: string): string {
  const q = qualifier ? ` --qualifier ${qualifier}` : "";
  return `aws lambda ${rest.replace("{fn}", `--function-name ${facts.functionName}${q}`)} --region ${facts.region}`;
}

function removeCommands(facts: FunctionFacts, qualifier: string | null, statements: string[]): string[] {
  return statements
    .filter((s) => !s.startsWith("#"))
    .map((sid) => cli(facts, qualifier, `remove-permission {fn} --statement-id ${sid}`));
}

function unnamedNote(statements: string[]): string[] {
  return statements.some((s) => s.startsWith("#"))
    ? [
        "Some public statements have no Sid, so remove-permission cannot name them: rewrite the policy with `aws lambda put-resource-policy` (or in the IaC) without them.",
      ]
    : [];
}

function consoleSteps(facts: FunctionFacts, qualifier: string | null, url: boolean): string[] {
  const where = qualifier ? ` (alias or version ${qualifier})` : "";
  const steps = [`Lambda console → Functions → ${facts.functionName}${where} → Configuration.`];
  if (url) steps.push("Function URL → Edit → Auth type: AWS_IAM → Save.");
  steps.push(
    "Permissions → Resource-based policy statements → delete the public statements listed in the evidence.",
  );
  return steps;
}

function base(
  rule: RuleId,
  severity: Severity,
  facts: FunctionFacts,
  qualifier: string | null,
  kind: "function-url" | "function",
  title: string,
  message: string,
  evidence: Record<string, unknown>,
  remediation: Remediation,
): Finding {
  return {
    fingerprint: fingerprint(rule, facts.functionArn, qualifier),
    rule,
    severity,
    title,
    message,
    resource: {
      kind,
      arn: facts.functionArn,
      region: facts.region,
      accountId: facts.accountId,
      functionName: facts.functionName,
      qualifier,
      ...(facts.tags ? { tags: facts.tags } : {}),
    },
    evidence,
    remediation,
  };
}

function urlFinding(facts: FunctionFacts, url: UrlFact, policy: PolicyFact, now: Date): Finding | null {
  const q = url.qualifier;
  const name = display(facts, q);
  const fixUrl = cli(facts, q, "update-function-url-config {fn} --auth-type AWS_IAM");

  if (policy.status === "invalid" || policy.status === "unreadable") {
    // We cannot prove the URL is private, so say so as a finding rather than passing it silently.
    return base(
      "LG001",
      "high",
      facts,
      q,
      "function-url",
      "Function URL may be public: its policy could not be analysed",
      `${name} has a function URL with AuthType NONE, and its resource-based policy ${policy.status === "invalid" ? "is not a valid policy document" : "could not be read"} (${policy.error}). LG001 could not be ruled out.`,
      { authType: "NONE", url: url.url, policyStatus: policy.status, policyError: policy.error },
      {
        summary: `Read the policy (aws lambda get-policy) and check it by hand, or set the URL to AWS_IAM.`,
        commands: [cli(facts, q, "get-policy {fn}"), fixUrl],
        console: consoleSteps(facts, q, true),
      },
    );
  }

  const doc = policy.status === "ok" ? policy.document : null;
  const a = analyzeFunctionUrl(doc, { ...targetOf(facts, q, now), authType: "NONE" });
  const evidence = (extra: Record<string, unknown> = {}) => ({
    authType: "NONE",
    url: url.url,
    statements: unique([...a.invokeFunctionUrl.allowStatements, ...a.invokeFunctionViaUrl.allowStatements]),
    invokeFunctionUrl: a.invokeFunctionUrl.exposure,
    invokeFunctionViaUrl: a.invokeFunctionViaUrl.exposure,
    ...extra,
  });
  const statements = unique([
    ...a.invokeFunctionUrl.allowStatements,
    ...a.invokeFunctionViaUrl.allowStatements,
  ]);

  if (a.url.exposure !== "none") {
    const restricted = a.url.exposure === "restricted";
    const restrictions = unique([
      ...a.invokeFunctionUrl.restrictions,
      ...a.invokeFunctionViaUrl.restrictions,
    ]);
    return base(
      "LG001",
      restricted ? "medium" : RULES.LG001.defaultSeverity,
      facts,
      q,
      "function-url",
      restricted ? "Function URL is public to an IP allow-list" : RULES.LG001.title,
      restricted
        ? `${name} has a function URL with AuthType NONE whose policy lets anonymous callers from ${restrictions.join(", ")} invoke it. Only the source-IP condition stands between the URL and everyone; callers are not authenticated.`
        : `${name} has a function URL with AuthType NONE, and its resource-based policy lets anyone on the Internet invoke it (statements ${statements.join(", ")}). Anyone who learns ${url.url} can run the function.`,
      evidence(restricted ? { restrictions } : {}),
      {
        summary: `Set the URL's auth type to AWS_IAM and remove the public statements (${statements.join(", ")}).`,
        commands: [fixUrl, ...removeCommands(facts, q, statements)],
        console: consoleSteps(facts, q, true),
        notes: unnamedNote(statements),
      },
    );
  }

  const urlPub = a.invokeFunctionUrl.exposure !== "none";
  const invPub = a.invokeFunctionViaUrl.exposure !== "none";
  if (!urlPub && !invPub) return null;
  return base(
    "LG003",
    urlPub ? "high" : "low",
    facts,
    q,
    "function-url",
    RULES.LG003.title,
    urlPub
      ? `${name} has a function URL with AuthType NONE whose policy grants lambda:InvokeFunctionUrl publicly but not lambda:InvokeFunction (with lambda:InvokedViaFunctionUrl). Under AWS's legacy one-permission exception the URL is public; elsewhere it answers 403.`
      : `${name} has a function URL with AuthType NONE whose policy grants lambda:InvokeFunction via the URL publicly but not lambda:InvokeFunctionUrl. The grant is latent: adding the other permission makes the URL public.`,
    evidence({ model: urlPub ? "InvokeFunctionUrl only" : "InvokeFunction only" }),
    {
      summary: `Decide whether the URL should be public. If not, set AWS_IAM and remove ${statements.join(", ")}.`,
      commands: [fixUrl, ...removeCommands(facts, q, statements)],
      console: consoleSteps(facts, q, true),
      notes: unnamedNote(statements),
    },
  );
}

function latentFinding(
  facts: FunctionFacts,
  qualifier: string | null,
  urlPerm: ExposureVerdict,
  invokePerm: ExposureVerdict,
): Finding {
  const statements = unique([...urlPerm.allowStatements, ...invokePerm.allowStatements]);
  const name = display(facts, qualifier);
  return base(
    "LG003",
    // CONTRACTS §3: a public grant on a qualifier without a URL is latent, hence low.
    "low",
    facts,
    qualifier,
    "function",
    "Public function URL permission without a URL",
    `${name} has no function URL, but its policy publicly grants ${[urlPerm.exposure !== "none" ? "lambda:InvokeFunctionUrl" : "", invokePerm.exposure !== "none" ? "lambda:InvokeFunction via URL" : ""].filter(Boolean).join(" and ")} (${statements.join(", ")}). The grant is latent: a NONE URL added there later is public at once.`,
    {
      latent: true,
      statements,
      invokeFunctionUrl: urlPerm.exposure,
      invokeFunctionViaUrl: invokePerm.exposure,
    },
    {
      summary: `Remove the unused public statements (${statements.join(", ")}).`,
      commands: removeCommands(facts, qualifier, statements),
      console: consoleSteps(facts, qualifier, false),
      notes: unnamedNote(statements),
    },
  );
}

function directInvokeFinding(
  facts: FunctionFacts,
  qualifier: string | null,
  v: ExposureVerdict,
  scope: string,
): Finding {
  const name = display(facts, qualifier);
  const who = scope === "any-account" ? "any AWS account" : "anyone";
  return base(
    "LG002",
    RULES.LG002.defaultSeverity,
    facts,
    qualifier,
    "function",
    RULES.LG002.title,
    `The resource-based policy of ${name} lets ${who} call lambda:InvokeFunction directly (statements ${v.allowStatements.join(", ")}${v.exposure === "restricted" ? `, limited to ${v.restrictions.join(", ")}` : ""}).`,
    { statements: v.allowStatements, scope, exposure: v.exposure, restrictions: v.restrictions },
    {
      summary: `Remove the statements whose principal is * (${v.allowStatements.join(", ")}) or scope them to the account or service that needs to invoke ${name} (with aws:SourceArn / aws:SourceAccount).`,
      commands: removeCommands(facts, qualifier, v.allowStatements),
      console: consoleSteps(facts, qualifier, false),
      notes: unnamedNote(v.allowStatements),
    },
  );
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
