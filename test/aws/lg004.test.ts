import { afterEach, describe, expect, it } from "vitest";
import { AwsClients } from "../../src/aws/clients.js";
import { scanGetFunctionCallers, type Lg004Result } from "../../src/aws/lg004/index.js";
import { lookupRegion } from "../../src/aws/lg004/lookup-events.js";
import { demoAccount } from "../../src/emulator/demo/account.js";
import {
  EMULATOR_STATE_SCHEMA_ID,
  EmulatorStateSchema,
  startEmulator,
  type EmulatorHandle,
  type EmulatorState,
} from "../../src/emulator/index.js";
import { FindingSchema, fingerprint, type Finding } from "../../src/model/index.js";

const A = "111122223333";
const NOW = new Date("2026-03-01T12:00:00Z");
const credentials = { accessKeyId: "AKIDEMULATOR", secretAccessKey: "emulator-secret" };
const SCANNER = `arn:aws:sts::${A}:assumed-role/lambda-guard-scan/run`;

const open: { emu: EmulatorHandle; clients: AwsClients }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    o.clients.destroy();
    await o.emu.close();
  }
});

async function scan(
  state: EmulatorState,
  opts: { apiBudget?: number; simulator?: boolean; regions?: string[]; now?: Date } = {},
): Promise<Lg004Result & { emu: EmulatorHandle }> {
  const now = opts.now ?? NOW;
  const emu = await startEmulator(state, { port: 0, now: () => now });
  const clients = new AwsClients({
    endpointUrl: emu.url,
    apiBudget: opts.apiBudget ?? 25,
    credentials,
    homeRegion: "us-east-1",
  });
  open.push({ emu, clients });
  const r = await scanGetFunctionCallers({
    clients,
    accountId: state.accountId,
    partition: "aws",
    regions: opts.regions ?? state.regions,
    lookbackDays: 90,
    scannerArn: SCANNER,
    confirmWithSimulator: opts.simulator ?? false,
    now,
  });
  for (const f of r.findings) FindingSchema.parse(f);
  return { ...r, emu };
}

const doc = (...Statement: unknown[]) => ({ Version: "2012-10-17", Statement });
const fnArn = (name: string, region = "us-east-1") => `arn:aws:lambda:${region}:${A}:function:${name}`;
const roleArn = (name: string) => `arn:aws:iam::${A}:role/${name}`;

function role(name: string, inline: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    RoleName: name,
    Arn: roleArn(name),
    Path: "/",
    RoleId: `AROA${name
      .toUpperCase()
      .replace(/[^A-Z]/g, "")
      .padEnd(17, "X")
      .slice(0, 17)}`,
    CreateDate: "2024-01-01T00:00:00Z",
    RolePolicyList: Object.entries(inline).map(([PolicyName, PolicyDocument]) => ({
      PolicyName,
      PolicyDocument,
    })),
    AttachedManagedPolicies: [],
    ...extra,
  };
}

let seq = 0;
function event(
  roleName: string,
  fn: string,
  opts: { region?: string; ageMs?: number; name?: string; account?: string } = {},
) {
  const account = opts.account ?? A;
  const n = seq++;
  return {
    eventVersion: "1.09",
    eventID: `e-${n}`,
    eventTime: new Date(NOW.getTime() - (opts.ageMs ?? 3_600_000)).toISOString(),
    eventSource: "lambda.amazonaws.com",
    eventName: opts.name ?? "GetFunction20150331v2",
    awsRegion: opts.region ?? "us-east-1",
    userIdentity: {
      type: "AssumedRole",
      arn: `arn:aws:sts::${account}:assumed-role/${roleName}/s${n}`,
      accountId: account,
      sessionContext: { sessionIssuer: { type: "Role", arn: `arn:aws:iam::${account}:role/${roleName}` } },
    },
    requestParameters: { functionName: fn },
    readOnly: true,
    recipientAccountId: A,
  };
}

