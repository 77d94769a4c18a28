#!/usr/bin/env node
import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  AwsClients,
  DOCUMENTED_QUOTAS,
  renderReport,
  scanAccount
} from "./chunks/chunk-ZHJV6PSO.js";
import {
  planFixes,
  readIacTree,
  repoPrefix,
  scanIac,
  writeFixes
} from "./chunks/chunk-EQO75VRR.js";
import "./chunks/chunk-5RPVK5YB.js";
import "./chunks/chunk-GQOB2N7Z.js";
import "./chunks/chunk-V55NQNZI.js";
import "./chunks/chunk-YK5OR6JL.js";
import "./chunks/chunk-U5GZZNFQ.js";
import "./chunks/chunk-IB6KOAYE.js";
import "./chunks/chunk-BO5MT2CP.js";
import {
  defaultConfig,
  loadConfig
} from "./chunks/chunk-ZQ6YMG2R.js";
import {
  FAIL_ON_VALUES,
  InputError,
  RULE_IDS,
  ReportSchema,
  VERSION,
  activeFindings,
  errorMessage,
  external_exports,
  isIncomplete,
  isRuleId,
  meetsThreshold
} from "./chunks/chunk-WAXEVTA2.js";
import "./chunks/chunk-6KU2NTFT.js";
import "./chunks/chunk-G2XEM326.js";
import "./chunks/chunk-DAP5CXRL.js";
import "./chunks/chunk-LYD5ERHY.js";

// src/cli/main.ts
import { mkdir as mkdir2, stat, writeFile as writeFile2 } from "node:fs/promises";
import { dirname, resolve as resolve2 } from "node:path";
import { parseArgs } from "node:util";

