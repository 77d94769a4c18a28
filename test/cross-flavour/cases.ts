/**
 * One exposure described once, rendered in every flavour. A case's URL policy is exactly its grants (plus the two
 * public URL permissions when `generated`): each renderer writes that the way users of the flavour do, using the
 * tool chain where it adds the permissions itself, and written permissions or a whole resource policy elsewhere.
 */
import { stringify } from "yaml";
import type { Finding } from "../../src/model/index.js";

export type Flavour =
  "terraform" | "cfn-yaml" | "cfn-json" | "sam" | "serverless" | "cdk-ts" | "cdk-py" | "live";
export const FLAVOURS: Flavour[] = [
  "terraform",
  "cfn-yaml",
  "cfn-json",
  "sam",
  "serverless",
  "cdk-ts",
  "cdk-py",
  "live",
];

export interface Grant {
  action: "url" | "via" | "invoke";
  principal?: "*" | "account";
  qualifier?: "live";
  sourceArn?: boolean;
  orgId?: boolean;
}

export interface Case {
  id: string;
  /** The unqualified function's URL: NONE, or NONE only under a condition (a parameter, a context value). */
  url?: "NONE" | "conditional";
  /** The two public URL permissions exist: added by the tool chain where it does so, written elsewhere. */
  generated?: boolean;
  grants?: Grant[];
  /** A Deny on both URL actions for everyone (only a whole resource policy can say it). */
  deny?: boolean;
  /** The exposure is recorded as intended in the configuration. */
  allowed?: boolean;
  /** Actions of an identity policy (LG005, IaC only). */
  iam?: string[];
  /** rule/severity/evidence.exposure, sorted. */
  want: string[];
  skip?: Partial<Record<Flavour, string>>;
}

const PUBLIC: Grant[] = [{ action: "url" }, { action: "via" }];
const DENY_CDK = "CDK's Lambda API adds Allow permissions only; a Deny needs a raw resource policy";

export const CASES: Case[] = [
  { id: "public", url: "NONE", generated: true, want: ["LG001/critical/public-url"] },
  {
    id: "alias-only",
    grants: PUBLIC.map((g) => ({ ...g, qualifier: "live" as const })),
    want: ["LG003/low/latent-grant"],
  },
  {
    id: "url-permission-only",
    url: "NONE",
    grants: [{ action: "url" }],
    want: ["LG003/high/url-permission-only"],
  },
  {
    id: "invoke-permission-only",
    url: "NONE",
    grants: [{ action: "via" }],
    want: ["LG003/low/invoke-permission-only"],
  },
  {
    id: "account-only",
    url: "NONE",
    grants: PUBLIC.map((g) => ({ ...g, principal: "account" as const })),
    want: [],
  },
  { id: "org-restricted", url: "NONE", grants: PUBLIC.map((g) => ({ ...g, orgId: true })), want: [] },
  { id: "source-arn", grants: [{ action: "invoke", sourceArn: true }], want: [] },
  { id: "conditional", url: "conditional", generated: true, want: ["LG001/critical/public-url"] },
  { id: "intent", url: "NONE", generated: true, allowed: true, want: ["LG001/critical/public-url"] },
  { id: "no-permission", url: "NONE", grants: [], want: [] },
  {
    id: "deny",
    url: "NONE",
    grants: PUBLIC,
    deny: true,
    want: [],
    skip: { "cdk-ts": DENY_CDK, "cdk-py": DENY_CDK },
  },
  { id: "public-invoke", grants: [{ action: "invoke" }], want: ["LG002/high/public-invoke"] },
  {
    id: "getfunction",
    iam: ["lambda:GetFunction"],
    want: ["LG005/medium/-"],
    skip: { live: "LG005 is an IaC rule" },
  },
  {
    id: "list-star",
    iam: ["lambda:GetFunction", "lambda:List*"],
    want: [],
    skip: { live: "LG005 is an IaC rule" },
  },
];

// ---------------------------------------------------------------- policy JSON (live, resource policies)

const ACCOUNT = "111122223333";
const ACTION = {
  url: "lambda:InvokeFunctionUrl",
  via: "lambda:InvokeFunction",
  invoke: "lambda:InvokeFunction",
};