function state(parts: {
  cloudtrail: unknown[];
  iam?: Record<string, unknown>;
  behaviour?: unknown;
  regions?: string[];
  simulations?: unknown[];
}) {
  return EmulatorStateSchema.parse({
    schema: EMULATOR_STATE_SCHEMA_ID,
    accountId: A,
    regions: parts.regions ?? ["us-east-1"],
    callerArn: SCANNER,
    cloudtrail: parts.cloudtrail,
    iam: parts.iam ?? {},
    simulations: parts.simulations ?? [],
    behaviour: parts.behaviour ?? { quotas: { "cloudtrail:LookupEvents": "unlimited", iam: "unlimited" } },
  });
}

const byArn = (findings: Finding[]) => new Map(findings.map((f) => [f.resource.arn!, f]));

describe("LG004 on the demo account", () => {
  it("reports every caller type the demo holds, with working fixes", async () => {
    const s = demoAccount();
    s.behaviour.quotas = {
      "cloudtrail:LookupEvents": 50,
      iam: "unlimited",
      "iam:SimulatePrincipalPolicy": "unlimited",
    };
    const r = await scan(s, { now: new Date(), simulator: true });
    const f = byArn(r.findings);
    const sso = `arn:aws:iam::${A}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_DeveloperAccess_3f2a1b0c9d8e7f65`;
    expect([...f.keys()].sort()).toEqual(
      [
        roleArn("audit-reader"),
        roleArn("ci-deployer"),
        roleArn("contractor-readonly"),
        roleArn("inventory-reader"),
        roleArn("tag-scoped-reader"),
        `arn:aws:iam::${A}:user/bob`,
        "arn:aws:iam::444455556666:role/partner-inventory",
        sso,
      ].sort(),
    );
    // Clean, skipped or not a principal: alice (group grants lambda:List*), root, CloudFormation, the scanner, a failed call.
    expect(f.has(`arn:aws:iam::${A}:user/alice`)).toBe(false);
    expect(r.coverage.every((c) => c.status === "complete")).toBe(true);

    const ci = f.get(roleArn("ci-deployer"))!;
    expect(ci).toMatchObject({
      rule: "LG004",
      severity: "medium",
      fingerprint: fingerprint("LG004", roleArn("ci-deployer")),
    });
    expect(ci.resource.kind).toBe("principal");
    expect(ci.evidence).toMatchObject({
      reason: "no-statement",
      getFunctionGrantedBy: ["DeployerReadLambda"],
    });
    // Name, qualified name and full ARN all resolve to the unqualified functions.
    expect((ci.evidence.functions as { arn: string }[]).map((x) => x.arn)).toEqual([
      `arn:aws:lambda:us-east-1:${A}:function:checkout`,
      `arn:aws:lambda:us-east-1:${A}:function:webhook`,
    ]);
    expect(ci.remediation.policy).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "AllowListTagsForGetFunction",
          Effect: "Allow",
          Action: "lambda:ListTags",
          Resource: [
            `arn:aws:lambda:us-east-1:${A}:function:checkout`,
            `arn:aws:lambda:us-east-1:${A}:function:webhook`,
          ],
        },
      ],
    });
    expect(ci.remediation.commands![0]).toMatch(
      /^aws iam put-role-policy --role-name ci-deployer --policy-name lambda-guard-ListTags --policy-document '\{/,
    );
    const cmdJson = /--policy-document '(.*)'$/.exec(ci.remediation.commands![0]!)![1]!;
    expect(JSON.parse(cmdJson)).toEqual(ci.remediation.policy);
    expect(ci.evidence.simulator).toMatchObject({ confirmed: true });

    // lambda:Get* does not cover ListTags; both event names count.
    const inv = f.get(roleArn("inventory-reader"))!;
    expect(inv.evidence).toMatchObject({ reason: "no-statement", getFunctionGrantedBy: ["LambdaGetOnly"] });
    expect(inv.evidence.eventNames).toEqual(["GetFunction", "GetFunction20150331v2"]);

    const audit = f.get(roleArn("audit-reader"))!;
    expect(audit.evidence).toMatchObject({ reason: "deny" });
    expect(audit.remediation.notes!.join(" ")).toMatch(/DenyTagReads \(NoTagReads\)/);

    const tag = f.get(roleArn("tag-scoped-reader"))!;
    expect(tag.severity).toBe("low");
    expect(tag.evidence.reason).toBe("conditional");
    expect((tag.evidence.conditions as string[]).join(" ")).toMatch(/aws:ResourceTag\/team/);

    const contractor = f.get(roleArn("contractor-readonly"))!;
    expect(contractor.evidence.reason).toBe("boundary");
    expect(contractor.remediation.commands!.join("\n")).toMatch(
      /create-policy-version --policy-arn arn:aws:iam::111122223333:policy\/ContractorBoundary/,
    );

    const bob = f.get(`arn:aws:iam::${A}:user/bob`)!;
    expect(bob.remediation.commands![0]).toMatch(/^aws iam put-user-policy --user-name bob /);
    expect(bob.evidence).toMatchObject({ federated: true, sessions: ["federated-user/bob-reporting"] });

    const ssoF = f.get(sso)!;
    expect(ssoF.evidence).toMatchObject({ sso: true, reason: "no-statement" });
    expect(ssoF.remediation.commands![0]).toMatch(/^aws sso-admin put-inline-policy-to-permission-set/);

    const partner = f.get("arn:aws:iam::444455556666:role/partner-inventory")!;
    expect(partner).toMatchObject({
      severity: "low",
      evidence: { evaluated: false, callerAccountId: "444455556666" },
    });
    expect((partner.evidence.functions as { arn: string }[])[0]!.arn).toBe(
      `arn:aws:lambda:us-east-1:${A}:function:partner-api`,
    );

    const iamCov = r.coverage.find((c) => c.scope === "global/iam")!;
    expect(iamCov.detail).toMatch(/1 failed call.*2 by AWS services.*1 by the scanner itself.*root/);
  });
});