// src/cli/demo.ts
import { mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// src/emulator/state.ts
var EMULATOR_STATE_SCHEMA_ID = "lambda-guard/emulator-state@1";
var PolicyValue = external_exports.union([external_exports.string(), external_exports.record(external_exports.string(), external_exports.unknown())]);
var EmulatedUrlSchema = external_exports.looseObject({
  qualifier: external_exports.string().nullable().default(null),
  authType: external_exports.enum(["NONE", "AWS_IAM"]),
  creationTime: external_exports.string().optional(),
  lastModifiedTime: external_exports.string().optional(),
  invokeMode: external_exports.enum(["BUFFERED", "RESPONSE_STREAM"]).optional(),
  cors: external_exports.record(external_exports.string(), external_exports.unknown()).optional()
});
var EmulatedFunctionSchema = external_exports.looseObject({
  region: external_exports.string(),
  name: external_exports.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  runtime: external_exports.string().default("nodejs22.x"),
  handler: external_exports.string().optional(),
  role: external_exports.string().optional(),
  description: external_exports.string().optional(),
  tags: external_exports.record(external_exports.string(), external_exports.string()).default({}),
  versions: external_exports.array(external_exports.string()).default([]),
  aliases: external_exports.array(external_exports.looseObject({ name: external_exports.string(), version: external_exports.string() })).default([]),
  urls: external_exports.array(EmulatedUrlSchema).default([]),
  /** key "" = unqualified; a string value is served as-is (even if invalid JSON). */
  policies: external_exports.record(external_exports.string(), PolicyValue).default({}),
  /** Lambda's LastModified; ISO 8601 (default 2024-01-01T00:00:00Z). */
  lastModified: external_exports.string().optional(),
  memorySize: external_exports.number().int().min(128).max(10240).optional(),
  timeout: external_exports.number().int().min(1).max(900).optional()
});
var FaultSchema = external_exports.looseObject({
  region: external_exports.string().optional(),
  service: external_exports.string().optional(),
  operation: external_exports.string().optional(),
  /** AccessDeniedException, ResourceNotFoundException, ServiceException (500), ServiceUnavailable (503),
   * Throttling, reset (socket destroyed), malformed (unparseable body), shortPage (IAM: a truncated page
   * with fewer items than MaxItems), or any AWS error code. */
  error: external_exports.string(),
  rate: external_exports.number().min(0).max(1).default(1),
  /** Only for requests whose target function name matches (Lambda). */
  functionName: external_exports.string().optional()
});
var SimulationSchema = external_exports.looseObject({
  principalArn: external_exports.string(),
  action: external_exports.string(),
  /** Resource ARN or "*" (matches any resource). */
  resource: external_exports.string().default("*"),
  decision: external_exports.enum(["allowed", "explicitDeny", "implicitDeny"]),
  /** Organizations (SCP) part of the decision, as SimulatePrincipalPolicy reports it. */
  allowedByOrganizations: external_exports.boolean().optional()
});
var EmulatorStateSchema = external_exports.looseObject({
  schema: external_exports.literal(EMULATOR_STATE_SCHEMA_ID),
  accountId: external_exports.string().regex(/^\d{12}$/),
  partition: external_exports.string().default("aws"),
  /** Enabled regions. */
  regions: external_exports.array(external_exports.string()).min(1),
  /** Regions that exist but are not enabled (opt-in regions that refuse requests). */
  disabledRegions: external_exports.array(external_exports.string()).default([]),
  /** The principal the credentials belong to (STS GetCallerIdentity). */
  callerArn: external_exports.string().optional(),
  functions: external_exports.array(EmulatedFunctionSchema).default([]),
  /** CloudTrail event records as CloudTrail writes them. */
  cloudtrail: external_exports.array(external_exports.record(external_exports.string(), external_exports.unknown())).default([]),
  /** The GetAccountAuthorizationDetails result: UserDetailList, GroupDetailList, RoleDetailList, Policies. */
  iam: external_exports.record(external_exports.string(), external_exports.unknown()).default({}),
  /** Answers for iam:SimulatePrincipalPolicy (first match wins; absent = implicitDeny). */
  simulations: external_exports.array(SimulationSchema).default([]),
  behaviour: external_exports.looseObject({
    latencyMs: external_exports.number().min(0).default(0),
    quotas: external_exports.record(external_exports.string(), external_exports.union([external_exports.number().positive(), external_exports.literal("unlimited")])).default({}),
    faults: external_exports.array(FaultSchema).default([]),
    /** Deterministic fault sampling. */
    seed: external_exports.number().int().optional(),
    /** "denied": GetFunction answers with `TagsError` (AccessDeniedException) instead of `Tags`, as Lambda
     * does when the caller may GetFunction but not ListTags. */
    getFunctionTags: external_exports.enum(["allowed", "denied"]).optional()
  }).prefault({})
});

// src/emulator/demo/callers.ts
import { createHash } from "node:crypto";
var PARTNER_ACCOUNT = "444455556666";
var DAY = 864e5;
function uuid(seed) {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
function principalId(prefix, seed) {
  return prefix + createHash("sha256").update(seed).digest("base64").replace(/[^A-Za-z0-9]/g, "").toUpperCase().slice(0, 17);
}
var doc = (...Statement) => ({ Version: "2012-10-17", Statement });
function parseArn(arn2) {
  const parts = arn2.split(":");
  return { arn: arn2, region: parts[3] ?? "us-east-1", name: parts[6] ?? "" };
}
function demoCallers(accountId, functionArns, now = /* @__PURE__ */ new Date()) {
  const fns = functionArns.map(parseArn);
  const inRegion = (region) => fns.filter((f) => f.region === region);
  const byName = (name) => fns.find((f) => f.name === name);
  const pick = (name, fallbackIndex) => byName(name) ?? fns[fallbackIndex % Math.max(1, fns.length)] ?? parseArn(`arn:aws:lambda:us-east-1:${accountId}:function:${name}`);
  const firstRegion = fns[0]?.region ?? "us-east-1";
  const euFns = inRegion("eu-west-1");
  const apFns = inRegion("ap-southeast-2");
  const roleArn = (name, path = "/") => `arn:aws:iam::${accountId}:role${path}${name}`;
  const userArn = (name) => `arn:aws:iam::${accountId}:user/${name}`;
  const ssoRole = "AWSReservedSSO_DeveloperAccess_3f2a1b0c9d8e7f65";
  const ssoPath = "/aws-reserved/sso.amazonaws.com/eu-west-1/";
  const assumed = (role2, session, path = "/", account = accountId) => ({
    type: "AssumedRole",
    principalId: `${principalId("AROA", `${account}/${role2}`)}:${session}`,
    arn: `arn:aws:sts::${account}:assumed-role/${role2}/${session}`,
    accountId: account,
    accessKeyId: principalId("ASIA", `${role2}/${session}`).slice(0, 20),
    sessionContext: {
      sessionIssuer: {
        type: "Role",
        principalId: principalId("AROA", `${account}/${role2}`),
        arn: `arn:aws:iam::${account}:role${path}${role2}`,
        accountId: account,
        userName: role2
      },
      attributes: {
        creationDate: new Date(now.getTime() - DAY).toISOString().replace(/\.\d{3}Z$/, "Z"),
        mfaAuthenticated: "false"
      }
    }
  });
  const iamUser = (name) => ({
    type: "IAMUser",
    principalId: principalId("AIDA", name),
    arn: userArn(name),
    accountId,
    accessKeyId: principalId("AKIA", name).slice(0, 20),
    userName: name
  });
  const federated = (issuer, name) => ({
    type: "FederatedUser",
    principalId: `${accountId}:${name}`,
    arn: `arn:aws:sts::${accountId}:federated-user/${name}`,
    accountId,
    accessKeyId: principalId("ASIA", `fed/${name}`).slice(0, 20),
    sessionContext: {
      sessionIssuer: {
        type: "IAMUser",
        principalId: principalId("AIDA", issuer),
        arn: userArn(issuer),
        accountId,
        userName: issuer
      },
      attributes: {
        creationDate: new Date(now.getTime() - DAY).toISOString().replace(/\.\d{3}Z$/, "Z"),
        mfaAuthenticated: "false"
      }
    }
  });
  const cloudtrail = [];
  let n = 0;
  const event = (identity, fn2, opts) => {
    const seed = `${accountId}/${n++}`;
    const t = new Date(now.getTime() - opts.daysAgo * DAY - n % 7 * 6e4);
    const record = {
      eventVersion: "1.09",
      userIdentity: identity,
      eventTime: t.toISOString().replace(/\.\d{3}Z$/, "Z"),
      eventSource: "lambda.amazonaws.com",
      eventName: opts.eventName ?? "GetFunction20150331v2",
      awsRegion: fn2.region,
      sourceIPAddress: opts.sourceIp ?? (identity.type === "AWSService" ? "cloudformation.amazonaws.com" : "203.0.113.24"),
      userAgent: opts.userAgent ?? "aws-cli/2.22.1 md/awscrt#0.23.4 ua/2.0 os/linux#6.8 md/arch#x86_64 lang/python#3.12.6",
      requestParameters: { functionName: opts.functionName ?? fn2.name },
      responseElements: null,
      requestID: uuid(`${seed}/request`),
      eventID: uuid(`${seed}/event`),
      readOnly: true,
      eventType: "AwsApiCall",
      managementEvent: true,
      recipientAccountId: accountId,
      eventCategory: "Management",
      tlsDetails: {
        tlsVersion: "TLSv1.3",
        cipherSuite: "TLS_AES_128_GCM_SHA256",
        clientProvidedHostHeader: `lambda.${fn2.region}.amazonaws.com`
      }
    };
    if (opts.errorCode) {
      record.errorCode = opts.errorCode;
      record.errorMessage = `User: ${String(identity.arn)} is not authorized to perform: lambda:GetFunction on resource: ${fn2.arn} because no identity-based policy allows the lambda:GetFunction action`;
    }
    cloudtrail.push(record);
  };
  const webhook = pick("webhook", 0);
  const checkout = pick("checkout", 1);
  const reports = pick("reports", 2);
  const partnerApi = pick("partner-api", 3);
  const legacy = pick("legacy-export", 4);
  const thumbnailer = pick("thumbnailer", 5);
  const resizer = byName("image-resizer") ?? euFns[0] ?? pick("image-resizer", 6);
  const dashboard = byName("office-dashboard") ?? euFns[1] ?? pick("office-dashboard", 7);
  const billing = byName("nightly-billing") ?? euFns[2] ?? pick("nightly-billing", 8);
  const inventorySync = byName("inventory-sync") ?? apFns[0] ?? pick("inventory-sync", 9);
  const ordersApi = byName("orders-api") ?? apFns[1] ?? pick("orders-api", 10);
  const ci = assumed("ci-deployer", "GitHubActions");
  event(ci, webhook, {
    daysAgo: 2,
    userAgent: "aws-sdk-js/3.700.0 ua/2.1 os/linux lang/js md/nodejs#20.18.0 api/lambda#3.700.0"
  });
  event(ci, webhook, { daysAgo: 9 });
  event(ci, checkout, { daysAgo: 3, functionName: `${checkout.name}:live` });
  event(ci, checkout, { daysAgo: 30, functionName: checkout.arn });
  const inv = assumed("inventory-reader", "i-0a1b2c3d4e5f67890");
  event(inv, resizer, { daysAgo: 1 });
  event(inv, billing, { daysAgo: 4, eventName: "GetFunction" });
  event(iamUser("alice"), dashboard, { daysAgo: 5 });
  event(federated("alice", "alice-console"), billing, { daysAgo: 6 });
  const sso = assumed(ssoRole, "dev@example.com", ssoPath);
  event(sso, ordersApi, { daysAgo: 1, userAgent: "Mozilla/5.0 (console)" });
  event(sso, inventorySync, { daysAgo: 12, functionName: `${accountId}:function:${inventorySync.name}` });
  event(assumed("partner-inventory", "sync", "/", PARTNER_ACCOUNT), partnerApi, { daysAgo: 2 });
  const audit = assumed("audit-reader", "weekly-audit");
  event(audit, thumbnailer, { daysAgo: 7 });
  event(audit, reports, { daysAgo: 8 });
  event(assumed("tag-scoped-reader", "dashboards"), webhook, { daysAgo: 3 });
  event(assumed("contractor-readonly", "contractor-jane"), legacy, { daysAgo: 10 });
  event(federated("bob", "bob-reporting"), dashboard, { daysAgo: 2 });
  event(
    {
      type: "Root",
      principalId: accountId,
      arn: `arn:aws:iam::${accountId}:root`,
      accountId,
      accessKeyId: principalId("ASIA", "root").slice(0, 20)
    },
    billing,
    { daysAgo: 20 }
  );
  event(
    { ...assumed("deploy-pipeline", "AWSCloudFormation"), invokedBy: "cloudformation.amazonaws.com" },
    webhook,
    { daysAgo: 2 }
  );
  event({ type: "AWSService", invokedBy: "cloudformation.amazonaws.com" }, checkout, { daysAgo: 2 });
  event(assumed("lambda-guard-scan", "demo"), webhook, { daysAgo: 1 });
  event(assumed("intern", "summer"), reports, { daysAgo: 4, errorCode: "AccessDenied" });
  cloudtrail.push({
    ...cloudtrail[0],
    eventName: "ListFunctions20150331",
    eventID: uuid(`${accountId}/list`),
    requestParameters: null,
    awsRegion: firstRegion
  });
  const created = "2024-03-01T09:00:00Z";
  const trust = (principal, action = "sts:AssumeRole", condition) => doc({
    Effect: "Allow",
    Principal: principal,
    Action: action,
    ...condition ? { Condition: condition } : {}
  });
  const role = (name, opts) => ({
    Path: opts.path ?? "/",
    RoleName: name,
    RoleId: principalId("AROA", `${accountId}/${name}`),
    Arn: roleArn(name, opts.path ?? "/"),
    CreateDate: created,
    AssumeRolePolicyDocument: opts.trust ?? trust({ AWS: `arn:aws:iam::${accountId}:root` }),
    InstanceProfileList: [],
    RolePolicyList: Object.entries(opts.inline ?? {}).map(([PolicyName, PolicyDocument]) => ({
      PolicyName,
      PolicyDocument
    })),
    AttachedManagedPolicies: (opts.attached ?? []).map((a) => ({ PolicyName: a.name, PolicyArn: a.arn })),
    ...opts.boundary ? { PermissionsBoundary: { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: opts.boundary } } : {},
    Tags: [],
    RoleLastUsed: {
      LastUsedDate: new Date(now.getTime() - DAY).toISOString().replace(/\.\d{3}Z$/, "Z"),
      Region: firstRegion
    }
  });
  const user = (name, opts) => ({
    Path: "/",
    UserName: name,
    UserId: principalId("AIDA", name),
    Arn: userArn(name),
    CreateDate: created,
    UserPolicyList: Object.entries(opts.inline ?? {}).map(([PolicyName, PolicyDocument]) => ({
      PolicyName,
      PolicyDocument
    })),
    GroupList: opts.groups ?? [],
    AttachedManagedPolicies: [],
    Tags: []
  });
  const managed = (name, arn2, document) => ({
    PolicyName: name,
    PolicyId: principalId("ANPA", arn2),
    Arn: arn2,
    Path: "/",
    DefaultVersionId: "v1",
    AttachmentCount: 1,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: created,
    UpdateDate: created,
    PolicyVersionList: [{ Document: document, VersionId: "v1", IsDefaultVersion: true, CreateDate: created }]
  });
  const lambdaAll = `arn:aws:lambda:*:${accountId}:function:*`;
  const getOnlyArn = `arn:aws:iam::${accountId}:policy/LambdaGetOnly`;
  const readersArn = `arn:aws:iam::${accountId}:policy/LambdaReaders`;
  const lambdaReadOnlyArn = "arn:aws:iam::aws:policy/AWSLambda_ReadOnlyAccess";
  const boundaryArn = `arn:aws:iam::${accountId}:policy/ContractorBoundary`;
  const scanPolicyArn = `arn:aws:iam::${accountId}:policy/LambdaGuardScan`;
  const iam = {
    UserDetailList: [
      user("alice", { groups: ["lambda-readers"] }),
      user("bob", {
        inline: {
          ReportingRead: doc({
            Sid: "ReadFunctions",
            Effect: "Allow",
            Action: "lambda:GetFunction",
            Resource: lambdaAll
          })
        }
      })
    ],
    GroupDetailList: [
      {
        Path: "/",
        GroupName: "lambda-readers",
        GroupId: principalId("AGPA", "lambda-readers"),
        Arn: `arn:aws:iam::${accountId}:group/lambda-readers`,
        CreateDate: created,
        GroupPolicyList: [],
        AttachedManagedPolicies: [{ PolicyName: "LambdaReaders", PolicyArn: readersArn }]
      }
    ],
    RoleDetailList: [
      role("ci-deployer", {
        trust: trust(
          { Federated: `arn:aws:iam::${accountId}:oidc-provider/token.actions.githubusercontent.com` },
          "sts:AssumeRoleWithWebIdentity",
          { StringLike: { "token.actions.githubusercontent.com:sub": "repo:example/payments:*" } }
        ),
        inline: {
          DeployerReadLambda: doc({
            Sid: "ReadFunctions",
            Effect: "Allow",
            Action: ["lambda:GetFunction", "lambda:GetFunctionConfiguration"],
            Resource: lambdaAll
          })
        }
      }),
      role("inventory-reader", {
        trust: trust({ Service: "ec2.amazonaws.com" }),
        attached: [{ name: "LambdaGetOnly", arn: getOnlyArn }]
      }),
      role(ssoRole, {
        path: ssoPath,
        trust: trust(
          { Federated: `arn:aws:iam::${accountId}:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE` },
          ["sts:AssumeRoleWithSAML", "sts:TagSession"],
          { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } }
        ),
        inline: {
          AwsSSOInlinePolicy: doc({
            Sid: "DeveloperLambda",
            Effect: "Allow",
            Action: ["lambda:GetFunction", "lambda:ListFunctions", "lambda:InvokeFunction"],
            Resource: "*"
          })
        }
      }),
      role("audit-reader", {
        attached: [{ name: "AWSLambda_ReadOnlyAccess", arn: lambdaReadOnlyArn }],
        inline: {
          DenyTagReads: doc({ Sid: "NoTagReads", Effect: "Deny", Action: "lambda:ListTags", Resource: "*" })
        }
      }),
      role("tag-scoped-reader", {
        inline: {
          TeamScopedRead: doc(
            { Sid: "GetFunctions", Effect: "Allow", Action: "lambda:GetFunction", Resource: lambdaAll },
            {
              Sid: "ListTagsOwnTeam",
              Effect: "Allow",
              Action: "lambda:ListTags",
              Resource: lambdaAll,
              Condition: { StringEquals: { "aws:ResourceTag/team": "payments" } }
            }
          )
        }
      }),
      role("contractor-readonly", {
        boundary: boundaryArn,
        inline: {
          ContractorRead: doc({
            Sid: "ReadFunctionsAndTags",
            Effect: "Allow",
            Action: ["lambda:GetFunction", "lambda:ListTags"],
            Resource: lambdaAll
          })
        }
      }),
      role("lambda-guard-scan", {
        trust: trust(
          { Federated: `arn:aws:iam::${accountId}:oidc-provider/token.actions.githubusercontent.com` },
          "sts:AssumeRoleWithWebIdentity"
        ),
        attached: [{ name: "LambdaGuardScan", arn: scanPolicyArn }]
      })
    ],
    Policies: [
      managed(
        "LambdaGetOnly",
        getOnlyArn,
        doc({ Sid: "GetEverything", Effect: "Allow", Action: "lambda:Get*", Resource: "*" })
      ),
      managed(
        "LambdaReaders",
        readersArn,
        doc({
          Sid: "ReadLambda",
          Effect: "Allow",
          Action: ["lambda:GetFunction", "lambda:List*"],
          Resource: "*"
        })
      ),
      managed(
        "AWSLambda_ReadOnlyAccess",
        lambdaReadOnlyArn,
        doc({
          Sid: "ReadOnly",
          Effect: "Allow",
          Action: ["lambda:Get*", "lambda:List*", "cloudwatch:GetMetricData", "logs:DescribeLogGroups"],
          Resource: "*"
        })
      ),
      managed(
        "ContractorBoundary",
        boundaryArn,
        doc({
          Sid: "BoundaryRead",
          Effect: "Allow",
          Action: ["lambda:GetFunction", "lambda:ListFunctions"],
          Resource: "*"
        })
      ),
      managed(
        "LambdaGuardScan",
        scanPolicyArn,
        doc({
          Sid: "Scan",
          Effect: "Allow",
          Action: [
            "lambda:GetFunction",
            "lambda:ListTags",
            "lambda:List*",
            "lambda:GetPolicy",
            "cloudtrail:LookupEvents",
            "iam:GetAccountAuthorizationDetails",
            "iam:SimulatePrincipalPolicy"
          ],
          Resource: "*"
        })
      )
    ]
  };
  const sim = (principalArn, decision, extra = {}) => ({
    principalArn,
    action: "lambda:ListTags",
    resource: "*",
    decision,
    allowedByOrganizations: true,
    ...extra
  });
  const simulations = [
    sim(roleArn("ci-deployer"), "implicitDeny"),
    sim(roleArn("inventory-reader"), "implicitDeny"),
    sim(roleArn(ssoRole, ssoPath), "implicitDeny"),
    sim(roleArn("audit-reader"), "explicitDeny", {
      matchedStatements: [{ SourcePolicyId: "DenyTagReads", SourcePolicyType: "IAM Policy" }]
    }),
    sim(roleArn("tag-scoped-reader"), "implicitDeny", { missingContextValues: ["aws:ResourceTag/team"] }),
    sim(roleArn("contractor-readonly"), "implicitDeny"),
    sim(userArn("bob"), "implicitDeny"),
    sim(userArn("alice"), "allowed")
  ];
  return { cloudtrail, iam, simulations };
}

// src/emulator/demo/functions.ts
var DEMO_ACCOUNT_ID = "111122223333";
var DEMO_REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2"];
var arn = (region, name, q) => `arn:aws:lambda:${region}:${DEMO_ACCOUNT_ID}:function:${name}${q ? `:${q}` : ""}`;
function publicUrlStatements(resource, condition) {
  return [
    {
      Sid: "FunctionURLAllowPublicAccess",
      Effect: "Allow",
      Principal: "*",
      Action: "lambda:InvokeFunctionUrl",
      Resource: resource,
      Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "NONE" }, ...condition }
    },
    {
      Sid: "FunctionURLAllowInvokeAction",
      Effect: "Allow",
      Principal: "*",
      Action: "lambda:InvokeFunction",
      Resource: resource,
      Condition: { Bool: { "lambda:InvokedViaFunctionUrl": "true" }, ...condition }
    }
  ];
}
var policy = (...Statement) => ({ Version: "2012-10-17", Id: "default", Statement });
function fn(region, name, extra = {}) {
  return {
    region,
    name,
    runtime: "nodejs22.x",
    tags: {},
    versions: [],
    aliases: [],
    urls: [],
    policies: {},
    ...extra
  };
}
function demoFunctions() {
  return [
    // Public URL on $LATEST, deployed by CloudFormation (tags let `fix --report` find the template).
    fn("us-east-1", "webhook", {
      tags: {
        "aws:cloudformation:stack-name": "payments",
        "aws:cloudformation:logical-id": "WebhookFunction",
        team: "payments"
      },
      urls: [
        {
          qualifier: null,
          authType: "NONE",
          creationTime: "2024-05-01T00:00:00Z",
          cors: { AllowOrigins: ["*"] }
        }
      ],
      policies: { "": policy(...publicUrlStatements(arn("us-east-1", "webhook"))) }
    }),
    // Public URL on an alias only: the unqualified function is private.
    fn("us-east-1", "checkout", {
      versions: ["1", "2"],
      aliases: [{ name: "live", version: "2" }],
      urls: [{ qualifier: "live", authType: "NONE", creationTime: "2025-11-02T00:00:00Z" }],
      policies: { live: policy(...publicUrlStatements(arn("us-east-1", "checkout", "live"))) }
    }),
    // AWS_IAM URL: callers must sign requests.
    fn("us-east-1", "reports", {
      urls: [{ qualifier: null, authType: "AWS_IAM", creationTime: "2025-01-10T00:00:00Z" }]
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
            Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "NONE" } }
          },
          {
            Sid: "PartnerInvoke",
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::444455556666:root" },
            Action: "lambda:InvokeFunction",
            Resource: arn("us-east-1", "partner-api")
          }
        )
      }
    }),
    // Public only under the old one-permission model (LG003).
    fn("us-east-1", "legacy-export", {
      urls: [{ qualifier: null, authType: "NONE", creationTime: "2023-02-14T00:00:00Z" }],
      policies: { "": policy(publicUrlStatements(arn("us-east-1", "legacy-export"))[0]) }
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
            ArnLike: { "AWS:SourceArn": "arn:aws:s3:::demo-uploads" }
          }
        })
      }
    }),
    // Anyone may call lambda:InvokeFunction directly (LG002).
    fn("eu-west-1", "image-resizer", {
      policies: {
        "": policy({
          Sid: "AllowAnyone",
          Effect: "Allow",
          Principal: "*",
          Action: "lambda:InvokeFunction",
          Resource: arn("eu-west-1", "image-resizer")
        })
      }
    }),
    // Public URL behind a public-range source-IP allow-list (LG001 at medium).
    fn("eu-west-1", "office-dashboard", {
      urls: [{ qualifier: null, authType: "NONE", creationTime: "2025-06-01T00:00:00Z" }],
      policies: {
        "": policy(
          ...publicUrlStatements(arn("eu-west-1", "office-dashboard"), {
            IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "198.51.100.7/32"] }
          })
        )
      }
    }),
    fn("eu-west-1", "nightly-billing"),
    // A policy Lambda returns but nobody can parse: the scan must say it could not rule LG001 out.
    fn("ap-southeast-2", "inventory-sync", {
      urls: [{ qualifier: null, authType: "NONE", creationTime: "2025-08-01T00:00:00Z" }],
      policies: { "": '{"Version":"2012-10-17","Statement":[{"Sid":"Broken","Effect":"Allow",' }
    }),
    fn("ap-southeast-2", "orders-api", {
      urls: [{ qualifier: null, authType: "AWS_IAM" }]
    })
  ];
}
function demoFunctionArns() {
  return demoFunctions().map((f) => arn(f.region, f.name));
}

