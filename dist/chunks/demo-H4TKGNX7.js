import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  progressReporter
} from "./chunk-PHFMKJAT.js";
import {
  securityHubLine
} from "./chunk-BX5LTWU6.js";
import {
  syncSecurityHub
} from "./chunk-SSFWDU3T.js";
import {
  AwsClients
} from "./chunk-JJCYNUYU.js";
import "./chunk-KBE33ETN.js";
import "./chunk-4VCTXFRF.js";
import {
  scanAccount
} from "./chunk-4CSATNOJ.js";
import "./chunk-TNTOQ6QL.js";
import "./chunk-E6L6MX7O.js";
import "./chunk-2JWLIWBS.js";
import {
  planFixes
} from "./chunk-2LOSZSWT.js";
import {
  repoPrefix,
  scanIac
} from "./chunk-3LNKEIC5.js";
import "./chunk-WNNLCRIJ.js";
import "./chunk-OIVCYA3S.js";
import {
  EMULATOR_STATE_SCHEMA_ID,
  EmulatorStateSchema,
  startEmulator
} from "./chunk-QUCYZBLC.js";
import "./chunk-LSF6AO4J.js";
import "./chunk-E4R4KLO7.js";
import "./chunk-4VYDAHCH.js";
import "./chunk-JOPDVS7U.js";
import "./chunk-T5AN75SP.js";
import "./chunk-WF2JIZYK.js";
import "./chunk-AHIWXY2A.js";
import "./chunk-ZOSEZ4WG.js";
import "./chunk-PLX4MXHT.js";
import "./chunk-W2GYLCDX.js";
import "./chunk-U6AM3KXG.js";
import "./chunk-RJK6TATR.js";
import {
  renderReport
} from "./chunk-KIWNMDSZ.js";
import "./chunk-AGXIWYW7.js";
import "./chunk-CSWTXLBN.js";
import "./chunk-BL7RKF4P.js";
import {
  readIacTree
} from "./chunk-TPH6OF3P.js";
import "./chunk-74QD6PXN.js";
import "./chunk-Y22KSWV4.js";
import "./chunk-RZOBS62O.js";
import "./chunk-NXJRENZE.js";
import "./chunk-KOHQH5XZ.js";
import "./chunk-CMKO3ROG.js";
import "./chunk-SYCOQQ3O.js";
import {
  defaultConfig
} from "./chunk-P2NUQOZL.js";
import {
  RULE_IDS
} from "./chunk-JAJAJYEP.js";
import "./chunk-4GMCL7QT.js";
import "./chunk-LYD5ERHY.js";

// src/cli/demo.ts
import { mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

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
    const hubBefore = await syncSecurityHub({ clients, report, rules: RULE_IDS });
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
    const hubAfter = await syncSecurityHub({ clients, report: after, rules: RULE_IDS });
    io.out(`
\u2500\u2500 Security Hub (lambda-guard scan --security-hub) \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500
`);
    io.out(`  first scan:       ${securityHubLine(hubBefore)}
`);
    io.out(`  after the fixes:  ${securityHubLine(hubAfter)}
`);
    const written = [];
    const write = async (name, text) => {
      await writeFile(join(outDir, name), text);
      written.push(name);
    };
    await write("report.json", renderReport(report, "json"));
    await write("report.sarif", renderReport(report, "sarif"));
    await write("report.asff.json", renderReport(report, "asff", { asffRegion: clients.homeRegion }));
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
export {
  runDemo
};