describe("LG004 permission evaluation through the pipeline", () => {
  it("wildcards: GetFunction* and Get* do not cover ListTags, List*, lambda:* and mixed case do", async () => {
    const allow = (action: string) => ({
      p: doc({ Effect: "Allow", Action: ["lambda:GetFunction", action], Resource: "*" }),
    });
    const roles = {
      "get-fn-star": allow("lambda:GetFunction*"),
      "get-star": allow("lambda:Get*"),
      "list-star": allow("lambda:List*"),
      "lambda-star": allow("lambda:*"),
      "mixed-case": allow("Lambda:listtags"),
      "not-action": { p: doc({ Effect: "Allow", NotAction: "lambda:ListTags", Resource: "*" }) },
      "other-function": {
        p: doc({
          Effect: "Allow",
          Action: ["lambda:GetFunction", "lambda:ListTags"],
          Resource: fnArn("other"),
        }),
      },
    };
    const s = state({
      cloudtrail: Object.keys(roles).map((r) => event(r, "target")),
      iam: { RoleDetailList: Object.entries(roles).map(([n, inline]) => role(n, inline)) },
    });
    const r = await scan(s);
    expect(r.findings.map((f) => f.resource.arn).sort()).toEqual(
      [roleArn("get-fn-star"), roleArn("get-star"), roleArn("not-action"), roleArn("other-function")].sort(),
    );
  });

  it("Deny wins, boundaries limit, conditions make an Allow conditional (low)", async () => {
    const s = state({
      cloudtrail: [
        event("denied", "f1"),
        event("bounded", "f1"),
        event("conditional", "f1"),
        event("conditional-deny", "f1"),
      ],
      iam: {
        RoleDetailList: [
          role("denied", {
            allow: doc({ Effect: "Allow", Action: "lambda:*", Resource: "*" }),
            deny: doc({ Sid: "NoTags", Effect: "Deny", Action: "lambda:List*", Resource: fnArn("*") }),
          }),
          role(
            "bounded",
            {
              allow: doc({
                Effect: "Allow",
                Action: ["lambda:GetFunction", "lambda:ListTags"],
                Resource: "*",
              }),
            },
            {
              PermissionsBoundary: {
                PermissionsBoundaryType: "Policy",
                PermissionsBoundaryArn: `arn:aws:iam::${A}:policy/B`,
              },
            },
          ),
          role("conditional", {
            allow: doc(
              { Effect: "Allow", Action: "lambda:GetFunction", Resource: "*" },
              {
                Effect: "Allow",
                Action: "lambda:ListTags",
                Resource: "*",
                Condition: { StringEquals: { "aws:PrincipalTag/team": "data" } },
              },
            ),
          }),
          role("conditional-deny", {
            allow: doc({ Effect: "Allow", Action: ["lambda:GetFunction", "lambda:ListTags"], Resource: "*" }),
            deny: doc({
              Effect: "Deny",
              Action: "lambda:ListTags",
              Resource: "*",
              Condition: { StringNotEquals: { "aws:ResourceTag/env": "dev" } },
            }),
          }),
        ],
        Policies: [
          {
            PolicyName: "B",
            Arn: `arn:aws:iam::${A}:policy/B`,
            DefaultVersionId: "v2",
            PolicyVersionList: [
              {
                VersionId: "v1",
                IsDefaultVersion: false,
                Document: doc({ Effect: "Allow", Action: "*", Resource: "*" }),
              },
              {
                VersionId: "v2",
                IsDefaultVersion: true,
                Document: doc({ Effect: "Allow", Action: "lambda:Get*", Resource: "*" }),
              },
            ],
          },
        ],
      },
    });
    const r = await scan(s);
    const f = byArn(r.findings);
    expect(f.get(roleArn("denied"))).toMatchObject({ severity: "medium", evidence: { reason: "deny" } });
    expect(f.get(roleArn("bounded"))).toMatchObject({ severity: "medium", evidence: { reason: "boundary" } });
    expect(f.get(roleArn("conditional"))).toMatchObject({
      severity: "low",
      evidence: { reason: "conditional" },
    });
    expect((f.get(roleArn("conditional"))!.evidence.conditions as string[]).join(" ")).toMatch(
      /aws:PrincipalTag\/team/,
    );
    expect(f.get(roleArn("conditional-deny"))).toMatchObject({
      severity: "low",
      evidence: { reason: "conditional" },
    });
  });

  it("users: own, group inline and group managed policies", async () => {
    const user = (name: string, groups: string[], inline: Record<string, unknown> = {}) => ({
      UserName: name,
      Arn: `arn:aws:iam::${A}:user/${name}`,
      Path: "/",
      GroupList: groups,
      UserPolicyList: Object.entries(inline).map(([PolicyName, PolicyDocument]) => ({
        PolicyName,
        PolicyDocument,
      })),
      AttachedManagedPolicies: [],
    });
    const userEvent = (name: string) => ({
      ...event("x", "f1"),
      userIdentity: { type: "IAMUser", arn: `arn:aws:iam::${A}:user/${name}`, accountId: A, userName: name },
    });
    const s = state({
      cloudtrail: [userEvent("in-group"), userEvent("managed-group"), userEvent("alone")],
      iam: {
        UserDetailList: [
          user("in-group", ["inline-readers"]),
          user("managed-group", ["managed-readers"]),
          user("alone", [], { own: doc({ Effect: "Allow", Action: "lambda:GetFunction", Resource: "*" }) }),
        ],
        GroupDetailList: [
          {
            GroupName: "inline-readers",
            GroupPolicyList: [
              {
                PolicyName: "g",
                PolicyDocument: doc({ Effect: "Allow", Action: "lambda:List*", Resource: "*" }),
              },
            ],
            AttachedManagedPolicies: [],
          },
          {
            GroupName: "managed-readers",
            GroupPolicyList: [],
            AttachedManagedPolicies: [{ PolicyName: "M", PolicyArn: `arn:aws:iam::${A}:policy/M` }],
          },
        ],
        Policies: [
          {
            PolicyName: "M",
            Arn: `arn:aws:iam::${A}:policy/M`,
            DefaultVersionId: "v1",
            PolicyVersionList: [
              {
                VersionId: "v1",
                IsDefaultVersion: true,
                Document: doc({ Effect: "Allow", Action: "lambda:ListTags", Resource: "*" }),
              },
            ],
          },
        ],
      },
    });
    const r = await scan(s);
    expect(r.findings.map((f) => f.resource.arn)).toEqual([`arn:aws:iam::${A}:user/alone`]);
    expect(r.findings[0]!.remediation.commands![0]).toMatch(/put-user-policy --user-name alone/);
  });
});

