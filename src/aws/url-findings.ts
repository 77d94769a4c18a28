import {
  fingerprint,
  RULES,
  type Finding,
  type Remediation,
  type RuleId,
  type Severity,
} from "../model/index.js";
import {
  decideExposure,
  type Exposure,
  type PolicyFailure,
  type StatementFact,
  type UrlFact,
} from "../exposure/index.js";
import { statementLabel } from "../policy/index.js";
import type { FunctionFacts } from "./function-facts.js";

/**
 * Rules LG001–LG003 for one function from facts already collected: the live scan's side of the one decision
 * (src/exposure). This module only turns account facts into exposure facts and exposures into report findings
 * with AWS CLI and console remediation.
 */
export function analyzeFunction(facts: FunctionFacts, now: Date = new Date()): Finding[] {
  const statements: StatementFact<null>[] = [];
  const failures: PolicyFailure[] = [];
  for (const [key, policy] of facts.policies) {
    const qualifier = key === "" ? null : key;
    if (policy.status === "ok")
      policy.document.Statement.forEach((st, i) =>
        statements.push({
          qualifier,
          label: statementLabel(st, i),
          statement: { ...st },
          provenance: { kind: "account" },
          ref: null,
        }),
      );
    else if (policy.status !== "absent")
      failures.push({ qualifier, status: policy.status, error: policy.error });
  }
  const urls: UrlFact<null>[] = facts.urls.map((u) => ({
    qualifier: u.qualifier,
    auth: { kind: u.authType },
    url: u.url,
    ref: null,
  }));
  const { exposures } = decideExposure(
    {
      target: {
        accountId: facts.accountId,
        partition: facts.partition,
        region: facts.region,
        functionName: facts.functionName,
      },
      urls,
      statements,
      failures,
      ...(facts.tags ? { tags: facts.tags } : {}),
    },
    now,
  );
  return exposures.map((x) => toFinding(facts, x));
}

function toFinding(facts: FunctionFacts, x: Exposure<null>): Finding {
  const q = x.qualifier;
  const labels = x.statements.map((s) => s.label);
  const commands: string[] = [];
  for (const intent of x.fix) {
    if (intent.kind === "set-auth-iam")
      commands.push(cli(facts, q, "update-function-url-config {fn} --auth-type AWS_IAM"));
    else
      commands.push(
        ...removeCommands(
          facts,
          q,
          intent.statements.map((s) => s.label),
        ),
      );
  }
  if (x.kind === "unanalysable-policy") commands.unshift(cli(facts, q, "get-policy {fn}"));
  const title =
    x.kind === "restricted-url"
      ? "Function URL is public to an IP allow-list"
      : x.kind === "unanalysable-policy"
        ? "Function URL may be public: its policy could not be analysed"
        : x.kind === "latent-grant"
          ? "Public function URL permission without a URL"
          : RULES[x.rule].title;
  const summary =
    x.rule === "LG002"
      ? `Remove the statements whose principal is * (${labels.join(", ")}) or scope them to the account or service that needs to invoke ${display(facts, q)} (with aws:SourceArn / aws:SourceAccount).`
      : x.kind === "unanalysable-policy"
        ? "Read the policy (aws lambda get-policy) and check it by hand, or set the URL to AWS_IAM."
        : x.url
          ? `Set the URL's auth type to AWS_IAM and remove the public statements (${labels.join(", ")}).`
          : `Remove the unused public statements (${labels.join(", ")}).`;
  const endpoint = x.url?.url ? { url: x.url.url } : {};
  return base(
    x.rule,
    x.severity,
    facts,
    q,
    x.resourceKind,
    title,
    `${display(facts, q)}: ${x.reason}.`,
    { ...x.evidence, ...endpoint },
    {
      summary,
      commands,
      console: consoleSteps(facts, q, x.url !== undefined),
      notes: unnamedNote(labels),
    },
  );
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