// src/emulator/demo/account.ts
function demoAccount(now = /* @__PURE__ */ new Date()) {
  const callers = demoCallers(DEMO_ACCOUNT_ID, demoFunctionArns(), now);
  return EmulatorStateSchema.parse({
    schema: EMULATOR_STATE_SCHEMA_ID,
    accountId: DEMO_ACCOUNT_ID,
    regions: DEMO_REGIONS,
    disabledRegions: ["me-south-1"],
    callerArn: `arn:aws:sts::${DEMO_ACCOUNT_ID}:assumed-role/lambda-guard-scan/demo`,
    functions: demoFunctions(),
    cloudtrail: callers.cloudtrail,
    iam: callers.iam,
    simulations: callers.simulations
  });
}

// src/emulator/demo/apply-fixes.ts
function applyRemediations(state, findings) {
  const done = [];
  state.iam = structuredClone(state.iam);
  for (const f of findings) {
    if (f.suppression) continue;
    if (f.rule === "LG004") {
      const applied = attachListTags(state, f);
      if (applied) done.push(applied);
      continue;
    }
    const fn2 = state.functions.find(
      (x) => x.name === f.resource.functionName && x.region === f.resource.region
    );
    if (!fn2) continue;
    const key = f.resource.qualifier ?? "";
    if (f.resource.kind === "function-url") {
      for (const url of fn2.urls) if ((url.qualifier ?? "") === key) url.authType = "AWS_IAM";
      done.push(`${fn2.name}${key ? `:${key}` : ""}: update-function-url-config --auth-type AWS_IAM`);
    }
    const policy2 = fn2.policies[key];
    if (typeof policy2 === "string") {
      delete fn2.policies[key];
      done.push(`${fn2.name}${key ? `:${key}` : ""}: unparseable policy removed`);
      continue;
    }
    const statements = Array.isArray(f.evidence.statements) ? f.evidence.statements : [];
    if (policy2 && Array.isArray(policy2.Statement) && statements.length > 0) {
      policy2.Statement = policy2.Statement.filter(
        (s, i) => !statements.includes(s.Sid ?? `#${i}`)
      );
      done.push(`${fn2.name}${key ? `:${key}` : ""}: remove-permission ${statements.join(", ")}`);
    }
  }
  return done;
}
function attachListTags(state, f) {
  const arn2 = f.resource.arn ?? "";
  const document = f.remediation.policy;
  if (!document || arn2.split(":")[4] !== state.accountId) return null;
  const name = arn2.split("/").pop();
  const iam = state.iam;
  const isRole = arn2.includes(":role/");
  const list = (isRole ? iam.RoleDetailList : iam.UserDetailList) ?? [];
  const entity = list.find((e) => e.Arn === arn2 || (isRole ? e.RoleName : e.UserName) === name);
  if (!entity) return null;
  const key = isRole ? "RolePolicyList" : "UserPolicyList";
  (entity[key] ??= []).push({ PolicyName: "lambda-guard-ListTags", PolicyDocument: document });
  return `${isRole ? "role" : "user"}/${name}: put-${isRole ? "role" : "user"}-policy lambda-guard-ListTags`;
}

// src/emulator/server.ts
import http from "node:http";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";

// src/emulator/faults.ts
var CORE_FAULTS = /* @__PURE__ */ new Set([
  "AccessDeniedException",
  "ResourceNotFoundException",
  "ServiceException",
  "ServiceUnavailable",
  "Throttling",
  "reset",
  "malformed"
]);
function faultMatches(f, t) {
  if (f.region !== void 0 && f.region !== t.region) return false;
  if (f.service !== void 0 && f.service !== t.service) return false;
  if (f.operation !== void 0 && f.operation !== t.operation) return false;
  if (f.functionName !== void 0 && f.functionName !== t.functionName) return false;
  return true;
}
function mix(seed, index, count) {
  let h = (seed ^ Math.imul(index + 1, 2654435769) ^ Math.imul(count + 1, 2246822507)) >>> 0;
  h = Math.imul(h ^ h >>> 16, 569420461) >>> 0;
  h = Math.imul(h ^ h >>> 15, 1935289751) >>> 0;
  return (h ^ h >>> 15) >>> 0;
}
var FaultSampler = class {
  constructor(seed) {
    this.seed = seed;
  }
  seed;
  /** Matches so far, per fault (its index and content, so an edited fault list starts afresh). */
  counts = /* @__PURE__ */ new Map();
  /** The faults that fire for this request, in state order. */
  select(faults, target) {
    const fired = [];
    faults.forEach((f, i) => {
      if (!faultMatches(f, target)) return;
      const key = `${i}:${JSON.stringify(f)}`;
      const n = this.counts.get(key) ?? 0;
      this.counts.set(key, n + 1);
      if (f.rate >= 1 || f.rate > 0 && mix(this.seed(), i, n) / 2 ** 32 < f.rate) fired.push(f);
    });
    return fired;
  }
};

// src/emulator/types.ts
var ServiceError = class extends Error {
  constructor(code, message, status = 400, extra = {}) {
    super(message);
    this.code = code;
    this.status = status;
    this.extra = extra;
  }
  code;
  status;
  extra;
};

// src/emulator/protocol.ts
function restJsonResult(body, status = 200) {
  return {
    status,
    headers: { "content-type": "application/json" },
    body: body === void 0 ? "" : JSON.stringify(body)
  };
}
function restJsonError(err) {
  const headers = {
    "content-type": "application/json",
    "x-amzn-errortype": err.code
  };
  if (err.extra.retryAfterSeconds !== void 0) headers["retry-after"] = String(err.extra.retryAfterSeconds);
  const body = {
    Type: err.status >= 500 ? "Service" : "User",
    ...err.extra.fields,
    message: err.message
  };
  return { status: err.status, headers, body: JSON.stringify(body) };
}
function json11Result(body, status = 200) {
  return {
    status,
    headers: { "content-type": "application/x-amz-json-1.1" },
    body: JSON.stringify(body ?? {})
  };
}
function json11Error(err) {
  const headers = {
    "content-type": "application/x-amz-json-1.1",
    "x-amzn-errortype": err.code
  };
  if (err.extra.retryAfterSeconds !== void 0) headers["retry-after"] = String(err.extra.retryAfterSeconds);
  return {
    status: err.status,
    headers,
    body: JSON.stringify({ __type: err.code, ...err.extra.fields, message: err.message })
  };
}
function parseJsonBody(req) {
  const text = req.body.toString("utf8").trim();
  if (text === "") return {};
  try {
    const value = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value;
  } catch {
  }
  throw new ServiceError("SerializationException", "The request body is not a JSON object.", 400);
}
function xmlEscape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
function toXml(value, listItem = "member") {
  if (value === null || value === void 0) return "";
  if (Array.isArray(value)) {
    return value.map((v) => `<${listItem}>${toXml(v, listItem)}</${listItem}>`).join("");
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    return Object.entries(value).filter(([, v]) => v !== void 0 && v !== null).map(([k, v]) => `<${k}>${toXml(v, listItem)}</${k}>`).join("");
  }
  return xmlEscape(String(value));
}
var XML_HEADERS = { "content-type": "text/xml" };
function queryResult(action, result, namespace, req) {
  const inner = result === void 0 ? "" : `<${action}Result>${toXml(result)}</${action}Result>`;
  const body = `<${action}Response xmlns="${xmlEscape(namespace)}">${inner}<ResponseMetadata><RequestId>${xmlEscape(req.requestId ?? "")}</RequestId></ResponseMetadata></${action}Response>`;
  return { status: 200, headers: { ...XML_HEADERS }, body };
}
function queryError(err, namespace, req) {
  const type = err.extra.type ?? (err.status >= 500 ? "Receiver" : "Sender");
  const body = `<ErrorResponse xmlns="${xmlEscape(namespace)}"><Error><Type>${type}</Type><Code>${xmlEscape(err.code)}</Code><Message>${xmlEscape(err.message)}</Message></Error><RequestId>${xmlEscape(req.requestId ?? "")}</RequestId></ErrorResponse>`;
  const headers = { ...XML_HEADERS };
  if (err.extra.retryAfterSeconds !== void 0) headers["retry-after"] = String(err.extra.retryAfterSeconds);
  return { status: err.status, headers, body };
}
function ec2Result(action, result, namespace, req) {
  const body = `<${action}Response xmlns="${xmlEscape(namespace)}"><requestId>${xmlEscape(req.requestId ?? "")}</requestId>${toXml(result, "item")}</${action}Response>`;
  return { status: 200, headers: { ...XML_HEADERS }, body };
}
function ec2Error(err, req) {
  const body = `<Response><Errors><Error><Code>${xmlEscape(err.code)}</Code><Message>${xmlEscape(err.message)}</Message></Error></Errors><RequestID>${xmlEscape(req.requestId ?? "")}</RequestID></Response>`;
  return { status: err.status, headers: { ...XML_HEADERS }, body };
}
function queryParams(req) {
  const params = new URLSearchParams(req.query);
  const text = req.body.toString("utf8");
  if (text.trim() !== "") {
    for (const [k, v] of new URLSearchParams(text)) params.append(k, v);
  }
  return params;
}
function queryList(params, prefix, infix = "member") {
  const out = [];
  const head = infix === "" ? `${prefix}.` : `${prefix}.${infix}.`;
  for (let i = 1; ; i++) {
    const v = params.get(`${head}${i}`);
    if (v === null) break;
    out.push(v);
  }
  return out;
}
function standardError(protocol, kind, info) {
  const denied = `User: ${info.callerArn} is not authorized to perform: ${info.action} on resource: ${info.resource} because no identity-based policy allows the ${info.action} action`;
  const retry = info.retryAfterSeconds === void 0 ? {} : { retryAfterSeconds: info.retryAfterSeconds };
  switch (kind) {
    case "Throttling":
      if (protocol === "rest-json")
        return new ServiceError("TooManyRequestsException", "Rate exceeded", 429, retry);
      if (protocol === "json-1.1")
        return new ServiceError("ThrottlingException", "Rate exceeded", 400, retry);
      if (protocol === "query") return new ServiceError("Throttling", "Rate exceeded", 400, retry);
      return new ServiceError("RequestLimitExceeded", "Request limit exceeded.", 503, retry);
    case "AccessDenied":
      if (protocol === "query") return new ServiceError("AccessDenied", denied, 403);
      if (protocol === "ec2-query") {
        return new ServiceError(
          "UnauthorizedOperation",
          "You are not authorized to perform this operation.",
          403
        );
      }
      return new ServiceError("AccessDeniedException", denied, protocol === "json-1.1" ? 400 : 403);
    case "ResourceNotFound":
      if (protocol === "query") return new ServiceError("NoSuchEntity", "The resource does not exist.", 404);
      if (protocol === "ec2-query")
        return new ServiceError("InvalidParameterValue", "Resource not found.", 400);
      return new ServiceError(
        "ResourceNotFoundException",
        "The resource you requested does not exist.",
        protocol === "json-1.1" ? 400 : 404
      );
    case "ServiceException":
      if (protocol === "query") return new ServiceError("ServiceFailure", "Internal failure.", 500);
      if (protocol === "ec2-query") {
        return new ServiceError("InternalError", "An internal error has occurred.", 500);
      }
      if (protocol === "json-1.1") return new ServiceError("InternalFailure", "Internal failure.", 500);
      return new ServiceError("ServiceException", "An internal error occurred.", 500);
    case "ServiceUnavailable":
      if (protocol === "ec2-query") {
        return new ServiceError("Unavailable", "The server is overloaded and can't handle the request.", 503);
      }
      return new ServiceError(
        protocol === "query" ? "ServiceUnavailable" : "ServiceUnavailableException",
        "Service is unavailable.",
        503
      );
    case "UnrecognizedClient":
      if (protocol === "query") {
        return new ServiceError(
          "InvalidClientTokenId",
          "The security token included in the request is invalid.",
          403
        );
      }
      if (protocol === "ec2-query") {
        return new ServiceError(
          "AuthFailure",
          "AWS was not able to validate the provided access credentials",
          401
        );
      }
      return new ServiceError(
        "UnrecognizedClientException",
        "The security token included in the request is invalid.",
        403
      );
    case "InternalError":
      return standardError(protocol, "ServiceException", info);
  }
}
function malformedBody(protocol) {
  if (protocol === "query" || protocol === "ec2-query") {
    return { status: 200, headers: { ...XML_HEADERS }, body: "<Response><Unterminated attr=" };
  }
  const type = protocol === "json-1.1" ? "application/x-amz-json-1.1" : "application/json";
  return { status: 200, headers: { "content-type": type }, body: '{"truncated": [{"Functio' };
}
function paginate(items, token, limit, scope, invalid) {
  let offset = 0;
  if (token !== null && token !== void 0 && token !== "") {
    let parsed;
    try {
      parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    } catch {
      throw invalid();
    }
    const p = parsed;
    if (!p || p.s !== scope || typeof p.o !== "number" || !Number.isInteger(p.o) || p.o < 0) throw invalid();
    offset = p.o;
  }
  const page = items.slice(offset, offset + limit);
  const end = offset + page.length;
  if (end >= items.length) return { items: page };
  return { items: page, next: Buffer.from(JSON.stringify({ s: scope, o: end })).toString("base64url") };
}

// src/emulator/sigv4.ts
function header(headers, name) {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}
function parseCredential(credential, regionSet) {
  const parts = credential.trim().split("/");
  if (parts.at(-1) !== "aws4_request") return void 0;
  if (parts.length === 5) {
    const [accessKeyId, date, region, service] = parts;
    if (!accessKeyId || !region || !service) return void 0;
    return { accessKeyId, date, region, service };
  }
  if (parts.length === 4 && regionSet) {
    const [accessKeyId, date, service] = parts;
    const region = regionSet.split(",")[0]?.trim();
    if (!accessKeyId || !service || !region || region === "*") return void 0;
    return { accessKeyId, date, region, service };
  }
  return void 0;
}
function credentialScope(headers, query) {
  const regionSet = header(headers, "x-amz-region-set") ?? query.get("X-Amz-Region-Set") ?? void 0;
  const auth = header(headers, "authorization");
  if (auth) {
    const m = /^AWS4-(?:HMAC-SHA256|ECDSA-P256-SHA256)\s+.*?Credential=([^,\s]+)/.exec(auth.trim());
    return m?.[1] ? parseCredential(m[1], regionSet) : void 0;
  }
  const presigned = query.get("X-Amz-Credential");
  return presigned ? parseCredential(presigned, regionSet) : void 0;
}