describe("LG004 CloudTrail reading", () => {
  it("paginates long windows with concurrent sub-window chains and counts every event once", async () => {
    const events = Array.from({ length: 4000 }, (_, i) =>
      event("reader", `fn-${i % 40}`, { ageMs: 60_000 + i * 1_900_000 }),
    );
    const s = state({
      cloudtrail: events,
      iam: {
        RoleDetailList: [
          role("reader", { p: doc({ Effect: "Allow", Action: "lambda:GetFunction", Resource: "*" }) }),
        ],
      },
    });
    const r = await scan(s);
    const region = r.stats.regions[0]!;
    expect(region.status).toBe("complete");
    expect(region.chains).toBeGreaterThan(2);
    // Splitting adds few calls: at most 1.1 × the minimum (80 full pages + 1 for the other event name).
    expect(region.pages).toBeGreaterThanOrEqual(81);
    expect(region.pages).toBeLessThanOrEqual(Math.floor(1.1 * 81));
    expect(r.emu.stats().requests["cloudtrail:LookupEvents"]).toBe(region.pages);
    expect(r.stats.callers.records).toBe(4000);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.evidence.events).toBe(4000);
    expect(r.findings[0]!.evidence.functions as unknown[]).toHaveLength(40);
  });

  it("stays correct under AWS throttling (emulator quota below our pace)", async () => {
    const s = state({
      cloudtrail: Array.from({ length: 300 }, (_, i) => event("reader", "f1", { ageMs: 1000 + i * 60_000 })),
      iam: { RoleDetailList: [role("reader", {})] },
      behaviour: { quotas: { "cloudtrail:LookupEvents": 4, iam: "unlimited" } },
    });
    const r = await scan(s, { apiBudget: 10 });
    expect(r.emu.stats().throttled["cloudtrail:LookupEvents"] ?? 0).toBeGreaterThan(0);
    expect(r.coverage.find((c) => c.scope === "us-east-1/cloudtrail")!.status).toBe("complete");
    expect(r.stats.callers.records).toBe(300);
  });

  it("paces itself at the LookupEvents quota × budget", async () => {
    const s = state({
      cloudtrail: Array.from({ length: 500 }, (_, i) => event("reader", "f1", { ageMs: 1000 + i * 60_000 })),
      behaviour: { quotas: { "cloudtrail:LookupEvents": 20 } },
    });
    const emu = await startEmulator(s, { port: 0, now: () => NOW });
    const clients = new AwsClients({
      endpointUrl: emu.url,
      apiBudget: 10,
      credentials,
      homeRegion: "us-east-1",
    });
    open.push({ emu, clients });
    const t0 = performance.now();
    const res = await lookupRegion({
      clients,
      region: "us-east-1",
      eventNames: ["GetFunction20150331v2", "GetFunction"],
      start: new Date(NOW.getTime() - 90 * 86_400_000),
      end: NOW,
      onEvent: () => {},
    });
    const ms = performance.now() - t0;
    expect(res.status).toBe("complete");
    expect(res.events).toBeGreaterThanOrEqual(500);
    // ≥ 11 pages at 20/s (first token immediate): at least ~0.5 s, never throttled.
    expect(ms).toBeGreaterThan((res.pages - 2) * 50 - 20);
    expect(emu.stats().throttled["cloudtrail:LookupEvents"] ?? 0).toBe(0);
  });

  it("AccessDenied in one region fails that region only", async () => {
    const s = state({
      regions: ["us-east-1", "eu-west-1"],
      cloudtrail: [event("reader", "f1"), event("reader", "f2", { region: "eu-west-1" })],
      iam: { RoleDetailList: [role("reader", {})] },
      behaviour: {
        quotas: { "cloudtrail:LookupEvents": "unlimited", iam: "unlimited" },
        faults: [{ region: "eu-west-1", operation: "LookupEvents", error: "AccessDeniedException" }],
      },
    });
    const r = await scan(s);
    const cov = Object.fromEntries(r.coverage.map((c) => [c.scope, c]));
    expect(cov["eu-west-1/cloudtrail"]).toMatchObject({ status: "failed" });
    expect(cov["eu-west-1/cloudtrail"]!.detail).toMatch(/AccessDenied/);
    expect(cov["us-east-1/cloudtrail"]).toMatchObject({ status: "complete" });
    expect((r.findings[0]!.evidence.functions as { arn: string }[]).map((x) => x.arn)).toEqual([fnArn("f1")]);
  });
});