export function statement(g: Grant, arn: string): Record<string, unknown> {
  const condition: Record<string, Record<string, string>> = {};
  if (g.action === "url") condition.StringEquals = { "lambda:FunctionUrlAuthType": "NONE" };
  if (g.action === "via") condition.Bool = { "lambda:InvokedViaFunctionUrl": "true" };
  if (g.orgId) condition.StringEquals = { ...condition.StringEquals, "aws:PrincipalOrgID": "o-abc123def4" };
  if (g.sourceArn) condition.ArnLike = { "aws:SourceArn": "arn:aws:s3:::uploads-bucket" };
  return {
    Effect: "Allow",
    Principal: g.principal === "account" ? { AWS: `arn:aws:iam::${ACCOUNT}:root` } : "*",
    Action: ACTION[g.action],
    Resource: arn,
    ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
  };
}

const DENY = (arn: string) => ({
  Effect: "Deny",
  Principal: "*",
  Action: ["lambda:InvokeFunctionUrl", "lambda:InvokeFunction"],
  Resource: arn,
});

const grantsOf = (c: Case): Grant[] => [...(c.generated ? PUBLIC : []), ...(c.grants ?? [])];

// ---------------------------------------------------------------- live (emulator state)

export function liveFunction(c: Case): Record<string, unknown> {
  const arn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${c.id}`;
  const byQ = new Map<string, unknown[]>();
  grantsOf(c).forEach((g, i) => {
    const q = g.qualifier ?? "";
    byQ.set(q, [...(byQ.get(q) ?? []), { Sid: `s${i}`, ...statement(g, q ? `${arn}:${q}` : arn) }]);
  });
  if (c.deny) byQ.set("", [...(byQ.get("") ?? []), { Sid: "deny", ...DENY(arn) }]);
  return {
    region: "us-east-1",
    name: c.id,
    runtime: "nodejs22.x",
    versions: ["1"],
    aliases: [{ name: "live", version: "1" }],
    urls: c.url ? [{ qualifier: null, authType: "NONE" }] : [],
    policies: Object.fromEntries(
      [...byQ].map(([q, Statement]) => [q, { Version: "2012-10-17", Id: "default", Statement }]),
    ),
  };
}

// ---------------------------------------------------------------- Terraform

export function terraform(c: Case): string {
  const out: string[] = [
    `resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n  role          = "arn:aws:iam::${ACCOUNT}:role/fn"\n  handler       = "index.handler"\n  runtime       = "nodejs22.x"\n  filename      = "fn.zip"\n}\n`,
  ];
  const fn = "aws_lambda_function.fn.function_name";
  if (c.url === "conditional") out.push(`variable "public" {\n  type = bool\n}\n`);
  if (c.url)
    out.push(
      `resource "aws_lambda_function_url" "fn" {\n  function_name      = ${fn}\n  authorization_type = ${c.url === "NONE" ? '"NONE"' : 'var.public ? "NONE" : "AWS_IAM"'}\n}\n`,
    );
  const written = c.grants ?? [];
  // The provider adds the public permissions for a NONE URL; any other URL policy is a whole resource policy.
  if (c.url && !c.generated) {
    const stmts = [...written.map((g) => statement(g, "*")), ...(c.deny ? [DENY("*")] : [])];
    out.push(
      `resource "aws_lambda_resource_policy" "fn" {\n  function_name = ${fn}\n  policy = jsonencode(${JSON.stringify({ Version: "2012-10-17", Statement: stmts }, null, 2)})\n}\n`,
    );
  } else
    written.forEach((g, i) => {
      const lines = [
        `  action        = "${ACTION[g.action]}"`,
        `  function_name = ${fn}`,
        `  principal     = "${g.principal === "account" ? ACCOUNT : "*"}"`,
        ...(g.qualifier ? [`  qualifier     = "${g.qualifier}"`] : []),
        ...(g.action === "url" ? ['  function_url_auth_type = "NONE"'] : []),
        ...(g.action === "via" ? ["  invoked_via_function_url = true"] : []),
        ...(g.sourceArn ? ['  source_arn    = "arn:aws:s3:::uploads-bucket"'] : []),
        ...(g.orgId ? ['  principal_org_id = "o-abc123def4"'] : []),
      ];
      out.push(`resource "aws_lambda_permission" "g${i}" {\n${lines.join("\n")}\n}\n`);
    });
  if (c.iam)
    out.push(
      `resource "aws_iam_policy" "reader" {\n  name = "reader"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = ${JSON.stringify(c.iam)}\n      Resource = "*"\n    }]\n  })\n}\n`,
    );
  return out.join("\n");
}

// ---------------------------------------------------------------- CloudFormation family

const GETATT = (id: string) => ({ "Fn::GetAtt": [id, "Arn"] });

function permission(g: Grant, target: unknown): Record<string, unknown> {
  return {
    Type: "AWS::Lambda::Permission",
    Properties: {
      Action: ACTION[g.action],
      FunctionName: g.qualifier ? { Ref: "LiveAlias" } : target,
      Principal: g.principal === "account" ? { Ref: "AWS::AccountId" } : "*",
      ...(g.action === "url" ? { FunctionUrlAuthType: "NONE" } : {}),
      ...(g.action === "via" ? { InvokedViaFunctionUrl: true } : {}),
      ...(g.sourceArn ? { SourceArn: "arn:aws:s3:::uploads-bucket" } : {}),
      ...(g.orgId ? { PrincipalOrgID: "o-abc123def4" } : {}),
    },
  };
}

/** Resources for the URL, grants, Deny and identity policy around the function `fnId`. */
function cfnResources(c: Case, fnId: string, opts: { nativeUrl: boolean }): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  const auth = c.url === "conditional" ? { "Fn::If": ["IsPublic", "NONE", "AWS_IAM"] } : "NONE";
  if (c.url && !opts.nativeUrl)
    r.FnUrl = { Type: "AWS::Lambda::Url", Properties: { TargetFunctionArn: GETATT(fnId), AuthType: auth } };
  const written = [...(c.generated && !opts.nativeUrl ? PUBLIC : []), ...(c.grants ?? [])];
  if (written.some((g) => g.qualifier))
    r.LiveAlias = {
      Type: "AWS::Lambda::Alias",
      Properties: { FunctionName: { Ref: fnId }, FunctionVersion: "1", Name: "live" },
    };
  if (c.deny)
    r.FnPolicy = {
      Type: "AWS::Lambda::ResourcePolicy",
      Properties: {
        ResourceArn: GETATT(fnId),
        PolicyDocument: {
          Version: "2012-10-17",
          Statement: [...written.map((g) => statement(g, "*")), DENY("*")],
        },
      },
    };
  else written.forEach((g, i) => (r[`Grant${i}`] = permission(g, { Ref: fnId })));
  if (c.iam)
    r.ReaderPolicy = {
      Type: "AWS::IAM::ManagedPolicy",
      Properties: {
        PolicyDocument: {
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: c.iam, Resource: "*" }],
        },
      },
    };
  return r;
}

const CONDITIONAL = {
  Parameters: { Env: { Type: "String", Default: "prod" } },
  Conditions: { IsPublic: { "Fn::Equals": [{ Ref: "Env" }, "dev"] } },
};

function cfnTemplate(c: Case): Record<string, unknown> {
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    ...(c.url === "conditional" ? CONDITIONAL : {}),
    Resources: {
      Fn: {
        Type: "AWS::Lambda::Function",
        Properties: {
          FunctionName: "fn",
          Runtime: "nodejs22.x",
          Handler: "index.handler",
          Role: `arn:aws:iam::${ACCOUNT}:role/fn`,
          Code: { ZipFile: "exports.handler = async () => 1" },
        },
      },
      ...cfnResources(c, "Fn", { nativeUrl: false }),
    },
  };
}

export const cfnYaml = (c: Case) => stringify(cfnTemplate(c));
export const cfnJson = (c: Case) => JSON.stringify(cfnTemplate(c), null, 2);

export function sam(c: Case): string {
  // SAM adds the public permissions for a literal NONE only: other cases write them like CloudFormation.
  const native = c.url === "NONE" && !!c.generated;
  return stringify({
    AWSTemplateFormatVersion: "2010-09-09",
    Transform: "AWS::Serverless-2016-10-31",
    ...(c.url === "conditional" ? CONDITIONAL : {}),
    Resources: {
      Fn: {
        Type: "AWS::Serverless::Function",
        Properties: {
          FunctionName: "fn",
          Runtime: "nodejs22.x",
          Handler: "index.handler",
          CodeUri: "src/",
          ...(native ? { FunctionUrlConfig: { AuthType: "NONE" } } : {}),
        },
      },
      ...cfnResources(c, "Fn", { nativeUrl: native }),
    },
  });
}

export function serverless(c: Case): string {
  // The Framework adds the public permissions for `url: true` (and an authorizer it cannot resolve here).
  const native = !!c.url && !!c.generated;
  const url = c.url === "conditional" ? { authorizer: "${param:urlAuth}" } : true;
  const resources = cfnResources(c, "FnLambdaFunction", { nativeUrl: native });
  return stringify({
    service: "svc",
    provider: { name: "aws", runtime: "nodejs22.x", stage: "dev" },
    functions: { fn: { handler: "index.handler", name: "fn", ...(native ? { url } : {}) } },
    ...(Object.keys(resources).length > 0 ? { resources: { Resources: resources } } : {}),
  });
}

// ---------------------------------------------------------------- CDK

interface Cdk {
  header: string;
  fn: string;
  alias: string;
  urlL2: (auth: string) => string;
  urlL1: (auth: string) => string;
  perm: (i: number, g: Grant) => string;
  iam: (actions: string[]) => string;
  none: string;
  computed: string;
  footer: string;
}

function cdk(c: Case, k: Cdk): string {
  const body: string[] = [k.fn];
  const written = c.grants ?? [];
  if (written.some((g) => g.qualifier)) body.push(k.alias);
  // CDK L2 adds the public permissions for a NONE (or computed) auth type; L1 CfnUrl adds nothing.
  if (c.url && c.generated) body.push(k.urlL2(c.url === "NONE" ? k.none : k.computed));
  else if (c.url) body.push(k.urlL1('"NONE"'));
  written.forEach((g, i) => body.push(k.perm(i, g)));
  if (c.iam) body.push(k.iam(c.iam));
  return `${k.header}${body.join("")}${k.footer}`;
}

export const cdkTs = (c: Case) =>
  cdk(c, {
    header: `import * as cdk from "aws-cdk-lib";\nimport * as iam from "aws-cdk-lib/aws-iam";\nimport * as lambda from "aws-cdk-lib/aws-lambda";\n\nexport class CaseStack extends cdk.Stack {\n  constructor(scope: cdk.App, id: string) {\n    super(scope, id);\n`,
    fn: `    const fn = new lambda.Function(this, "Fn", {\n      functionName: "fn",\n      runtime: lambda.Runtime.NODEJS_22_X,\n      handler: "index.handler",\n      code: lambda.Code.fromInline("exports.handler = async () => 1"),\n    });\n`,
    alias: `    const live = new lambda.Alias(this, "Live", { aliasName: "live", version: fn.currentVersion });\n`,
    urlL2: (auth) => `    fn.addFunctionUrl({ authType: ${auth} });\n`,
    urlL1: (auth) =>
      `    new lambda.CfnUrl(this, "Url", { targetFunctionArn: fn.functionArn, authType: ${auth} });\n`,
    perm: (i, g) =>
      `    new lambda.CfnPermission(this, "Grant${i}", {\n      action: "${ACTION[g.action]}",\n      functionName: ${g.qualifier ? "live.functionArn" : "fn.functionName"},\n      principal: ${g.principal === "account" ? "this.account" : '"*"'},\n${g.action === "url" ? '      functionUrlAuthType: "NONE",\n' : ""}${g.action === "via" ? "      invokedViaFunctionUrl: true,\n" : ""}${g.sourceArn ? '      sourceArn: "arn:aws:s3:::uploads-bucket",\n' : ""}${g.orgId ? '      principalOrgId: "o-abc123def4",\n' : ""}    });\n`,
    iam: (actions) =>
      `    const reader = new iam.Role(this, "Reader", { assumedBy: new iam.AccountRootPrincipal() });\n    reader.addToPolicy(new iam.PolicyStatement({ actions: ${JSON.stringify(actions)}, resources: ["*"] }));\n`,
    none: "lambda.FunctionUrlAuthType.NONE",
    computed:
      'this.node.tryGetContext("public") === "yes" ? lambda.FunctionUrlAuthType.NONE : lambda.FunctionUrlAuthType.AWS_IAM',
    footer: "  }\n}\n",
  });

export const cdkPy = (c: Case) =>
  cdk(c, {
    header: `import aws_cdk as cdk\nfrom aws_cdk import aws_iam as iam\nfrom aws_cdk import aws_lambda as lambda_\nfrom constructs import Construct\n\n\nclass CaseStack(cdk.Stack):\n    def __init__(self, scope: Construct, construct_id: str) -> None:\n        super().__init__(scope, construct_id)\n`,
    fn: `        fn = lambda_.Function(\n            self,\n            "Fn",\n            function_name="fn",\n            runtime=lambda_.Runtime.PYTHON_3_12,\n            handler="index.handler",\n            code=lambda_.Code.from_inline("def handler(e, c): return 1"),\n        )\n`,
    alias: `        live = lambda_.Alias(self, "Live", alias_name="live", version=fn.current_version)\n`,
    urlL2: (auth) => `        fn.add_function_url(auth_type=${auth})\n`,
    urlL1: (auth) =>
      `        lambda_.CfnUrl(self, "Url", target_function_arn=fn.function_arn, auth_type=${auth})\n`,
    perm: (i, g) =>
      `        lambda_.CfnPermission(\n            self,\n            "Grant${i}",\n            action="${ACTION[g.action]}",\n            function_name=${g.qualifier ? "live.function_arn" : "fn.function_name"},\n            principal=${g.principal === "account" ? "self.account" : '"*"'},\n${g.action === "url" ? '            function_url_auth_type="NONE",\n' : ""}${g.action === "via" ? "            invoked_via_function_url=True,\n" : ""}${g.sourceArn ? '            source_arn="arn:aws:s3:::uploads-bucket",\n' : ""}${g.orgId ? '            principal_org_id="o-abc123def4",\n' : ""}        )\n`,
    iam: (actions) =>
      `        reader = iam.Role(self, "Reader", assumed_by=iam.AccountRootPrincipal())\n        reader.add_to_policy(iam.PolicyStatement(actions=${JSON.stringify(actions)}, resources=["*"]))\n`,
    none: "lambda_.FunctionUrlAuthType.NONE",
    computed:
      'lambda_.FunctionUrlAuthType.NONE if self.node.try_get_context("public") == "yes" else lambda_.FunctionUrlAuthType.AWS_IAM',
    footer: "",
  });

/** The files of a case in an IaC flavour. */
export function render(c: Case, f: Exclude<Flavour, "live">): { path: string; text: string }[] {
  switch (f) {
    case "terraform":
      return [{ path: "main.tf", text: terraform(c) }];
    case "cfn-yaml":
      return [{ path: "template.yaml", text: cfnYaml(c) }];
    case "cfn-json":
      return [{ path: "template.json", text: cfnJson(c) }];
    case "sam":
      return [{ path: "template.yaml", text: sam(c) }];
    case "serverless":
      return [{ path: "serverless.yml", text: serverless(c) }];
    case "cdk-ts":
      return [{ path: "lib/stack.ts", text: cdkTs(c) }];
    case "cdk-py":
      return [{ path: "app_stack.py", text: cdkPy(c) }];
  }
}

/** What the suite compares: rule, severity and evidence kind (and whether intent suppressed it). */
export const verdict = (findings: Finding[]) =>
  findings
    .map(
      (f) =>
        `${f.rule}/${f.severity}/${String(f.evidence.exposure ?? "-")}${f.suppression ? "/suppressed" : ""}`,
    )
    .sort();
