/**
 * The demo account's GetFunction callers (LG004): CloudTrail records as CloudTrail writes them, the IAM
 * authorization details that decide whether each caller may call lambda:ListTags, and simulator answers.
 *
 * | caller                               | how it reads                     | ListTags?                    |
 * | ------------------------------------ | -------------------------------- | ---------------------------- |
 * | role ci-deployer                     | GitHub OIDC session              | no: only lambda:GetFunction  |
 * | role inventory-reader                | EC2 instance session             | no: lambda:Get* only         |
 * | user alice (group lambda-readers)    | access key and federated session | yes: group grants lambda:List* |
 * | SSO role AWSReservedSSO_DeveloperAccess_… | Identity Center session     | no: permission set lacks it  |
 * | role partner-inventory (444455556666) | cross-account session           | unknown here                 |
 * | role audit-reader                    | session                          | no: explicit Deny            |
 * | role tag-scoped-reader               | session                          | conditional on aws:ResourceTag/team |
 * | role contractor-readonly             | session                          | no: permissions boundary     |
 * | user bob                             | federated-user session           | no: only lambda:GetFunction  |
 * | root, CloudFormation, the scanner, a failed call | —                    | skipped                      |
 */
import { createHash } from "node:crypto";
import type { Simulation } from "../state.js";

const PARTNER_ACCOUNT = "444455556666";
const DAY = 86_400_000;