describe("LG004 IAM reading and the simulator", () => {
  it("follows IsTruncated through short pages", async () => {
    const filler = Array.from({ length: 700 }, (_, i) => role(`filler-${i}`, {}));
    const s = state({
      cloudtrail: [event("last-role", "f1")],
      iam: {
        RoleDetailList: [
          ...filler,
          role("last-role", { p: doc({ Effect: "Allow", Action: "lambda:GetFunction", Resource: "*" }) }),
        ],
      },
      behaviour: {
        quotas: { "cloudtrail:LookupEvents": "unlimited", iam: "unlimited" },
        faults: [{ operation: "GetAccountAuthorizationDetails", error: "shortPage" }],
      },
    });
    const r = await scan(s);
    expect(r.stats.iamPages).toBeGreaterThanOrEqual(3);
    expect(r.coverage.find((c) => c.scope === "global/iam")!.status).toBe("complete");
    expect(r.findings.map((f) => f.resource.arn)).toEqual([roleArn("last-role")]);
    expect(r.findings[0]!.evidence.getFunctionGrantedBy).toEqual(["p"]);
  });

  it("reports simulator disagreements and SCP denials", async () => {
    const s = state({
      cloudtrail: [event("a", "f1"), event("b", "f1")],
      iam: { RoleDetailList: [role("a", {}), role("b", {})] },
      simulations: [
        { principalArn: roleArn("a"), action: "lambda:ListTags", decision: "allowed" },
        {
          principalArn: roleArn("b"),
          action: "lambda:ListTags",
          decision: "explicitDeny",
          allowedByOrganizations: false,
        },
      ],
      behaviour: {
        quotas: {
          "cloudtrail:LookupEvents": "unlimited",
          iam: "unlimited",
          "iam:SimulatePrincipalPolicy": "unlimited",
        },
      },
    });
    const r = await scan(s, { simulator: true });
    const f = byArn(r.findings);
    expect(f.get(roleArn("a"))).toMatchObject({
      severity: "low",
      evidence: {
        simulator: {
          confirmed: false,
          disagreements: [{ arn: fnArn("f1"), scan: "implicitDeny", simulator: "allowed" }],
        },
      },
    });
    expect(f.get(roleArn("b"))).toMatchObject({
      severity: "medium",
      evidence: { simulator: { confirmed: true, organizationsDenied: [fnArn("f1")] } },
    });
    expect(r.coverage.find((c) => c.scope === "global/iam-simulator")!.status).toBe("complete");
  });

  it("without IAM, other accounts' callers are still reported and IAM coverage fails", async () => {
    const s = state({
      cloudtrail: [event("local", "f1"), event("remote", "f1", { account: "999988887777" })],
      behaviour: {
        quotas: { "cloudtrail:LookupEvents": "unlimited", iam: "unlimited" },
        faults: [{ operation: "GetAccountAuthorizationDetails", error: "AccessDeniedException" }],
      },
    });
    const r = await scan(s);
    expect(r.coverage.find((c) => c.scope === "global/iam")).toMatchObject({ status: "failed" });
    expect(r.coverage.find((c) => c.scope === "global/iam")!.detail).toMatch(
      /1 GetFunction caller not evaluated/,
    );
    expect(r.findings.map((f) => f.resource.arn)).toEqual(["arn:aws:iam::999988887777:role/remote"]);
  });
});