// src/emulator/throttle.ts
var TokenBucket = class {
  constructor(rate, now) {
    this.rate = rate;
    this.tokens = rate;
    this.last = now;
  }
  rate;
  tokens;
  last;
  /** Take one token; returns 0 when granted, else the milliseconds until one will be available. */
  take(now) {
    const burst = Math.max(1, this.rate);
    this.tokens = Math.min(burst, this.tokens + (now - this.last) / 1e3 * this.rate);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - this.tokens) / this.rate * 1e3);
  }
};
var Throttler = class {
  constructor(clock) {
    this.clock = clock;
  }
  clock;
  buckets = /* @__PURE__ */ new Map();
  /** 0 when the request may proceed, else milliseconds until it could. */
  take(scope, bucket, quota) {
    if (quota === "unlimited") return 0;
    const key = `${scope}\0${bucket}`;
    const now = this.clock();
    let b = this.buckets.get(key);
    if (!b || b.rate !== quota) {
      b = new TokenBucket(quota, now);
      this.buckets.set(key, b);
    }
    return b.take(now);
  }
};

// src/emulator/server.ts
function firstHeader(headers, name) {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}
function unsigned(headers, query, body) {
  const hasAuth = firstHeader(headers, "authorization") !== void 0;
  const [code, message] = hasAuth ? [
    "IncompleteSignature",
    "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter."
  ] : ["MissingAuthenticationToken", "Missing Authentication Token"];
  const fake = {
    method: "",
    path: "",
    query,
    headers,
    body,
    region: "",
    service: "",
    requestId: randomUUID()
  };
  const contentType = firstHeader(headers, "content-type") ?? "";
  const isQuery = query.has("Action") || contentType.includes("x-www-form-urlencoded") && /(^|&)Action=/.test(body.toString("utf8"));
  if (isQuery) return queryError(new ServiceError(code, message, 403), "", fake);
  const err = new ServiceError(`${code}Exception`, message, 403);
  if (firstHeader(headers, "x-amz-target") !== void 0) return json11Error(err);
  const rendered = restJsonError(err);
  return { ...rendered, body: JSON.stringify({ message }) };
}
async function startServer(state, modules, opts = {}) {
  const bySigningName = /* @__PURE__ */ new Map();
  for (const m of modules) for (const s of m.services) bySigningName.set(s, m);
  const now = opts.now ?? (() => /* @__PURE__ */ new Date());
  const stats = { requests: {}, throttled: {}, faults: 0 };
  const throttler = new Throttler(() => performance.now());
  const sampler = new FaultSampler(() => state.behaviour.seed ?? 0);
  const bump = (rec, key) => {
    rec[key] = (rec[key] ?? 0) + 1;
  };
  const quotaFor = (bucket) => {
    const quotas = state.behaviour.quotas;
    const documented = DOCUMENTED_QUOTAS;
    const service = bucket.split(":")[0] ?? bucket;
    return quotas[bucket] ?? documented[bucket] ?? quotas[service] ?? documented[service] ?? "unlimited";
  };
  async function dispatch(mod, req) {
    const protocol = mod.protocol ?? "json-1.1";
    const render2 = (err) => mod.renderError(err, req);
    const callerArn2 = state.callerArn ?? `arn:${state.partition}:iam::${state.accountId}:user/emulator`;
    const std = (kind, info2) => mod.standardError?.(kind, info2) ?? standardError(protocol, kind, info2);
    let label = `${req.service}:?`;
    const enabled = state.regions.includes(req.region) && !state.disabledRegions.includes(req.region);
    if (!mod.global && !enabled) {
      const info2 = { action: `${req.service}:*`, callerArn: callerArn2, resource: "*" };
      return { label, response: render2(std("UnrecognizedClient", info2)) };
    }
    let op;
    try {
      op = mod.resolve(req);
    } catch (err) {
      if (err instanceof ServiceError) return { label, response: render2(err) };
      throw err;
    }
    label = `${req.service}:${op.name}`;
    bump(stats.requests, label);
    const info = {
      action: `${req.service}:${op.name}`,
      callerArn: callerArn2,
      resource: op.functionName !== void 0 ? `arn:${state.partition}:lambda:${req.region}:${state.accountId}:function:${op.functionName}` : "*"
    };
    const wait = throttler.take(mod.global ? "account" : req.region, op.bucket, quotaFor(op.bucket));
    if (wait > 0) {
      bump(stats.throttled, label);
      const retryAfterSeconds = Math.max(1, Math.ceil(wait / 1e3));
      return { label, response: render2(std("Throttling", { ...info, retryAfterSeconds })) };
    }
    const fired = sampler.select(state.behaviour.faults, {
      region: req.region,
      service: req.service,
      operation: op.name,
      ...op.functionName !== void 0 ? { functionName: op.functionName } : {}
    });
    const custom = [];
    for (const f of fired) {
      stats.faults++;
      if (mod.customFaults?.includes(f.error) && !CORE_FAULTS.has(f.error)) {
        custom.push(f);
        continue;
      }
      switch (f.error) {
        case "reset":
          return { label, reset: true };
        case "malformed":
          return { label, response: mod.malformedBody?.() ?? malformedBody(protocol) };
        case "AccessDeniedException":
          return { label, response: render2(std("AccessDenied", info)) };
        case "ResourceNotFoundException":
          return { label, response: render2(std("ResourceNotFound", info)) };
        case "ServiceException":
          return { label, response: render2(std("ServiceException", info)) };
        case "ServiceUnavailable":
          return { label, response: render2(std("ServiceUnavailable", info)) };
        case "Throttling":
          bump(stats.throttled, label);
          return { label, response: render2(std("Throttling", { ...info, retryAfterSeconds: 1 })) };
        default:
          return { label, response: render2(new ServiceError(f.error, `Injected fault: ${f.error}`, 400)) };
      }
    }
    const ctx = {
      state,
      accountId: state.accountId,
      partition: state.partition,
      now,
      ...custom.length > 0 ? { activeFaults: custom } : {}
    };
    try {
      return { label, response: await op.handle(ctx) };
    } catch (err) {
      if (err instanceof ServiceError) return { label, response: render2(err) };
      opts.log?.(
        `internal error in ${label}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`
      );
      return { label, response: render2(std("InternalError", info)) };
    }
  }
  async function onRequest(req, res) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const requestId = randomUUID();
    const scope = credentialScope(req.headers, url.searchParams);
    let outcome;
    if (!scope) {
      outcome = { label: "unsigned", response: unsigned(req.headers, url.searchParams, body) };
    } else {
      const mod = bySigningName.get(scope.service);
      if (!mod) {
        const err = new ServiceError(
          "UnknownServiceException",
          `The emulator does not serve the service "${scope.service}" (from the SigV4 credential scope).`,
          400
        );
        outcome = { label: `${scope.service}:?`, response: restJsonError(err) };
      } else {
        outcome = await dispatch(mod, {
          method: req.method ?? "GET",
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body,
          region: scope.region,
          service: scope.service,
          requestId
        });
      }
    }
    const latency = state.behaviour.latencyMs;
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    if ("reset" in outcome) {
      opts.log?.(`${req.method} ${url.pathname} ${outcome.label} reset`);
      req.socket.destroy();
      return;
    }
    const { response } = outcome;
    const payload = response.body === void 0 ? Buffer.alloc(0) : Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body, "utf8");
    opts.log?.(`${req.method} ${url.pathname} ${outcome.label} ${response.status}`);
    res.writeHead(response.status, {
      ...response.headers,
      "x-amzn-requestid": requestId,
      "content-length": String(payload.length)
    });
    res.end(payload);
  }
  const server = http.createServer((req, res) => {
    onRequest(req, res).catch((err) => {
      opts.log?.(`emulator failure: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: "emulator failure" }));
      } else {
        res.destroy();
      }
    });
  });
  const host = opts.host ?? "127.0.0.1";
  await new Promise((resolve3, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve3();
    });
  });
  const port = server.address().port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    state,
    stats: () => ({
      requests: { ...stats.requests },
      throttled: { ...stats.throttled },
      faults: stats.faults
    }),
    close: () => new Promise((resolve3, reject) => {
      server.close((err) => err ? reject(err) : resolve3());
      server.closeAllConnections();
    })
  };
}

// src/emulator/services/account.ts
var OPT_IN_REGIONS = /* @__PURE__ */ new Set([
  "af-south-1",
  "ap-east-1",
  "ap-east-2",
  "ap-south-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-6",
  "ap-southeast-7",
  "ca-west-1",
  "eu-central-2",
  "eu-south-1",
  "eu-south-2",
  "il-central-1",
  "me-central-1",
  "me-south-1",
  "mx-central-1"
]);
var STATUSES = ["ENABLED", "ENABLING", "DISABLING", "DISABLED", "ENABLED_BY_DEFAULT"];
function validation(message) {
  return new ServiceError("ValidationException", message, 400, {
    fields: { reason: "invalidRegionOptTarget" }
  });
}
function regionStatuses(ctx) {
  const out = /* @__PURE__ */ new Map();
  for (const r of ctx.state.regions) out.set(r, OPT_IN_REGIONS.has(r) ? "ENABLED" : "ENABLED_BY_DEFAULT");
  for (const r of ctx.state.disabledRegions) out.set(r, "DISABLED");
  return [...out.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([RegionName, RegionOptStatus]) => ({ RegionName, RegionOptStatus }));
}
var accountService = {
  services: ["account"],
  global: true,
  protocol: "rest-json",
  resolve(req) {
    if (req.method !== "POST" || req.path.replace(/\/$/, "") !== "/listRegions") {
      throw new ServiceError(
        "UnknownOperationException",
        `The emulator does not implement ${req.method} ${req.path} for Account.`,
        404
      );
    }
    return {
      name: "ListRegions",
      bucket: "account",
      handle: (ctx) => {
        const input = parseJsonBody(req);
        const filter = input.RegionOptStatusContains;
        if (filter !== void 0 && (!Array.isArray(filter) || filter.some((s) => !STATUSES.includes(String(s))))) {
          throw validation(`RegionOptStatusContains must be a list of ${STATUSES.join(", ")}.`);
        }
        const max = input.MaxResults;
        if (max !== void 0 && (typeof max !== "number" || !Number.isInteger(max) || max < 1 || max > 50)) {
          throw validation("MaxResults must be between 1 and 50.");
        }
        if (input.AccountId !== void 0 && input.AccountId !== ctx.accountId) {
          throw new ServiceError(
            "AccessDeniedException",
            `User is not authorized to access account ${String(input.AccountId)}.`,
            403
          );
        }
        const wanted = Array.isArray(filter) ? filter.map(String) : void 0;
        const regions = regionStatuses(ctx).filter((r) => !wanted || wanted.includes(r.RegionOptStatus));
        const token = typeof input.NextToken === "string" ? input.NextToken : void 0;
        const page = paginate(
          regions,
          token,
          typeof max === "number" ? max : 20,
          `account:${wanted?.join(",") ?? ""}`,
          () => validation("The NextToken is invalid.")
        );
        return restJsonResult({ Regions: page.items, ...page.next ? { NextToken: page.next } : {} });
      }
    };
  },
  renderError: (err) => {
    const res = restJsonError(err);
    const body = JSON.parse(String(res.body));
    delete body.Type;
    return { ...res, body: JSON.stringify(body) };
  }
};

// src/emulator/services/cloudtrail.ts
import { createHash as createHash2 } from "node:crypto";
var TARGET_PREFIXES = ["com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.", "CloudTrail_20131101."];
var LOOKUP_KEYS = [
  "EventId",
  "EventName",
  "ReadOnly",
  "Username",
  "ResourceType",
  "ResourceName",
  "EventSource",
  "AccessKeyId"
];
var DAY_MS = 864e5;
var RETENTION_DAYS = 90;
var PAGE_MAX = 50;
var indexes = /* @__PURE__ */ new WeakMap();
var str = (v) => typeof v === "string" ? v : void 0;
var obj = (v) => v && typeof v === "object" && !Array.isArray(v) ? v : void 0;
function usernameOf(identity) {
  if (!identity) return void 0;
  const type = str(identity.type);
  if (type === "Root") return "root";
  if (type === "IAMUser") return str(identity.userName);
  const arn2 = str(identity.arn);
  if (arn2 && (type === "AssumedRole" || type === "FederatedUser")) return arn2.split("/").at(-1);
  return str(identity.userName) ?? str(identity.invokedBy);
}
function resourcesOf(record) {
  const listed = record.resources;
  if (Array.isArray(listed)) {
    return listed.map((r) => obj(r)).filter((r) => !!r).map((r) => ({
      ...str(r.type) ? { ResourceType: str(r.type) } : {},
      ...str(r.ARN) ? { ResourceName: str(r.ARN) } : {}
    }));
  }
  const fn2 = str(obj(record.requestParameters)?.functionName);
  if (fn2 && str(record.eventSource) === "lambda.amazonaws.com") {
    return [{ ResourceType: "AWS::Lambda::Function", ResourceName: fn2 }];
  }
  return [];
}
function buildIndex(state) {
  const regions = /* @__PURE__ */ new Map();
  for (const raw of state.cloudtrail) {
    const record = raw;
    const region = str(record.awsRegion);
    const timeMs = Date.parse(str(record.eventTime) ?? "");
    if (!region || Number.isNaN(timeMs)) continue;
    const identity = obj(record.userIdentity);
    const ro = record.readOnly;
    const ev = {
      timeMs,
      record,
      eventId: str(record.eventID) ?? str(record.eventId) ?? "",
      eventName: str(record.eventName) ?? "",
      username: usernameOf(identity),
      accessKeyId: str(identity?.accessKeyId),
      eventSource: str(record.eventSource),
      readOnly: typeof ro === "boolean" ? String(ro) : str(ro),
      resources: resourcesOf(record)
    };
    let idx = regions.get(region);
    if (!idx) {
      idx = { all: [], byName: /* @__PURE__ */ new Map() };
      regions.set(region, idx);
    }
    idx.all.push(ev);
  }
  for (const idx of regions.values()) {
    idx.all.sort(
      (a, b) => b.timeMs - a.timeMs || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0)
    );
    for (const ev of idx.all) {
      let list = idx.byName.get(ev.eventName);
      if (!list) idx.byName.set(ev.eventName, list = []);
      list.push(ev);
    }
  }
  return { source: state.cloudtrail, length: state.cloudtrail.length, regions };
}
function indexFor(state) {
  const cur = indexes.get(state);
  if (cur && cur.source === state.cloudtrail && cur.length === state.cloudtrail.length) return cur;
  const next = buildIndex(state);
  indexes.set(state, next);
  return next;
}
function firstAtOrBefore(list, ms) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (list[mid].timeMs > ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function timestamp(v, field) {
  if (v === void 0 || v === null) return void 0;
  if (typeof v === "number" && Number.isFinite(v)) return v * 1e3;
  if (typeof v === "string") {
    const n = Number(v);
    if (v.trim() !== "" && Number.isFinite(n)) return n * 1e3;
    const d = Date.parse(v);
    if (!Number.isNaN(d)) return d;
  }
  throw new ServiceError("SerializationException", `${field} must be a timestamp (epoch seconds).`, 400);
}
function matches(ev, key, value) {
  switch (key) {
    case "EventId":
      return ev.eventId === value;
    case "EventName":
      return ev.eventName === value;
    case "ReadOnly":
      return ev.readOnly === value;
    case "Username":
      return ev.username === value;
    case "AccessKeyId":
      return ev.accessKeyId === value;
    case "EventSource":
      return ev.eventSource === value;
    case "ResourceType":
      return ev.resources.some((r) => r.ResourceType === value);
    case "ResourceName":
      return ev.resources.some((r) => r.ResourceName === value);
  }
}
function render(ev) {
  ev.json ??= JSON.stringify(ev.record);
  return {
    EventId: ev.eventId,
    EventName: ev.eventName,
    ...ev.readOnly !== void 0 ? { ReadOnly: ev.readOnly } : {},
    ...ev.accessKeyId !== void 0 ? { AccessKeyId: ev.accessKeyId } : {},
    EventTime: ev.timeMs / 1e3,
    ...ev.eventSource !== void 0 ? { EventSource: ev.eventSource } : {},
    ...ev.username !== void 0 ? { Username: ev.username } : {},
    Resources: ev.resources,
    CloudTrailEvent: ev.json
  };
}
var invalidToken = () => new ServiceError(
  "InvalidNextTokenException",
  "A token that is not valid, or a token that was previously used in a request with different parameters, was specified.",
  400
);
function lookupEvents(req, ctx) {
  const body = parseJsonBody(req);
  const attrs = body.LookupAttributes;
  if (attrs !== void 0 && !Array.isArray(attrs)) {
    throw new ServiceError("InvalidLookupAttributesException", "LookupAttributes must be a list.", 400);
  }
  if (attrs && attrs.length > 1) {
    throw new ServiceError(
      "InvalidLookupAttributesException",
      "You cannot specify more than one lookup attribute per request.",
      400
    );
  }
  let filter;
  const first = obj(attrs?.[0]);
  if (attrs && attrs.length === 1) {
    const key = str(first?.AttributeKey);
    const value = str(first?.AttributeValue);
    if (!key || !LOOKUP_KEYS.includes(key)) {
      throw new ServiceError(
        "InvalidLookupAttributesException",
        `Invalid AttributeKey: ${key ?? "(missing)"}. Valid keys: ${LOOKUP_KEYS.join(", ")}.`,
        400
      );
    }
    if (!value || value.length > 2e3) {
      throw new ServiceError(
        "InvalidLookupAttributesException",
        "AttributeValue must be 1 to 2000 characters.",
        400
      );
    }
    filter = { key, value };
  }
  if (body.EventCategory !== void 0 && body.EventCategory !== "insight") {
    throw new ServiceError("InvalidEventCategoryException", "EventCategory must be insight.", 400);
  }
  if (body.EventCategory === "insight") {
    return json11Result({ Events: [] });
  }
  const max = body.MaxResults === void 0 ? PAGE_MAX : body.MaxResults;
  if (typeof max !== "number" || !Number.isInteger(max) || max < 1 || max > PAGE_MAX) {
    throw new ServiceError("InvalidMaxResultsException", "MaxResults must be an integer from 1 to 50.", 400);
  }
  const nowMs = ctx.now().getTime();
  const start = timestamp(body.StartTime, "StartTime");
  const end = timestamp(body.EndTime, "EndTime");
  if (start !== void 0 && end !== void 0 && end < start) {
    throw new ServiceError("InvalidTimeRangeException", "Start time must be earlier than end time.", 400);
  }
  const floor = nowMs - RETENTION_DAYS * DAY_MS;
  const from = Math.max(start ?? floor, floor);
  const to = Math.min(end ?? nowMs, nowMs);
  const bind = createHash2("sha256").update(JSON.stringify([req.region, filter?.key, filter?.value, body.StartTime, body.EndTime, max])).digest("base64url").slice(0, 16);
  let offset = 0;
  const token = body.NextToken;
  if (token !== void 0 && token !== null && token !== "") {
    if (typeof token !== "string") throw invalidToken();
    let parsed;
    try {
      parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    } catch {
      throw invalidToken();
    }
    if (!parsed || parsed.b !== bind || typeof parsed.o !== "number" || !Number.isInteger(parsed.o) || parsed.o < 0) {
      throw invalidToken();
    }
    offset = parsed.o;
  }
  const idx = indexFor(ctx.state).regions.get(req.region);
  const source = !idx ? [] : filter?.key === "EventName" ? idx.byName.get(filter.value) ?? [] : idx.all;
  const events = [];
  const residual = filter && filter.key !== "EventName" ? filter : void 0;
  let i = firstAtOrBefore(source, to) + (residual ? 0 : offset);
  let skipped = residual ? 0 : offset;
  let next;
  for (; i < source.length; i++) {
    const ev = source[i];
    if (ev.timeMs < from) break;
    if (residual && !matches(ev, residual.key, residual.value)) continue;
    if (skipped < offset) {
      skipped++;
      continue;
    }
    if (events.length === max) {
      next = Buffer.from(JSON.stringify({ b: bind, o: offset + max })).toString("base64url");
      break;
    }
    events.push(render(ev));
  }
  return json11Result(next ? { Events: events, NextToken: next } : { Events: events });
}
var cloudtrailService = {
  services: ["cloudtrail"],
  protocol: "json-1.1",
  resolve(req) {
    const raw = req.headers["x-amz-target"];
    const target = Array.isArray(raw) ? raw[0] : raw;
    const prefix = target ? TARGET_PREFIXES.find((p) => target.startsWith(p)) : void 0;
    const op = prefix && target ? target.slice(prefix.length) : void 0;
    if (req.method !== "POST" || !op) {
      throw new ServiceError("UnknownOperationException", "The operation is not supported.", 400);
    }
    if (op === "LookupEvents") {
      return {
        name: "LookupEvents",
        bucket: "cloudtrail:LookupEvents",
        handle: (ctx) => lookupEvents(req, ctx)
      };
    }
    throw new ServiceError(
      "UnknownOperationException",
      `The emulator does not implement CloudTrail ${op}.`,
      400
    );
  },
  renderError: (err) => json11Error(err)
};

// src/emulator/services/ec2.ts
var NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
var ec2Service = {
  services: ["ec2"],
  protocol: "ec2-query",
  resolve(req) {
    const params = queryParams(req);
    const action = params.get("Action");
    if (action !== "DescribeRegions") {
      throw new ServiceError(
        "InvalidAction",
        `The action ${action ?? "(none)"} is not valid for this web service.`,
        400
      );
    }
    return {
      name: action,
      bucket: "ec2",
      handle: (ctx) => {
        const all = params.get("AllRegions") === "true";
        const names = queryList(params, "RegionName", "");
        const filters = [];
        for (let i = 1; params.has(`Filter.${i}.Name`); i++) {
          filters.push({
            name: params.get(`Filter.${i}.Name`) ?? "",
            values: queryList(params, `Filter.${i}.Value`, "")
          });
        }
        const infos = [];
        const seen = /* @__PURE__ */ new Set();
        for (const r of ctx.state.regions) {
          if (seen.has(r) || ctx.state.disabledRegions.includes(r)) continue;
          seen.add(r);
          infos.push({
            regionName: r,
            regionEndpoint: `ec2.${r}.amazonaws.com`,
            optInStatus: OPT_IN_REGIONS.has(r) ? "opted-in" : "opt-in-not-required"
          });
        }
        if (all || names.length > 0) {
          for (const r of ctx.state.disabledRegions) {
            if (seen.has(r)) continue;
            seen.add(r);
            infos.push({
              regionName: r,
              regionEndpoint: `ec2.${r}.amazonaws.com`,
              optInStatus: "not-opted-in"
            });
          }
        }
        for (const n of names) {
          if (!seen.has(n)) throw new ServiceError("InvalidParameterValue", `Invalid region: ${n}`, 400);
        }
        const selected = infos.filter((i) => names.length === 0 || names.includes(i.regionName)).filter(
          (i) => filters.every((f) => {
            if (f.name === "region-name") return f.values.includes(i.regionName);
            if (f.name === "opt-in-status") return f.values.includes(i.optInStatus);
            if (f.name === "endpoint") return f.values.includes(i.regionEndpoint);
            throw new ServiceError("InvalidParameterValue", `The filter '${f.name}' is invalid`, 400);
          })
        ).sort((a, b) => a.regionName.localeCompare(b.regionName));
        return ec2Result(action, { regionInfo: selected }, NAMESPACE, req);
      }
    };
  },
  renderError: (err, req) => ec2Error(err, req)
};

// src/emulator/services/iam.ts
var IAM_NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
var LISTS = ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"];
var ENTITY_FILTERS = ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"];
var DOCUMENT_KEYS = /* @__PURE__ */ new Set(["PolicyDocument", "AssumeRolePolicyDocument", "Document"]);
function encodePolicyDocument(doc2) {
  const text = typeof doc2 === "string" ? doc2 : JSON.stringify(doc2);
  if (typeof doc2 === "string" && /^%7B/i.test(doc2.trim())) return doc2;
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  );
}
function encodeDocuments(value) {
  if (Array.isArray(value)) return value.map(encodeDocuments);
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = DOCUMENT_KEYS.has(k) && v !== null && v !== void 0 ? encodePolicyDocument(v) : encodeDocuments(v);
    }
    return out;
  }
  return value;
}
var prepared = /* @__PURE__ */ new WeakMap();
function entriesFor(state) {
  const cur = prepared.get(state);
  if (cur && cur.source === state.iam) return cur;
  const entries = [];
  const arns = /* @__PURE__ */ new Set();
  for (const list of LISTS) {
    const items = state.iam[list];
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      const arn2 = item?.Arn;
      if (typeof arn2 === "string") arns.add(arn2);
      const kind = list === "UserDetailList" ? "User" : list === "GroupDetailList" ? "Group" : list === "RoleDetailList" ? "Role" : typeof arn2 === "string" && /^arn:[^:]+:iam::aws:policy\//.test(arn2) ? "AWSManagedPolicy" : "LocalManagedPolicy";
      entries.push({ list, kind, item: encodeDocuments(item) });
    }
  }
  const next = { source: state.iam, entries, arns };
  prepared.set(state, next);
  return next;
}
function maxItems(params, dflt) {
  const raw = params.get("MaxItems");
  if (raw === null) return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1e3) {
    throw new ServiceError(
      "ValidationError",
      `1 validation error detected: Value '${raw}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`,
      400
    );
  }
  return n;
}
var invalidMarker = () => new ServiceError("InvalidInput", "Invalid Marker.", 400);
function getAccountAuthorizationDetails(req, ctx) {
  const params = queryParams(req);
  const filters = queryList(params, "Filter");
  for (const f of filters) {
    if (!ENTITY_FILTERS.includes(f)) {
      throw new ServiceError(
        "ValidationError",
        `1 validation error detected: Value '[${f}]' at 'filter' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${ENTITY_FILTERS.join(", ")}]]`,
        400
      );
    }
  }
  const limit = maxItems(params, 100);
  const all = entriesFor(ctx.state).entries;
  const selected = filters.length === 0 ? all : all.filter((e) => filters.includes(e.kind));
  const scope = `gaad:${[...filters].sort().join(",")}`;
  const short = ctx.activeFaults?.some((f) => f.error === "shortPage") ?? false;
  const pageSize = short ? Math.max(1, Math.floor(limit / 3)) : limit;
  const page = paginate(selected, params.get("Marker"), pageSize, scope, invalidMarker);
  const lists = {
    UserDetailList: [],
    GroupDetailList: [],
    RoleDetailList: [],
    Policies: []
  };
  for (const e of page.items) lists[e.list].push(e.item);
  const result = { IsTruncated: page.next !== void 0 };
  if (page.next !== void 0) result.Marker = page.next;
  Object.assign(result, lists);
  return queryResult("GetAccountAuthorizationDetails", result, IAM_NAMESPACE, req);
}
function simulationFor(sims, principal, action, resource) {
  const a = action.toLowerCase();
  return sims.find(
    (s) => s.principalArn === principal && s.action.toLowerCase() === a && (s.resource === "*" || s.resource === resource)
  );
}
function simulatePrincipalPolicy(req, ctx) {
  const params = queryParams(req);
  const source = params.get("PolicySourceArn");
  if (!source) {
    throw new ServiceError(
      "ValidationError",
      "1 validation error detected: PolicySourceArn must not be null",
      400
    );
  }
  const actions = queryList(params, "ActionNames");
  if (actions.length === 0) {
    throw new ServiceError(
      "ValidationError",
      "1 validation error detected: ActionNames must not be null",
      400
    );
  }
  const sims = ctx.state.simulations;
  const known = entriesFor(ctx.state).arns.has(source) || sims.some((s) => s.principalArn === source);
  if (!known) {
    throw new ServiceError("NoSuchEntity", `The principal ${source} cannot be found.`, 404);
  }
  const resources = queryList(params, "ResourceArns");
  const targets = resources.length > 0 ? resources : ["*"];
  const results = [];
  for (const action of actions) {
    for (const resource of targets) {
      const sim = simulationFor(sims, source, action, resource);
      const decision = sim?.decision ?? "implicitDeny";
      const extra = sim;
      results.push({
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision: decision,
        MatchedStatements: Array.isArray(extra?.matchedStatements) ? extra.matchedStatements : [],
        MissingContextValues: Array.isArray(extra?.missingContextValues) ? extra.missingContextValues : [],
        ...sim?.allowedByOrganizations !== void 0 ? { OrganizationsDecisionDetail: { AllowedByOrganizations: sim.allowedByOrganizations } } : {}
      });
    }
  }
  const limit = maxItems(params, 100);
  const scope = `sim:${source}:${actions.join(",")}:${resources.join(",")}`;
  const page = paginate(results, params.get("Marker"), limit, scope, invalidMarker);
  const result = { IsTruncated: page.next !== void 0 };
  if (page.next !== void 0) result.Marker = page.next;
  result.EvaluationResults = page.items;
  return queryResult("SimulatePrincipalPolicy", result, IAM_NAMESPACE, req);
}
var iamService = {
  services: ["iam"],
  global: true,
  protocol: "query",
  customFaults: ["shortPage"],
  resolve(req) {
    const action = queryParams(req).get("Action");
    switch (action) {
      case "GetAccountAuthorizationDetails":
        return {
          name: action,
          bucket: "iam",
          handle: (ctx) => getAccountAuthorizationDetails(req, ctx)
        };
      case "SimulatePrincipalPolicy":
        return {
          name: action,
          bucket: "iam:SimulatePrincipalPolicy",
          handle: (ctx) => simulatePrincipalPolicy(req, ctx)
        };
      default:
        throw new ServiceError(
          "InvalidAction",
          `The action ${action ?? "(none)"} is not valid for this web service.`,
          400
        );
    }
  },
  renderError: (err, req) => queryError(err, IAM_NAMESPACE, req)
};

// src/emulator/services/lambda.ts
import { createHash as createHash3 } from "node:crypto";
var PAGE_MAX2 = 50;
function hash(...parts) {
  return createHash3("sha256").update(parts.join("\0")).digest();
}
function stableUuid(...parts) {
  const h = hash(...parts).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
function functionUrlId(accountId, region, name, qualifier) {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  const h = hash("url", accountId, region, name, qualifier ?? "");
  let out = "";
  for (let i = 0; i < 32; i++) out += alphabet[(h[i] ?? 0) % 32];
  return out;
}
function lambdaTimestamp(iso) {
  const d = new Date(iso ?? "2024-01-01T00:00:00Z");
  const t = Number.isNaN(d.getTime()) ? /* @__PURE__ */ new Date("2024-01-01T00:00:00Z") : d;
  return t.toISOString().replace("Z", "+0000");
}
function notFound(message) {
  return new ServiceError("ResourceNotFoundException", message, 404);
}
function invalidParameter(message) {
  return new ServiceError("InvalidParameterValueException", message, 400);
}
var NAME = "[A-Za-z0-9_-]{1,64}";
var QUAL = "(\\$LATEST|[A-Za-z0-9_-]{1,128})";
var FULL_ARN = new RegExp(
  `^arn:(aws[a-z-]*):lambda:([a-z0-9-]+):(\\d{12}):function:(${NAME})(?::${QUAL})?$`
);
var PARTIAL_ARN = new RegExp(`^(\\d{12}):function:(${NAME})(?::${QUAL})?$`);
var PLAIN = new RegExp(`^(${NAME})(?::${QUAL})?$`);
function parseFunctionRef(raw) {
  let m = FULL_ARN.exec(raw);
  if (m) return { name: m[4], region: m[2], account: m[3], ...m[5] ? { qualifier: m[5] } : {} };
  m = PARTIAL_ARN.exec(raw);
  if (m) return { name: m[2], account: m[1], ...m[3] ? { qualifier: m[3] } : {} };
  m = PLAIN.exec(raw);
  if (m) return { name: m[1], ...m[2] ? { qualifier: m[2] } : {} };
  return void 0;
}
function decodeSegment(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    throw invalidParameter(`Invalid percent-encoding in the request path: ${s}`);
  }
}
function maxItems2(query) {
  const raw = query.get("MaxItems");
  if (raw === null || raw === "") return PAGE_MAX2;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1e4) {
    throw new ServiceError(
      "ValidationException",
      `1 validation error detected: Value '${raw}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000`,
      400
    );
  }
  return Math.min(n, PAGE_MAX2);
}
var badMarker = () => invalidParameter("Invalid Marker.");
var LambdaApi = class {
  constructor(ctx, region) {
    this.ctx = ctx;
    this.region = region;
  }
  ctx;
  region;
  arn(name, qualifier) {
    const base = `arn:${this.ctx.partition}:lambda:${this.region}:${this.ctx.accountId}:function:${name}`;
    return qualifier === void 0 ? base : `${base}:${qualifier}`;
  }
  functions() {
    return this.ctx.state.functions.filter((f) => f.region === this.region).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  }
  /** Resolve FunctionName (+ optional Qualifier parameter) to a function, or 404 like Lambda. */
  target(rawName, qualifierParam, allowQualifier = true) {
    const ref = parseFunctionRef(rawName);
    if (!ref) {
      throw new ServiceError(
        "ValidationException",
        `1 validation error detected: Value '${rawName}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`,
        400
      );
    }
    if (ref.region !== void 0 && ref.region !== this.region) {
      throw notFound(`Functions from '${ref.region}' are not reachable in this region ('${this.region}')`);
    }
    if (ref.account !== void 0 && ref.account !== this.ctx.accountId) {
      throw new ServiceError(
        "AccessDeniedException",
        `User is not authorized to access function ${rawName} in account ${ref.account}`,
        403
      );
    }
    const param = qualifierParam === null || qualifierParam === "" ? void 0 : qualifierParam;
    if (param !== void 0 && ref.qualifier !== void 0 && param !== ref.qualifier) {
      throw invalidParameter(
        "The derived qualifier from the function name does not match the specified qualifier."
      );
    }
    const qualifier = param ?? ref.qualifier;
    if (qualifier !== void 0 && !allowQualifier) {
      throw invalidParameter("Qualifiers are not supported for this operation.");
    }
    const fn2 = this.ctx.state.functions.find((f) => f.region === this.region && f.name === ref.name);
    if (!fn2) throw notFound(`Function not found: ${this.arn(ref.name, qualifier)}`);
    if (qualifier === void 0 || qualifier === "$LATEST") {
      return { fn: fn2, version: "$LATEST", ...qualifier ? { qualifier } : {} };
    }
    if (fn2.versions.includes(qualifier)) return { fn: fn2, qualifier, version: qualifier };
    const alias = fn2.aliases.find((a) => a.name === qualifier);
    if (alias) return { fn: fn2, qualifier, version: alias.version };
    throw notFound(`Function not found: ${this.arn(fn2.name, qualifier)}`);
  }
  configuration(fn2, version, arnQualifier) {
    const acct = this.ctx.accountId;
    const codeHash = hash("code", fn2.name, version).toString("base64");
    return {
      FunctionName: fn2.name,
      FunctionArn: this.arn(fn2.name, arnQualifier),
      Runtime: fn2.runtime,
      Role: fn2.role ?? `arn:${this.ctx.partition}:iam::${acct}:role/${fn2.name}-role`,
      Handler: fn2.handler ?? "index.handler",
      CodeSize: 200 + hash("size", fn2.name).readUInt16BE(0) % 4e3,
      Description: fn2.description ?? "",
      Timeout: fn2.timeout ?? 3,
      MemorySize: fn2.memorySize ?? 128,
      LastModified: lambdaTimestamp(fn2.lastModified),
      CodeSha256: codeHash,
      Version: version,
      TracingConfig: { Mode: "PassThrough" },
      RevisionId: stableUuid("rev", acct, this.region, fn2.name, version),
      PackageType: "Zip",
      Architectures: ["x86_64"],
      EphemeralStorage: { Size: 512 },
      SnapStart: { ApplyOn: "None", OptimizationStatus: "Off" },
      LoggingConfig: { LogFormat: "Text", LogGroup: `/aws/lambda/${fn2.name}` },
      State: "Active",
      LastUpdateStatus: "Successful",
      RuntimeVersionConfig: {
        RuntimeVersionArn: `arn:${this.ctx.partition}:lambda:${this.region}::runtime:${hash("rt", fn2.runtime).toString("hex")}`
      }
    };
  }
  urlConfig(fn2, url) {
    const id = functionUrlId(this.ctx.accountId, this.region, fn2.name, url.qualifier);
    const created = url.creationTime ?? "2024-01-01T00:00:00.000000Z";
    return {
      FunctionUrl: `https://${id}.lambda-url.${this.region}.on.aws/`,
      FunctionArn: this.arn(fn2.name, url.qualifier ?? void 0),
      AuthType: url.authType,
      ...url.cors !== void 0 ? { Cors: url.cors } : {},
      CreationTime: created,
      LastModifiedTime: url.lastModifiedTime ?? created,
      InvokeMode: url.invokeMode ?? "BUFFERED"
    };
  }
  aliasConfig(fn2, alias) {
    return {
      AliasArn: this.arn(fn2.name, alias.name),
      Name: alias.name,
      FunctionVersion: alias.version,
      Description: typeof alias.description === "string" ? alias.description : "",
      RevisionId: stableUuid("alias", this.ctx.accountId, this.region, fn2.name, alias.name, alias.version)
    };
  }
  // ------------------------------------------------------------------------------------ operations
  listFunctions(query) {
    const all = query.get("FunctionVersion");
    if (all !== null && all !== "ALL") {
      throw new ServiceError(
        "ValidationException",
        `1 validation error detected: Value '${all}' at 'functionVersion' failed to satisfy constraint: Member must satisfy enum value set: [ALL]`,
        400
      );
    }
    const entries = [];
    for (const fn2 of this.functions()) {
      entries.push({ fn: fn2, version: "$LATEST" });
      if (all === "ALL") for (const v of fn2.versions) entries.push({ fn: fn2, version: v });
    }
    const scope = `lambda:ListFunctions:${this.region}:${all ?? ""}`;
    const page = paginate(entries, query.get("Marker"), maxItems2(query), scope, badMarker);
    return {
      Functions: page.items.map(
        (e) => this.configuration(e.fn, e.version, all === "ALL" ? e.version : void 0)
      ),
      ...page.next ? { NextMarker: page.next } : {}
    };
  }
  getFunction(raw, query) {
    const t = this.target(raw, query.get("Qualifier"));
    const fn2 = t.fn;
    const tags = this.ctx.state.behaviour.getFunctionTags === "denied" ? {
      TagsError: {
        ErrorCode: "AccessDeniedException",
        Message: `User: ${this.callerArn()} is not authorized to perform: lambda:ListTags on resource: ${this.arn(fn2.name)} because no identity-based policy allows the lambda:ListTags action`
      }
    } : Object.keys(fn2.tags).length > 0 ? { Tags: fn2.tags } : {};
    const location = `https://awslambda-${this.region}-tasks.s3.${this.region}.amazonaws.com/snapshots/${this.ctx.accountId}/${fn2.name}-${stableUuid("code", fn2.name, t.version)}?X-Amz-Security-Token=emulator`;
    return {
      Configuration: this.configuration(fn2, t.version, t.qualifier),
      Code: { RepositoryType: "S3", Location: location },
      ...tags
    };
  }
  callerArn() {
    return this.ctx.state.callerArn ?? `arn:${this.ctx.partition}:iam::${this.ctx.accountId}:user/emulator`;
  }
  getFunctionConfiguration(raw, query) {
    const t = this.target(raw, query.get("Qualifier"));
    return this.configuration(t.fn, t.version, t.qualifier);
  }
  getPolicy(raw, query) {
    const t = this.target(raw, query.get("Qualifier"));
    const key = t.qualifier === void 0 || t.qualifier === "$LATEST" ? "" : t.qualifier;
    const policy2 = t.fn.policies[key] ?? (key === "" ? t.fn.policies["$LATEST"] : void 0);
    if (policy2 === void 0) throw notFound("The resource you requested does not exist.");
    const text = typeof policy2 === "string" ? policy2 : JSON.stringify(policy2);
    return {
      Policy: text,
      RevisionId: stableUuid("policy", this.ctx.accountId, this.region, t.fn.name, key, text)
    };
  }
  listFunctionUrlConfigs(raw, query) {
    const t = this.target(raw, null, false);
    const urls = [...t.fn.urls].sort((a, b) => (a.qualifier ?? "").localeCompare(b.qualifier ?? ""));
    const scope = `lambda:ListFunctionUrlConfigs:${this.region}:${t.fn.name}`;
    const page = paginate(urls, query.get("Marker"), maxItems2(query), scope, badMarker);
    return {
      FunctionUrlConfigs: page.items.map((u) => this.urlConfig(t.fn, u)),
      ...page.next ? { NextMarker: page.next } : {}
    };
  }
  getFunctionUrlConfig(raw, query) {
    const t = this.target(raw, query.get("Qualifier"));
    if (t.qualifier !== void 0 && t.fn.versions.includes(t.qualifier)) {
      throw invalidParameter("Function URL configurations can only be accessed for an alias or $LATEST.");
    }
    const wanted = t.qualifier === void 0 || t.qualifier === "$LATEST" ? null : t.qualifier;
    const url = t.fn.urls.find((u) => (u.qualifier ?? null) === wanted);
    if (!url) throw notFound("The resource you requested does not exist.");
    return this.urlConfig(t.fn, url);
  }
  listAliases(raw, query) {
    const t = this.target(raw, null, false);
    const version = query.get("FunctionVersion");
    const aliases = t.fn.aliases.filter((a) => version === null || version === "" || a.version === version).sort((a, b) => a.name.localeCompare(b.name));
    const scope = `lambda:ListAliases:${this.region}:${t.fn.name}:${version ?? ""}`;
    const page = paginate(aliases, query.get("Marker"), maxItems2(query), scope, badMarker);
    return {
      Aliases: page.items.map((a) => this.aliasConfig(t.fn, a)),
      ...page.next ? { NextMarker: page.next } : {}
    };
  }
  getAlias(raw, name) {
    const t = this.target(raw, null, false);
    const alias = t.fn.aliases.find((a) => a.name === name);
    if (!alias) throw notFound(`Cannot find alias arn: ${this.arn(t.fn.name, name)}`);
    return this.aliasConfig(t.fn, alias);
  }
  listVersionsByFunction(raw, query) {
    const t = this.target(raw, null, false);
    const versions = ["$LATEST", ...[...t.fn.versions].sort((a, b) => Number(a) - Number(b))];
    const scope = `lambda:ListVersionsByFunction:${this.region}:${t.fn.name}`;
    const page = paginate(versions, query.get("Marker"), maxItems2(query), scope, badMarker);
    return {
      Versions: page.items.map((v) => this.configuration(t.fn, v, v)),
      ...page.next ? { NextMarker: page.next } : {}
    };
  }
  listTags(rawArn) {
    const m = FULL_ARN.exec(rawArn);
    if (!m) {
      throw new ServiceError(
        "ValidationException",
        `1 validation error detected: Value '${rawArn}' at 'resource' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?|layer:[a-zA-Z0-9-_]+)`,
        400
      );
    }
    const t = this.target(rawArn, null);
    return { Tags: t.fn.tags };
  }
};
var ROUTES = [
  {
    name: "ListFunctions",
    date: "2015-03-31",
    pattern: ["functions"],
    run: (a, _p, q) => a.listFunctions(q)
  },
  {
    name: "GetFunction",
    date: "2015-03-31",
    pattern: ["functions", "{F}"],
    run: (a, p, q) => a.getFunction(p.F, q)
  },
  {
    name: "GetFunctionConfiguration",
    date: "2015-03-31",
    pattern: ["functions", "{F}", "configuration"],
    run: (a, p, q) => a.getFunctionConfiguration(p.F, q)
  },
  {
    name: "GetPolicy",
    date: "2015-03-31",
    pattern: ["functions", "{F}", "policy"],
    run: (a, p, q) => a.getPolicy(p.F, q)
  },
  {
    name: "ListAliases",
    date: "2015-03-31",
    pattern: ["functions", "{F}", "aliases"],
    run: (a, p, q) => a.listAliases(p.F, q)
  },
  {
    name: "GetAlias",
    date: "2015-03-31",
    pattern: ["functions", "{F}", "aliases", "{A}"],
    run: (a, p) => a.getAlias(p.F, p.A)
  },
  {
    name: "ListVersionsByFunction",
    date: "2015-03-31",
    pattern: ["functions", "{F}", "versions"],
    run: (a, p, q) => a.listVersionsByFunction(p.F, q)
  },
  {
    name: "ListFunctionUrlConfigs",
    date: "2021-10-31",
    pattern: ["functions", "{F}", "urls"],
    run: (a, p, q) => a.listFunctionUrlConfigs(p.F, q)
  },
  {
    name: "GetFunctionUrlConfig",
    date: "2021-10-31",
    pattern: ["functions", "{F}", "url"],
    run: (a, p, q) => a.getFunctionUrlConfig(p.F, q)
  },
  { name: "ListTags", date: "2017-03-31", pattern: ["tags", "{R}"], run: (a, p) => a.listTags(p.R) }
];
function bucketOf(op) {
  if (op === "GetPolicy") return "lambda:GetPolicy";
  if (op === "GetFunction") return "lambda:GetFunction";
  return "lambda:control-plane";
}
function match(req) {
  const segments = req.path.split("/").slice(1);
  if (segments.length > 1 && segments.at(-1) === "") segments.pop();
  const [date, ...rest] = segments;
  for (const route of ROUTES) {
    if (route.date !== date || route.pattern.length !== rest.length) continue;
    const params = {};
    let ok = true;
    route.pattern.forEach((p, i) => {
      const seg = rest[i] ?? "";
      if (p.startsWith("{")) {
        if (seg === "") ok = false;
        params[p.slice(1, -1)] = seg;
      } else if (p !== seg) ok = false;
    });
    if (ok) return { route, params };
  }
  return void 0;
}
var lambdaService = {
  services: ["lambda"],
  protocol: "rest-json",
  resolve(req) {
    const m = req.method === "GET" ? match(req) : void 0;
    if (!m) {
      throw new ServiceError(
        "UnknownOperationException",
        `The emulator does not implement ${req.method} ${req.path} for Lambda.`,
        404
      );
    }
    const params = {};
    for (const [k, v] of Object.entries(m.params)) params[k] = decodeSegment(v);
    const target = params.F ?? params.R;
    const functionName = target !== void 0 ? parseFunctionRef(target)?.name : void 0;
    return {
      name: m.route.name,
      bucket: bucketOf(m.route.name),
      ...functionName !== void 0 ? { functionName } : {},
      handle: (ctx) => restJsonResult(m.route.run(new LambdaApi(ctx, req.region), params, req.query))
    };
  },
  renderError: (err) => restJsonError(err),
  standardError(kind, info) {
    if (kind === "Throttling") {
      return new ServiceError("TooManyRequestsException", "Rate exceeded", 429, {
        retryAfterSeconds: info.retryAfterSeconds ?? 1,
        fields: { Reason: "CallerRateLimitExceeded" }
      });
    }
    return void 0;
  }
};

// src/emulator/services/sts.ts
import { createHash as createHash4 } from "node:crypto";
var NAMESPACE2 = "https://sts.amazonaws.com/doc/2011-06-15/";
function userId(arn2) {
  const id = createHash4("sha256").update(arn2).digest("base64").replace(/[^A-Za-z0-9]/g, "").toUpperCase();
  const assumed = /:assumed-role\/[^/]+\/(.+)$/.exec(arn2);
  if (assumed) return `AROA${id.slice(0, 17)}:${assumed[1]}`;
  if (/:root$/.test(arn2)) return arn2.split(":")[4] ?? id.slice(0, 12);
  return `AIDA${id.slice(0, 17)}`;
}
function callerArn(ctx) {
  return ctx.state.callerArn ?? `arn:${ctx.partition}:iam::${ctx.accountId}:user/emulator`;
}
var stsService = {
  services: ["sts"],
  global: true,
  protocol: "query",
  resolve(req) {
    const params = queryParams(req);
    const action = params.get("Action");
    if (action !== "GetCallerIdentity") {
      throw new ServiceError(
        "InvalidAction",
        `Could not find operation ${action ?? "(none)"} for version ${params.get("Version") ?? "NO_VERSION_SPECIFIED"}`,
        400
      );
    }
    return {
      name: action,
      bucket: "sts",
      handle: (ctx) => {
        const arn2 = callerArn(ctx);
        return queryResult(action, { Arn: arn2, UserId: userId(arn2), Account: ctx.accountId }, NAMESPACE2, req);
      }
    };
  },
  renderError: (err, req) => queryError(err, NAMESPACE2, req)
};

// src/emulator/services/index.ts
var SERVICES = [
  lambdaService,
  stsService,
  accountService,
  ec2Service,
  cloudtrailService,
  iamService
];

// src/emulator/load.ts
import { readFile } from "node:fs/promises";
function fieldPath(path) {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out === "" ? "(top level)" : out;
}
function hint(field, issue) {
  if (field === "schema") return `set "schema": "${EMULATOR_STATE_SCHEMA_ID}"`;
  if (field === "accountId") return 'use a 12-digit account id in quotes, e.g. "111122223333"';
  if (field === "regions") return 'list at least one enabled region, e.g. ["us-east-1"]';
  if (/^functions\[\d+\]\.name$/.test(field)) return "use 1-64 letters, digits, hyphens or underscores";
  if (/\.authType$/.test(field)) return 'use "NONE" or "AWS_IAM"';
  if (/\.rate$/.test(field)) return "use a number from 0 to 1";
  if (/^behaviour\.quotas\./.test(field))
    return 'use a positive number of requests per second or "unlimited"';
  if (issue.code === "invalid_type") return `give it the expected type (${issue.expected})`;
  return "see CONTRACTS.md \xA75 for the state format";
}
function fail(where, field, problem, fix) {
  throw new InputError(`field "${field}": ${problem}; ${fix}.`, where);
}
function parseEmulatorState(json, where) {
  const result = EmulatorStateSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = fieldPath(issue.path);
    const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problem(s))` : "";
    fail(where, field, `${issue.message}${more}`, hint(field, issue));
  }
  const state = result.data;
  const known = /* @__PURE__ */ new Set([...state.regions, ...state.disabledRegions]);
  const seen = /* @__PURE__ */ new Set();
  state.functions.forEach((fn2, i) => {
    const at = `functions[${i}]`;
    if (!known.has(fn2.region)) {
      fail(
        where,
        `${at}.region`,
        `"${fn2.region}" is in neither "regions" nor "disabledRegions"`,
        `add it to "regions"`
      );
    }
    const key = `${fn2.region}/${fn2.name}`;
    if (seen.has(key))
      fail(where, `${at}.name`, `a second function "${fn2.name}" in ${fn2.region}`, "rename one");
    seen.add(key);
    const aliases = new Set(fn2.aliases.map((a) => a.name));
    const implied = [
      ...fn2.aliases.map((a) => a.version),
      ...Object.keys(fn2.policies).filter((q) => /^\d+$/.test(q))
    ];
    for (const v of implied) if (v !== "$LATEST" && !fn2.versions.includes(v)) fn2.versions.push(v);
    fn2.urls.forEach((u, j) => {
      if (u.qualifier !== null && !aliases.has(u.qualifier)) {
        fail(
          where,
          `${at}.urls[${j}].qualifier`,
          `"${u.qualifier}" is not an alias of "${fn2.name}" (function URLs live on $LATEST or an alias)`,
          `use null or one of the aliases in ${at}.aliases`
        );
      }
    });
    for (const q of Object.keys(fn2.policies)) {
      if (q !== "" && q !== "$LATEST" && !aliases.has(q) && !fn2.versions.includes(q)) {
        fail(
          where,
          `${at}.policies.${q}`,
          `"${q}" is neither an alias nor a version of "${fn2.name}"`,
          `use "" for the unqualified function, or add the alias/version`
        );
      }
    }
  });
  return state;
}
async function loadEmulatorState(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    const code = err.code;
    throw new InputError(
      code === "ENOENT" ? "no such file; pass the path of an emulator state JSON file (CONTRACTS.md \xA75)" : `cannot read the file (${code ?? String(err)})`,
      file
    );
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    let where = file;
    const lineCol = /line (\d+) column (\d+)/.exec(msg);
    const pos = /position (\d+)/.exec(msg);
    if (lineCol) {
      where = `${file}:${lineCol[1]}:${lineCol[2]}`;
    } else if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split("\n").length;
      const column = before.length - before.lastIndexOf("\n");
      where = `${file}:${line}:${column}`;
    }
    throw new InputError(
      `not valid JSON (${msg}); fix the syntax (comments and trailing commas are not allowed)`,
      where
    );
  }
  return parseEmulatorState(json, file);
}

// src/emulator/index.ts
async function startEmulator(state, opts) {
  return startServer(state, SERVICES, opts);
}

// src/cli/progress.ts
function progressReporter(io) {
  const lines = /* @__PURE__ */ new Map();
  let drawn = 0;
  let last = 0;
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - last < 100) return;
    last = now;
    let out = drawn > 0 ? `\x1B[${drawn}A` : "";
    for (const line of lines.values()) out += `\x1B[2K${line}
`;
    drawn = lines.size;
    io.err(out);
  };
  const onProgress = (e) => {
    if (e.kind === "region-done") {
      const line = `${e.region}: ${e.functions} functions scanned, ${e.findings} findings${e.coverage.status === "complete" ? "" : ` (${e.coverage.status}: ${e.coverage.detail ?? ""})`}`;
      if (io.errIsTTY) {
        lines.set(`${e.region}/lambda`, line);
        draw(true);
      } else io.err(`${line}
`);
      return;
    }
    if (!io.errIsTTY) return;
    if (e.kind === "lambda") {
      const total = e.listing ? `${e.functionsTotal}+` : String(e.functionsTotal);
      lines.set(
        `${e.region}/lambda`,
        `${e.region}: ${e.functionsDone}/${total} functions${e.waiting > 0 ? `, ${e.waiting} calls waiting on the rate limit` : ""}`
      );
    } else {
      lines.set(
        `${e.region}/cloudtrail`,
        `${e.region}: CloudTrail ${e.events} GetFunction events, ${e.pages} pages${e.waiting ? " (rate limit)" : ""}`
      );
    }
    draw();
  };
  return { onProgress, finish: () => io.errIsTTY && lines.size > 0 ? draw(true) : void 0 };
}

// src/cli/demo.ts
function examplesDir() {
  for (const rel of ["../examples/infra", "../../examples/infra"]) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  return resolve("examples/infra");
}
async function runDemo(io, opts) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const outDir = resolve(io.cwd, opts.outputDir ?? "demo-output");
  await mkdir(outDir, { recursive: true });
  const emulator = await startEmulator(demoAccount(), { port: 0 });
  const clients = new AwsClients({
    endpointUrl: emulator.url,
    apiBudget: 0.9,
    homeRegion: "us-east-1",
    credentials: { accessKeyId: "AKIADEMODEMODEMO0000", secretAccessKey: "demo-secret-not-a-real-key" }
  });
  const config = defaultConfig();
  try {
    io.out(`lambda-guard demo: emulated account ${emulator.state.accountId} at ${emulator.url}

`);
    const scan = async () => {
      const progress = progressReporter(io);
      const r = await scanAccount({
        clients,
        regions: "all",
        lookbackDays: 90,
        rules: [...RULE_IDS],
        config,
        confirmWithSimulator: true,
        onProgress: progress.onProgress
      });
      progress.finish();
      return r;
    };
    const report = await scan();
    io.out(`\u2500\u2500 Account scan \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500
`);
    io.out(renderReport(report, "text"));
    const applied = applyRemediations(emulator.state, report.findings);
    const after = await scan();
    io.out(
      `
\u2500\u2500 The fixes, applied to the emulated account (${applied.length} changes), then scanned again \u2500\u2500
`
    );
    for (const a of applied) io.out(`  ${a}
`);
    io.out(`
${renderReport(after, "text")}`);
    io.out(
      "What remains needs more than the printed fix: an explicit Deny or a permissions boundary still wins over\nthe new Allow (the finding's evidence names it), and another account's callers are fixed in that account.\n"
    );
    const written = [];
    const write = async (name, text) => {
      await writeFile(join(outDir, name), text);
      written.push(name);
    };
    await write("report.json", renderReport(report, "json"));
    await write("report.sarif", renderReport(report, "sarif"));
    await write("report.md", renderReport(report, "markdown"));
    await write("report-after-fixes.json", renderReport(after, "json"));
    const infra = examplesDir();
    const prefix = repoPrefix(io.cwd, infra);
    const iac = await scanIac(infra, { config, prefix });
    io.out(`
\u2500\u2500 IaC scan of ${relative(io.cwd, infra) || infra} \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500
`);
    io.out(renderReport(iac.report, "text"));
    await write("iac-report.json", renderReport(iac.report, "json"));
    await write("iac-report.sarif", renderReport(iac.report, "sarif"));
    const { files } = await readIacTree(infra, { prefix });
    const plan = await planFixes(files, { config });
    const diff = plan.changes.map((c) => c.diff).join("");
    io.out(`
\u2500\u2500 Fixes (lambda-guard fix ${relative(io.cwd, infra) || infra}) \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500
`);
    io.out(diff || "(no changes)\n");
    for (const { finding, notes } of plan.fixed)
      for (const n of notes) io.out(`note (${finding.rule}): ${n}
`);
    await write("fix.diff", diff);
    io.out(`
Reports written to ${relative(io.cwd, outDir) || "."}/: ${written.join(", ")}
`);
    return 0;
  } finally {
    clients.destroy();
    await emulator.close();
  }
}

// src/cli/options.ts
var FORMATS = ["text", "json", "sarif", "markdown"];
function parseFormat(v) {
  if (v === void 0) return "text";
  if (FORMATS.includes(v)) return v;
  throw new InputError(`must be one of ${FORMATS.join(", ")}, got '${v}'`, "--format");
}
function parseFailOn(v) {
  if (v === void 0) return void 0;
  if (FAIL_ON_VALUES.includes(v)) return v;
  throw new InputError(`must be one of ${FAIL_ON_VALUES.join(", ")}, got '${v}'`, "--fail-on");
}
function parseRegions(v) {
  if (v === void 0) return void 0;
  if (v === "all") return "all";
  const list = v.split(",").map((s) => s.trim()).filter(Boolean);
  const bad = list.find((r) => !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(r));
  if (list.length === 0 || bad !== void 0) {
    throw new InputError(
      `'${bad ?? v}' is not a region name \u2014 use all or a comma-separated list such as us-east-1,eu-west-1`,
      "--regions"
    );
  }
  return [...new Set(list)];
}
function parseLookbackDays(v) {
  if (v === void 0) return void 0;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 90) {
    throw new InputError(
      `must be a whole number of days from 1 to 90 (CloudTrail's event history), got '${v}'`,
      "--lookback-days"
    );
  }
  return n;
}
function parseRules(v) {
  if (v === void 0) return void 0;
  const list = v.split(",").map((s) => s.trim().toUpperCase()).filter(Boolean);
  const bad = list.find((r) => !isRuleId(r));
  if (list.length === 0 || bad !== void 0) {
    throw new InputError(
      `unknown rule '${bad ?? v}' \u2014 use a comma-separated list of ${RULE_IDS.join(", ")}`,
      "--rules"
    );
  }
  return list;
}
function parseApiBudget(v) {
  if (v === void 0) return 0.9;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 1e3) {
    throw new InputError(
      `must be a number above 0 (fraction of AWS's documented API quotas; above 1 only for raised quotas), got '${v}'`,
      "--api-budget"
    );
  }
  return n;
}
function parsePort(v) {
  if (v === void 0) return 0;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InputError(`must be a port number 0\u201365535, got '${v}'`, "--port");
  return n;
}
function parseEndpointUrl(v) {
  if (v === void 0) return void 0;
  try {
    const u = new URL(v);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error();
    return v;
  } catch {
    throw new InputError(
      `must be an http(s) URL such as http://127.0.0.1:4566, got '${v}'`,
      "--endpoint-url"
    );
  }
}