function uuid(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function principalId(prefix: string, seed: string): string {
  return (
    prefix +
    createHash("sha256")
      .update(seed)
      .digest("base64")
      .replace(/[^A-Za-z0-9]/g, "")
      .toUpperCase()
      .slice(0, 17)
  );
}

const doc = (...Statement: unknown[]) => ({ Version: "2012-10-17", Statement });

interface FnRef {
  arn: string;
  region: string;
  name: string;
}

function parseArn(arn: string): FnRef {
  const parts = arn.split(":");
  return { arn, region: parts[3] ?? "us-east-1", name: parts[6] ?? "" };
}

/**
 * Demo callers for `accountId`'s functions (`functionArns`, unqualified). Event times are relative to `now` so
 * they stay inside CloudTrail's 90-day lookup window.
 */
export function demoCallers(
  accountId: string,
  functionArns: string[],
  now: Date = new Date(),
): { cloudtrail: Record<string, unknown>[]; iam: Record<string, unknown>; simulations: Simulation[] } {
  const fns = functionArns.map(parseArn);
  const inRegion = (region: string) => fns.filter((f) => f.region === region);
  const byName = (name: string) => fns.find((f) => f.name === name);
  // Prefer the named demo functions; fall back to whatever the account has, so any function list works.
  const pick = (name: string, fallbackIndex: number): FnRef =>
    byName(name) ??
    fns[fallbackIndex % Math.max(1, fns.length)] ??
    parseArn(`arn:aws:lambda:us-east-1:${accountId}:function:${name}`);
  const firstRegion = fns[0]?.region ?? "us-east-1";
  const euFns = inRegion("eu-west-1");
  const apFns = inRegion("ap-southeast-2");

  const roleArn = (name: string, path = "/") => `arn:aws:iam::${accountId}:role${path}${name}`;
  const userArn = (name: string) => `arn:aws:iam::${accountId}:user/${name}`;
  const ssoRole = "AWSReservedSSO_DeveloperAccess_3f2a1b0c9d8e7f65";
  const ssoPath = "/aws-reserved/sso.amazonaws.com/eu-west-1/";

  const assumed = (role: string, session: string, path = "/", account = accountId) => ({
    type: "AssumedRole",
    principalId: `${principalId("AROA", `${account}/${role}`)}:${session}`,
    arn: `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
    accountId: account,
    accessKeyId: principalId("ASIA", `${role}/${session}`).slice(0, 20),
    sessionContext: {
      sessionIssuer: {
        type: "Role",
        principalId: principalId("AROA", `${account}/${role}`),
        arn: `arn:aws:iam::${account}:role${path}${role}`,
        accountId: account,
        userName: role,
      },
      attributes: {
        creationDate: new Date(now.getTime() - DAY).toISOString().replace(/\.\d{3}Z$/, "Z"),
        mfaAuthenticated: "false",
      },
    },
  });
  const iamUser = (name: string) => ({
    type: "IAMUser",
    principalId: principalId("AIDA", name),
    arn: userArn(name),
    accountId,
    accessKeyId: principalId("AKIA", name).slice(0, 20),
    userName: name,
  });
  const federated = (issuer: string, name: string) => ({
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
        userName: issuer,
      },
      attributes: {
        creationDate: new Date(now.getTime() - DAY).toISOString().replace(/\.\d{3}Z$/, "Z"),
        mfaAuthenticated: "false",
      },
    },
  });

  const cloudtrail: Record<string, unknown>[] = [];
  let n = 0;
  const event = (
    identity: Record<string, unknown>,
    fn: FnRef,
    opts: {
      daysAgo: number;
      functionName?: string;
      eventName?: string;
      errorCode?: string;
      userAgent?: string;
      sourceIp?: string;
    },
  ) => {
    const seed = `${accountId}/${n++}`;
    const t = new Date(now.getTime() - opts.daysAgo * DAY - (n % 7) * 60_000);
    const record: Record<string, unknown> = {
      eventVersion: "1.09",
      userIdentity: identity,
      eventTime: t.toISOString().replace(/\.\d{3}Z$/, "Z"),
      eventSource: "lambda.amazonaws.com",
      eventName: opts.eventName ?? "GetFunction20150331v2",
      awsRegion: fn.region,
      sourceIPAddress:
        opts.sourceIp ?? (identity.type === "AWSService" ? "cloudformation.amazonaws.com" : "203.0.113.24"),
      userAgent:
        opts.userAgent ??
        "aws-cli/2.22.1 md/awscrt#0.23.4 ua/2.0 os/linux#6.8 md/arch#x86_64 lang/python#3.12.6",
      requestParameters: { functionName: opts.functionName ?? fn.name },
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
        clientProvidedHostHeader: `lambda.${fn.region}.amazonaws.com`,
      },
    };
    if (opts.errorCode) {
      record.errorCode = opts.errorCode;
      record.errorMessage = `User: ${String(identity.arn)} is not authorized to perform: lambda:GetFunction on resource: ${fn.arn} because no identity-based policy allows the lambda:GetFunction action`;
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

  // ci-deployer: GitHub Actions deploy role, GetFunction only. Name, qualified name and full ARN forms.
  const ci = assumed("ci-deployer", "GitHubActions");
  event(ci, webhook, {
    daysAgo: 2,
    userAgent: "aws-sdk-js/3.700.0 ua/2.1 os/linux lang/js md/nodejs#20.18.0 api/lambda#3.700.0",
  });
  event(ci, webhook, { daysAgo: 9 });
  event(ci, checkout, { daysAgo: 3, functionName: `${checkout.name}:live` });
  event(ci, checkout, { daysAgo: 30, functionName: checkout.arn });

  // inventory-reader: lambda:Get* (which does not cover ListTags); one event under the old name.
  const inv = assumed("inventory-reader", "i-0a1b2c3d4e5f67890");
  event(inv, resizer, { daysAgo: 1 });
  event(inv, billing, { daysAgo: 4, eventName: "GetFunction" });

  // alice: group lambda-readers grants lambda:List* — clean, directly and through a federated session.
  event(iamUser("alice"), dashboard, { daysAgo: 5 });
  event(federated("alice", "alice-console"), billing, { daysAgo: 6 });

  // IAM Identity Center developers.
  const sso = assumed(ssoRole, "dev@example.com", ssoPath);
  event(sso, ordersApi, { daysAgo: 1, userAgent: "Mozilla/5.0 (console)" });
  event(sso, inventorySync, { daysAgo: 12, functionName: `${accountId}:function:${inventorySync.name}` });

  // A partner account's role reads the partner function.
  event(assumed("partner-inventory", "sync", "/", PARTNER_ACCOUNT), partnerApi, { daysAgo: 2 });

  // audit-reader: AWSLambda_ReadOnlyAccess plus an explicit Deny on ListTags.
  const audit = assumed("audit-reader", "weekly-audit");
  event(audit, thumbnailer, { daysAgo: 7 });
  event(audit, reports, { daysAgo: 8 });

  // tag-scoped-reader: ListTags only where aws:ResourceTag/team matches.
  event(assumed("tag-scoped-reader", "dashboards"), webhook, { daysAgo: 3 });

  // contractor-readonly: its policy allows ListTags, its boundary does not.
  event(assumed("contractor-readonly", "contractor-jane"), legacy, { daysAgo: 10 });

  // bob: federated sessions from an IAM user with GetFunction only.
  event(federated("bob", "bob-reporting"), dashboard, { daysAgo: 2 });

  // Skipped: root (not limited by identity policies), CloudFormation, the scanner itself, a failed call.
  event(
    {
      type: "Root",
      principalId: accountId,
      arn: `arn:aws:iam::${accountId}:root`,
      accountId,
      accessKeyId: principalId("ASIA", "root").slice(0, 20),
    },
    billing,
    { daysAgo: 20 },
  );
  event(
    { ...assumed("deploy-pipeline", "AWSCloudFormation"), invokedBy: "cloudformation.amazonaws.com" },
    webhook,
    { daysAgo: 2 },
  );
  event({ type: "AWSService", invokedBy: "cloudformation.amazonaws.com" }, checkout, { daysAgo: 2 });
  event(assumed("lambda-guard-scan", "demo"), webhook, { daysAgo: 1 });
  event(assumed("intern", "summer"), reports, { daysAgo: 4, errorCode: "AccessDenied" });
  // Not a GetFunction call: the exact-match lookup must not return it.
  cloudtrail.push({
    ...cloudtrail[0],
    eventName: "ListFunctions20150331",
    eventID: uuid(`${accountId}/list`),
    requestParameters: null,
    awsRegion: firstRegion,
  });

  // ------------------------------------------------------------------------------------------ IAM
  const created = "2024-03-01T09:00:00Z";
  const trust = (
    principal: Record<string, unknown>,
    action: string | string[] = "sts:AssumeRole",
    condition?: unknown,
  ) =>
    doc({
      Effect: "Allow",
      Principal: principal,
      Action: action,
      ...(condition ? { Condition: condition } : {}),
    });
  const role = (
    name: string,
    opts: {
      path?: string;
      inline?: Record<string, unknown>;
      attached?: { name: string; arn: string }[];
      boundary?: string;
      trust?: unknown;
    },
  ) => ({
    Path: opts.path ?? "/",
    RoleName: name,
    RoleId: principalId("AROA", `${accountId}/${name}`),
    Arn: roleArn(name, opts.path ?? "/"),
    CreateDate: created,
    AssumeRolePolicyDocument: opts.trust ?? trust({ AWS: `arn:aws:iam::${accountId}:root` }),
    InstanceProfileList: [],
    RolePolicyList: Object.entries(opts.inline ?? {}).map(([PolicyName, PolicyDocument]) => ({
      PolicyName,
      PolicyDocument,
    })),
    AttachedManagedPolicies: (opts.attached ?? []).map((a) => ({ PolicyName: a.name, PolicyArn: a.arn })),
    ...(opts.boundary
      ? { PermissionsBoundary: { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: opts.boundary } }
      : {}),
    Tags: [],
    RoleLastUsed: {
      LastUsedDate: new Date(now.getTime() - DAY).toISOString().replace(/\.\d{3}Z$/, "Z"),
      Region: firstRegion,
    },
  });
  const user = (name: string, opts: { groups?: string[]; inline?: Record<string, unknown> }) => ({
    Path: "/",
    UserName: name,
    UserId: principalId("AIDA", name),
    Arn: userArn(name),
    CreateDate: created,
    UserPolicyList: Object.entries(opts.inline ?? {}).map(([PolicyName, PolicyDocument]) => ({
      PolicyName,
      PolicyDocument,
    })),
    GroupList: opts.groups ?? [],
    AttachedManagedPolicies: [],
    Tags: [],
  });
  const managed = (name: string, arn: string, document: unknown) => ({
    PolicyName: name,
    PolicyId: principalId("ANPA", arn),
    Arn: arn,
    Path: "/",
    DefaultVersionId: "v1",
    AttachmentCount: 1,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    CreateDate: created,
    UpdateDate: created,
    PolicyVersionList: [{ Document: document, VersionId: "v1", IsDefaultVersion: true, CreateDate: created }],
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
            Resource: lambdaAll,
          }),
        },
      }),
    ],
    GroupDetailList: [
      {
        Path: "/",
        GroupName: "lambda-readers",
        GroupId: principalId("AGPA", "lambda-readers"),
        Arn: `arn:aws:iam::${accountId}:group/lambda-readers`,
        CreateDate: created,
        GroupPolicyList: [],
        AttachedManagedPolicies: [{ PolicyName: "LambdaReaders", PolicyArn: readersArn }],
      },
    ],
    RoleDetailList: [
      role("ci-deployer", {
        trust: trust(
          { Federated: `arn:aws:iam::${accountId}:oidc-provider/token.actions.githubusercontent.com` },
          "sts:AssumeRoleWithWebIdentity",
          { StringLike: { "token.actions.githubusercontent.com:sub": "repo:example/payments:*" } },
        ),
        inline: {
          DeployerReadLambda: doc({
            Sid: "ReadFunctions",
            Effect: "Allow",
            Action: ["lambda:GetFunction", "lambda:GetFunctionConfiguration"],
            Resource: lambdaAll,
          }),
        },
      }),
      role("inventory-reader", {
        trust: trust({ Service: "ec2.amazonaws.com" }),
        attached: [{ name: "LambdaGetOnly", arn: getOnlyArn }],
      }),
      role(ssoRole, {
        path: ssoPath,
        trust: trust(
          { Federated: `arn:aws:iam::${accountId}:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE` },
          ["sts:AssumeRoleWithSAML", "sts:TagSession"],
          { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
        ),
        inline: {
          AwsSSOInlinePolicy: doc({
            Sid: "DeveloperLambda",
            Effect: "Allow",
            Action: ["lambda:GetFunction", "lambda:ListFunctions", "lambda:InvokeFunction"],
            Resource: "*",
          }),
        },
      }),
      role("audit-reader", {
        attached: [{ name: "AWSLambda_ReadOnlyAccess", arn: lambdaReadOnlyArn }],
        inline: {
          DenyTagReads: doc({ Sid: "NoTagReads", Effect: "Deny", Action: "lambda:ListTags", Resource: "*" }),
        },
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
              Condition: { StringEquals: { "aws:ResourceTag/team": "payments" } },
            },
          ),
        },
      }),
      role("contractor-readonly", {
        boundary: boundaryArn,
        inline: {
          ContractorRead: doc({
            Sid: "ReadFunctionsAndTags",
            Effect: "Allow",
            Action: ["lambda:GetFunction", "lambda:ListTags"],
            Resource: lambdaAll,
          }),
        },
      }),
      role("lambda-guard-scan", {
        trust: trust(
          { Federated: `arn:aws:iam::${accountId}:oidc-provider/token.actions.githubusercontent.com` },
          "sts:AssumeRoleWithWebIdentity",
        ),
        attached: [{ name: "LambdaGuardScan", arn: scanPolicyArn }],
      }),
    ],
    Policies: [
      managed(
        "LambdaGetOnly",
        getOnlyArn,
        doc({ Sid: "GetEverything", Effect: "Allow", Action: "lambda:Get*", Resource: "*" }),
      ),
      managed(
        "LambdaReaders",
        readersArn,
        doc({
          Sid: "ReadLambda",
          Effect: "Allow",
          Action: ["lambda:GetFunction", "lambda:List*"],
          Resource: "*",
        }),
      ),
      managed(
        "AWSLambda_ReadOnlyAccess",
        lambdaReadOnlyArn,
        doc({
          Sid: "ReadOnly",
          Effect: "Allow",
          Action: ["lambda:Get*", "lambda:List*", "cloudwatch:GetMetricData", "logs:DescribeLogGroups"],
          Resource: "*",
        }),
      ),
      managed(
        "ContractorBoundary",
        boundaryArn,
        doc({
          Sid: "BoundaryRead",
          Effect: "Allow",
          Action: ["lambda:GetFunction", "lambda:ListFunctions"],
          Resource: "*",
        }),
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
            "iam:SimulatePrincipalPolicy",
          ],
          Resource: "*",
        }),
      ),
    ],
  };

  // SimulatePrincipalPolicy answers for the flagged principals (SCPs allow everything in the demo).
  const sim = (
    principalArn: string,
    decision: Simulation["decision"],
    extra: Record<string, unknown> = {},
  ): Simulation => ({
    principalArn,
    action: "lambda:ListTags",
    resource: "*",
    decision,
    allowedByOrganizations: true,
    ...extra,
  });
  const simulations: Simulation[] = [
    sim(roleArn("ci-deployer"), "implicitDeny"),
    sim(roleArn("inventory-reader"), "implicitDeny"),
    sim(roleArn(ssoRole, ssoPath), "implicitDeny"),
    sim(roleArn("audit-reader"), "explicitDeny", {
      matchedStatements: [{ SourcePolicyId: "DenyTagReads", SourcePolicyType: "IAM Policy" }],
    }),
    sim(roleArn("tag-scoped-reader"), "implicitDeny", { missingContextValues: ["aws:ResourceTag/team"] }),
    sim(roleArn("contractor-readonly"), "implicitDeny"),
    sim(userArn("bob"), "implicitDeny"),
    sim(userArn("alice"), "allowed"),
  ];

  return { cloudtrail, iam, simulations };
}
