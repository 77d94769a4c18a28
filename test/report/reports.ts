import {
  buildReport,
  fingerprint,
  type Coverage,
  type Finding,
  type Report,
  type RuleId,
  type Severity,
} from "../../src/model/index.js";

const ACCOUNT = "111122223333";
const NOW = new Date("2026-11-23T10:00:00Z");

export function urlFinding(
  name: string,
  opts: { region?: string; qualifier?: string | null; severity?: Severity; located?: boolean } = {},
): Finding {
  const region = opts.region ?? "us-east-1";
  const arn = `arn:aws:lambda:${region}:${ACCOUNT}:function:${name}`;
  const f: Finding = {
    fingerprint: fingerprint("LG001", arn, opts.qualifier ?? null),
    rule: "LG001",
    severity: opts.severity ?? "critical",
    title: "Function URL is public",
    message: `The function URL of ${name} uses AuthType NONE and its policy lets anyone invoke it.`,
    resource: {
      kind: "function-url",
      arn,
      region,
      functionName: name,
      qualifier: opts.qualifier ?? null,
      iac: { address: `aws_lambda_function_url.${name.replace(/-/g, "_")}`, flavour: "terraform" },
    },
    evidence: { authType: "NONE", statements: ["FunctionURLAllowPublicAccess"] },
    remediation: {
      summary: "Set AuthType to AWS_IAM and remove the public statement.",
      commands: [
        `aws lambda update-function-url-config --function-name ${name} --auth-type AWS_IAM --region ${region}`,
        `aws lambda remove-permission --function-name ${name} --statement-id FunctionURLAllowPublicAccess --region ${region}`,
      ],
    },
  };
  if (opts.located) f.location = { path: "infra/main.tf", startLine: 22, endLine: 25 };
  return f;
}

export function iacFinding(i: number, rule: RuleId = "LG005", severity: Severity = "medium"): Finding {
  const address = `aws_iam_role_policy.reader_${i}`;
  return {
    fingerprint: fingerprint(rule, `infra/iam-${i % 7}.tf`, address),
    rule,
    severity,
    title: rule === "LG005" ? "Policy grants GetFunction without ListTags" : "Anyone may invoke the function",
    message: `The policy ${address} grants lambda:GetFunction but not lambda:ListTags.`,
    resource: { kind: "policy-statement", iac: { address, flavour: "terraform" } },
    location: {
      path: `infra/iam-${i % 7}.tf`,
      startLine: 10 + i,
      endLine: 10 + i,
      startColumn: 5,
      endColumn: 30,
    },
    evidence: {},
    remediation: { summary: "Add lambda:ListTags beside lambda:GetFunction.", commands: [] },
  };
}

export function principalFinding(role: string): Finding {
  const arn = `arn:aws:iam::${ACCOUNT}:role/${role}`;
  return {
    fingerprint: fingerprint("LG004", arn),
    rule: "LG004",
    severity: "medium",
    title: "GetFunction caller is not allowed lambda:ListTags",
    message: `${role} called GetFunction 42 times in the last 90 days but is not allowed lambda:ListTags.`,
    resource: { kind: "principal", arn, accountId: ACCOUNT },
    evidence: { calls: 42, functions: ["webhook"] },
    remediation: {
      summary: "Grant lambda:ListTags on the functions this role reads.",
      policy: {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "lambda:ListTags", Resource: "*" }],
      },
    },
  };
}

export const fullCoverage: Coverage[] = [
  { scope: "us-east-1/lambda", status: "complete" },
  { scope: "us-east-1/cloudtrail", status: "complete" },
];

export const brokenCoverage: Coverage[] = [
  { scope: "us-east-1/lambda", status: "complete" },
  {
    scope: "eu-west-1/lambda",
    status: "partial",
    detail: "ThrottlingException after 4 attempts: 3 functions not read",
  },
  {
    scope: "eu-west-1/cloudtrail",
    status: "failed",
    detail: "AccessDeniedException: not authorized to perform cloudtrail:LookupEvents",
  },
];

export function accountReport(findings: Finding[], coverage: Coverage[] = fullCoverage): Report {
  return buildReport({
    version: "1.2.3",
    target: {
      kind: "aws-account",
      accountId: ACCOUNT,
      partition: "aws",
      regions: ["us-east-1", "eu-west-1"],
    },
    coverage,
    findings,
    now: NOW,
  });
}

export function iacReport(
  findings: Finding[],
  coverage: Coverage[] = [{ scope: "infra/main.tf", status: "complete" }],
): Report {
  return buildReport({
    version: "1.2.3",
    target: { kind: "iac", root: "infra", repository: "octo-org/payments", commit: "a".repeat(40) },
    coverage,
    findings,
    now: NOW,
  });
}

/** A realistic mix: public URLs (one suppressed, one located), an LG004 principal, IaC findings. */
export function mixedReport(coverage: Coverage[] = fullCoverage): Report {
  const suppressed: Finding = {
    ...urlFinding("stripe-webhook"),
    suppression: { source: "config", reason: "Stripe signs every request", expires: "2027-06-30" },
  };
  return accountReport(
    [
      urlFinding("webhook"),
      urlFinding("api", { qualifier: "live", region: "eu-west-1", located: true }),
      suppressed,
      principalFinding("ci-deployer"),
      iacFinding(1),
      iacFinding(2, "LG002", "high"),
      urlFinding("ip-allow-list", { severity: "medium" }),
      {
        ...iacFinding(3, "LG003", "low"),
        title: "Function URL permissions follow only one of the two models",
      },
    ],
    coverage,
  );
}

export function manyIacFindings(n: number): Finding[] {
  return Array.from({ length: n }, (_, i) =>
    iacFinding(i, i % 3 === 0 ? "LG002" : "LG005", i % 3 === 0 ? "high" : "medium"),
  );
}
