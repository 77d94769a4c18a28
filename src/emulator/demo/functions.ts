import type { EmulatedFunction } from "../state.js";

export const DEMO_ACCOUNT_ID = "111122223333";
export const DEMO_REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2"];

const arn = (region: string, name: string, q?: string) =>
  `arn:aws:lambda:${region}:${DEMO_ACCOUNT_ID}:function:${name}${q ? `:${q}` : ""}`;

/** The two statements AWS writes for a NONE URL since October 2025 (console / CLI / SAM). */
export function publicUrlStatements(resource: string, condition?: Record<string, unknown>) {
  return [
    {
      Sid: "FunctionURLAllowPublicAccess",
      Effect: "Allow",
      Principal: "*",
      Action: "lambda:InvokeFunctionUrl",
      Resource: resource,
      Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "NONE" }, ...condition },
    },
    {
      Sid: "FunctionURLAllowInvokeAction",
      Effect: "Allow",
      Principal: "*",
      Action: "lambda:InvokeFunction",
      Resource: resource,
      Condition: { Bool: { "lambda:InvokedViaFunctionUrl": "true" }, ...condition },
    },
  ];
}

const policy = (...Statement: unknown[]) => ({ Version: "2012-10-17", Id: "default", Statement });

function fn(region: string, name: string, extra: Partial<EmulatedFunction> = {}): EmulatedFunction {
  return {
    region,
    name,
    runtime: "nodejs22.x",
    tags: {},
    versions: [],
    aliases: [],
    urls: [],
    policies: {},
    ...extra,
  };
}

/** One function per case the demo must show (issue: live account scan), plus clean neighbours. */
export function demoFunctions(): EmulatedFunction[] {
  return [
    // Public URL on $LATEST, deployed by CloudFormation (tags let `fix --report` find the template).
    fn("us-east-1", "webhook", {
      tags: {
        "aws:cloudformation:stack-name": "payments",
        "aws:cloudformation:logical-id": "WebhookFunction",
        team: "payments",
      },
      urls: [
        {
          qualifier: null,
          authType: "NONE",
          creationTime: "2024-05-01T00:00:00Z",
          cors: { AllowOrigins: ["*"] },
        },
      ],
      policies: { "": policy(...publicUrlStatements(arn("us-east-1", "webhook"))) },
    }),
    // Public URL on an alias only: the unqualified function is private.
    fn("us-east-1", "checkout", {
      versions: ["1", "2"],
      aliases: [{ name: "live", version: "2" }],
      urls: [{ qualifier: "live", authType: "NONE", creationTime: "2025-11-02T00:00:00Z" }],
      policies: { live: policy(...publicUrlStatements(arn("us-east-1", "checkout", "live"))) },
    }),
    // AWS_IAM URL: callers must sign requests.
    fn("us-east-1", "reports", {
      urls: [{ qualifier: null, authType: "AWS_IAM", creationTime: "2025-01-10T00:00:00Z" }],
    }),
    // NONE URL whose policy names one partner account: anonymous callers get 403.
    fn("us-east-1", "partner-api", {
      urls: [{ qualifier: null, authType: "NONE", creationTime: "2025-03-01T00:00:00Z" }],
      policies: {
        "": policy(
          {
            Sid: "PartnerUrl",
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::444455556666:root" },
            Action: "lambda:InvokeFunctionUrl",
            Resource: arn("us-east-1", "partner-api"),
            Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "NONE" } },
          },
          {
            Sid: "PartnerInvoke",
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::444455556666:root" },
            Action: "lambda:InvokeFunction",
            Resource: arn("us-east-1", "partner-api"),
          },
        ),
      },
    }),
    // Public only under the old one-permission model (LG003).
    fn("us-east-1", "legacy-export", {
      urls: [{ qualifier: null, authType: "NONE", creationTime: "2023-02-14T00:00:00Z" }],
      policies: { "": policy(publicUrlStatements(arn("us-east-1", "legacy-export"))[0]) },
    }),
    // Service-principal grant scoped by source: not public.
    fn("us-east-1", "thumbnailer", {
      policies: {
        "": policy({
          Sid: "s3-invoke",
          Effect: "Allow",
          Principal: { Service: "s3.amazonaws.com" },
          Action: "lambda:InvokeFunction",
          Resource: arn("us-east-1", "thumbnailer"),
          Condition: {
            StringEquals: { "AWS:SourceAccount": DEMO_ACCOUNT_ID },
            ArnLike: { "AWS:SourceArn": "arn:aws:s3:::demo-uploads" },
          },
        }),
      },
    }),
    // Anyone may call lambda:InvokeFunction directly (LG002).
    fn("eu-west-1", "image-resizer", {
      policies: {
        "": policy({
          Sid: "AllowAnyone",
          Effect: "Allow",
          Principal: "*",
          Action: "lambda:InvokeFunction",
          Resource: arn("eu-west-1", "image-resizer"),
        }),
      },
    }),
    // Public URL behind a public-range source-IP allow-list (LG001 at medium).
    fn("eu-west-1", "office-dashboard", {
      urls: [{ qualifier: null, authType: "NONE", creationTime: "2025-06-01T00:00:00Z" }],
      policies: {
        "": policy(
          ...publicUrlStatements(arn("eu-west-1", "office-dashboard"), {
            IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "198.51.100.7/32"] },
          }),
        ),
      },
    }),
    fn("eu-west-1", "nightly-billing"),
    // A policy Lambda returns but nobody can parse: the scan must say it could not rule LG001 out.
    fn("ap-southeast-2", "inventory-sync", {
      urls: [{ qualifier: null, authType: "NONE", creationTime: "2025-08-01T00:00:00Z" }],
      policies: { "": '{"Version":"2012-10-17","Statement":[{"Sid":"Broken","Effect":"Allow",' },
    }),
    fn("ap-southeast-2", "orders-api", {
      urls: [{ qualifier: null, authType: "AWS_IAM" }],
    }),
  ];
}

export function demoFunctionArns(): string[] {
  return demoFunctions().map((f) => arn(f.region, f.name));
}