// src/cli/emulate.ts
async function runEmulate(io, v) {
  if (!v.state)
    throw new InputError("--state FILE is required (an emulator state, CONTRACTS.md \xA75)", "emulate");
  const state = await loadEmulatorState(v.state);
  const handle = await startEmulator(state, {
    port: parsePort(v.port),
    ...v.verbose ? { log: (l) => io.err(`${l}
`) } : {}
  });
  io.out(`listening on ${handle.url}
`);
  await new Promise((resolve3) => {
    const stop = () => resolve3();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await handle.close();
  return 0;
}

// src/cli/io.ts
function processIo() {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    errIsTTY: Boolean(process.stderr.isTTY) && !process.env.CI,
    cwd: process.cwd(),
    env: process.env
  };
}

// src/cli/main.ts
import { readFile as readFile2 } from "node:fs/promises";
var USAGE = `lambda-guard ${VERSION} \u2014 public Lambda function URLs and missing lambda:ListTags grants

Usage:
  lambda-guard scan [options]             live scan of the account reached by the default AWS credential chain
  lambda-guard iac [DIR] [options]        static scan of the IaC files under DIR (default .)
  lambda-guard fix [DIR] [options]        patches for DIR: a unified diff on stdout, or --write to apply them
  lambda-guard emulate --state FILE [--port N] [--verbose]
                                          serve an emulated AWS account on 127.0.0.1 (--verbose logs each request)
  lambda-guard demo [--output-dir DIR]    emulate the bundled sample account, scan it, scan and fix the example IaC

Common options:
  --format text|json|sarif|markdown       output format (default text)
  --output FILE                           write the output to FILE instead of stdout
  --config FILE                           config file (default .github/lambda-guard.yml when present)
  --fail-on critical|high|medium|low|none exit 1 when a finding is at or above this (default high)

scan options:
  --regions all|r1,r2                     regions to scan (default all = the account's enabled regions)
  --endpoint-url URL                      send every AWS call there (e.g. the emulator)
  --lookback-days N                       CloudTrail window for LG004, 1\u201390 (default 90)
  --rules LG001,LG004                     rules to run (default all: ${RULE_IDS.join(",")})
  --api-budget F                          fraction of AWS's documented API quotas to use (default 0.9)
  --confirm-with-simulator                confirm LG004 principals with iam:SimulatePrincipalPolicy

fix options:
  --report FILE                           locate a report's findings in DIR instead of running the static scan
  --write                                 apply the patches

Exit codes: 0 nothing at or above --fail-on \xB7 1 findings at or above it \xB7 2 bad usage, config or input \xB7
            3 the scan was incomplete and nothing reached --fail-on
`;
var COMMON = {
  format: { type: "string" },
  output: { type: "string" },
  config: { type: "string" },
  "fail-on": { type: "string" },
  help: { type: "boolean", short: "h" }
};
var OPTIONS = {
  scan: {
    ...COMMON,
    regions: { type: "string" },
    "endpoint-url": { type: "string" },
    "lookback-days": { type: "string" },
    rules: { type: "string" },
    "api-budget": { type: "string" },
    "confirm-with-simulator": { type: "boolean" }
  },
  iac: { ...COMMON },
  fix: { ...COMMON, report: { type: "string" }, write: { type: "boolean" } },
  emulate: {
    state: { type: "string" },
    port: { type: "string" },
    verbose: { type: "boolean" },
    help: { type: "boolean", short: "h" }
  },
  demo: { "output-dir": { type: "string" }, help: { type: "boolean", short: "h" } }
};
function parse(command, args) {
  try {
    return parseArgs({ args, options: OPTIONS[command], allowPositionals: true, strict: true });
  } catch (err) {
    throw new InputError(
      `${errorMessage(err).replace(/\. To specify.*$/s, "")} \u2014 see 'lambda-guard --help'`,
      command
    );
  }
}
function exitCodeFor(report, failOn) {
  if (activeFindings(report).some((f) => meetsThreshold(f.severity, failOn))) return 1;
  if (isIncomplete(report.coverage)) return 3;
  return 0;
}
async function emit(io, text, output) {
  if (output === void 0) return io.out(text);
  const path = resolve2(io.cwd, output);
  await mkdir2(dirname(path), { recursive: true });
  await writeFile2(path, text);
}
async function configFor(io, file) {
  return loadConfig(file === void 0 ? void 0 : resolve2(io.cwd, file), io.cwd);
}
async function main(argv, io = processIo()) {
  const [command, ...rest] = argv;
  try {
    if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
      io.out(USAGE);
      return command === void 0 ? 2 : 0;
    }
    if (command === "--version" || command === "-v") {
      io.out(`${VERSION}
`);
      return 0;
    }
    if (!(command in OPTIONS)) {
      throw new InputError(`unknown command '${command}' \u2014 use scan, iac, fix, emulate or demo (see --help)`);
    }
    const { values, positionals } = parse(command, rest);
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    switch (command) {
      case "scan":
        return await scanCommand(io, values, positionals);
      case "iac":
        return await iacCommand(io, values, positionals);
      case "fix":
        return await fixCommand(io, values, positionals);
      case "emulate":
        return await runEmulate(io, values);
      case "demo":
        return await runDemo(io, { outputDir: values["output-dir"] });
    }
  } catch (err) {
    if (err instanceof InputError) {
      io.err(`lambda-guard: ${err.message}
`);
      return 2;
    }
    io.err(
      `lambda-guard: unexpected error: ${err instanceof Error ? err.stack ?? err.message : String(err)}
`
    );
    return 2;
  }
  return 2;
}
async function directoryArg(io, command, arg) {
  const root = resolve2(io.cwd, arg ?? ".");
  let isDir = false;
  try {
    isDir = (await stat(root)).isDirectory();
  } catch {
    throw new InputError(
      `no such directory \u2014 pass the folder that holds your IaC (default .)`,
      `${command} ${arg ?? "."}`
    );
  }
  if (!isDir)
    throw new InputError(
      `not a directory \u2014 pass the folder that holds your IaC (default .)`,
      `${command} ${arg}`
    );
  return root;
}
function noPositionals(command, positionals, max) {
  if (positionals.length > max) {
    throw new InputError(
      `unexpected argument '${positionals[max]}' \u2014 see 'lambda-guard ${command} --help'`,
      command
    );
  }
}
async function scanCommand(io, v, pos) {
  noPositionals("scan", pos, 0);
  const format = parseFormat(v.format);
  const failOnFlag = parseFailOn(v["fail-on"]);
  const regionsFlag = parseRegions(v.regions);
  const lookbackFlag = parseLookbackDays(v["lookback-days"]);
  const rules = parseRules(v.rules) ?? [...RULE_IDS];
  const apiBudget = parseApiBudget(v["api-budget"]);
  const endpointUrl = parseEndpointUrl(v["endpoint-url"]);
  const { config } = await configFor(io, v.config);
  const clients = new AwsClients({ apiBudget, ...endpointUrl ? { endpointUrl } : {} });
  const progress = progressReporter(io);
  try {
    const report = await scanAccount({
      clients,
      regions: regionsFlag ?? config.regions,
      lookbackDays: lookbackFlag ?? config.lookbackDays,
      rules,
      config,
      confirmWithSimulator: Boolean(v["confirm-with-simulator"]),
      onProgress: progress.onProgress
    });
    progress.finish();
    await emit(io, renderReport(report, format), v.output);
    return exitCodeFor(report, failOnFlag ?? config.failOn);
  } finally {
    clients.destroy();
  }
}
async function iacCommand(io, v, pos) {
  noPositionals("iac", pos, 1);
  const format = parseFormat(v.format);
  const failOnFlag = parseFailOn(v["fail-on"]);
  const root = await directoryArg(io, "iac", pos[0]);
  const { config } = await configFor(io, v.config);
  const { report } = await scanIac(root, { config, prefix: repoPrefix(io.cwd, root) });
  await emit(io, renderReport(report, format), v.output);
  return exitCodeFor(report, failOnFlag ?? config.failOn);
}
async function readReportFile(io, file) {
  const path = resolve2(io.cwd, file);
  let raw;
  try {
    raw = JSON.parse(await readFile2(path, "utf8"));
  } catch (err) {
    throw new InputError(
      `cannot read the report as JSON (${errorMessage(err)}) \u2014 pass a file written by 'lambda-guard scan --format json'`,
      file
    );
  }
  const parsed = ReportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `not a lambda-guard report: ${issue.path.join(".") || "(top level)"}: ${issue.message} \u2014 pass a file written by 'lambda-guard scan --format json'`,
      file
    );
  }
  return parsed.data;
}
async function fixCommand(io, v, pos) {
  noPositionals("fix", pos, 1);
  const root = await directoryArg(io, "fix", pos[0]);
  const { config } = await configFor(io, v.config);
  const report = v.report ? await readReportFile(io, v.report) : void 0;
  const prefix = repoPrefix(io.cwd, root);
  const { files } = await readIacTree(root, { prefix });
  const plan = await planFixes(files, { config, ...report ? { report } : {} });
  const diff = plan.changes.map((c) => c.diff).join("");
  if (v.write) {
    await writeFixes(root, plan, { prefix });
    io.err(
      `lambda-guard: patched ${plan.changes.length} file${plan.changes.length === 1 ? "" : "s"} under ${root}
`
    );
  } else {
    await emit(io, diff, v.output);
  }
  for (const { finding, notes } of plan.fixed) {
    for (const n of notes)
      io.err(
        `note (${finding.rule} ${finding.resource.iac?.address ?? finding.resource.functionName ?? ""}): ${n}
`
      );
  }
  for (const { finding, reason } of plan.unfixed) {
    io.err(
      `not fixed (${finding.rule} ${finding.resource.iac?.address ?? finding.resource.arn ?? ""}): ${reason}
`
    );
  }
  return 0;
}

// src/cli/index.ts
process.exitCode = await main(process.argv.slice(2));
