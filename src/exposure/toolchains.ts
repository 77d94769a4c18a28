import type { Toolchain } from "./facts.js";

/**
 * What each tool chain adds to a function's resource policy without a line of code saying so: the one table
 * every IaC front end uses (and the README prints). Checked against the versions named; a tool chain that adds
 * them only for a literal value adds nothing when the value is computed (SAM with `!Ref`, CDK L1).
 */
export interface ToolchainEntry {
  by: Toolchain;
  /** What triggers it, as the user writes it. */
  trigger: string;
  /** Statement ids (or logical-id suffixes) of what it adds. */
  adds: string[];
  /** Versions this was checked against, and how. */
  checked: string;
}

export const TOOLCHAINS: Record<Toolchain, ToolchainEntry> = {
  "terraform-provider": {
    by: "terraform-provider",
    trigger:
      '`aws_lambda_function_url` with `authorization_type = "NONE"` (also terraform-aws-modules/lambda, whose default is NONE)',
    adds: ["FunctionURLAllowPublicAccess", "FunctionURLAllowInvokeAction"],
    checked:
      "hashicorp/terraform-provider-aws `function_url.go` (v4–v5 add FunctionURLAllowPublicAccess only); the v6 docs (as bridged by Pulumi AWS v7.16) add FunctionURLAllowInvokeAction too. Both are assumed: the wider exposure.",
  },
  sam: {
    by: "sam",
    trigger:
      "`FunctionUrlConfig: { AuthType: NONE }` with a literal NONE (own or from Globals); nothing for an intrinsic (`!Ref`, `!If`)",
    adds: ["<Function>UrlPublicPermissions", "<Function>URLInvokeAllowPublicAccess"],
    checked:
      "aws-sam-translator `sam_resources.py` (returns no permission unless AuthType is the literal NONE) and the SAM resource reference for FunctionUrlConfig",
  },
  serverless: {
    by: "serverless",
    trigger: "`url: true` or `url:` without `authorizer: aws_iam`",
    adds: ["<Function>LambdaPermissionFnUrl", "<Function>LambdaPermissionInvokeFnUrl"],
    checked:
      "oss-serverless/osls PR #102 (adds lambda:InvokeFunction); serverless/serverless v4 issue #13147 (InvokeFunctionUrl only until fixed). Both are assumed: the wider exposure.",
  },
  cdk: {
    by: "cdk",
    trigger:
      "L2 `addFunctionUrl` / `new FunctionUrl` with `FunctionUrlAuthType.NONE`; nothing for L1 `CfnUrl`",
    adds: ["invoke-function-url", "invoke-function"],
    checked: "aws-cdk-lib 2.276.0, synthesized in test/cross-flavour/cdk-synth.test.ts",
  },
};

/** The two statements a tool chain adds for a NONE URL, as IAM JSON (labels are the tool chain's names). */
export function publicUrlStatements(by: Toolchain): { label: string; statement: Record<string, unknown> }[] {
  const [urlSid, invokeSid] = TOOLCHAINS[by].adds as [string, string];
  return [
    {
      label: urlSid,
      statement: {
        Effect: "Allow",
        Principal: "*",
        Action: "lambda:InvokeFunctionUrl",
        Resource: "*",
        Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "NONE" } },
      },
    },
    {
      label: invokeSid,
      statement: {
        Effect: "Allow",
        Principal: "*",
        Action: "lambda:InvokeFunction",
        Resource: "*",
        Condition: { Bool: { "lambda:InvokedViaFunctionUrl": "true" } },
      },
    },
  ];
}
