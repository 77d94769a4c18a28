import { describe, expect, it } from "vitest";
import { CallerCollector, resolveFunctionArn } from "../../src/aws/lg004/callers.js";
import { fixPolicy } from "../../src/aws/lg004/findings.js";
import { principalFromArn, resolveIdentity } from "../../src/aws/lg004/principals.js";

const A = "111122223333";

describe("resolveIdentity", () => {
  it("IAM user by ARN", () => {
    expect(
      resolveIdentity({
        type: "IAMUser",
        arn: `arn:aws:iam::${A}:user/ops/alice`,
        accountId: A,
        userName: "alice",
      }),
    ).toMatchObject({
      kind: "principal",
      type: "user",
      arn: `arn:aws:iam::${A}:user/ops/alice`,
      name: "alice",
    });
  });

  it("assumed role by its session issuer, never the session ARN", () => {
    const r = resolveIdentity({
      type: "AssumedRole",
      arn: `arn:aws:sts::${A}:assumed-role/deploy/gha-123`,
      accountId: A,
      sessionContext: {
        sessionIssuer: { type: "Role", arn: `arn:aws:iam::${A}:role/ci/deploy`, userName: "deploy" },
      },
    });
    expect(r).toMatchObject({
      kind: "principal",
      type: "role",
      arn: `arn:aws:iam::${A}:role/ci/deploy`,
      via: { type: "assumed-role", session: "gha-123" },
      sso: false,
    });
  });

  it("IAM Identity Center roles keep their reserved path and are marked SSO", () => {
    const role = `arn:aws:iam::${A}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123abcd`;
    const r = resolveIdentity({
      type: "AssumedRole",
      arn: `arn:aws:sts::${A}:assumed-role/AWSReservedSSO_Admin_0123abcd/jane@example.com`,
      accountId: A,
      sessionContext: { sessionIssuer: { type: "Role", arn: role } },
    });
    expect(r).toMatchObject({ kind: "principal", arn: role, sso: true });
  });

  it("root, federated users (by issuing user), AWS services and unknown types", () => {
    expect(resolveIdentity({ type: "Root", arn: `arn:aws:iam::${A}:root`, accountId: A })).toMatchObject({
      type: "root",
      arn: `arn:aws:iam::${A}:root`,
    });
    expect(
      resolveIdentity({
        type: "FederatedUser",
        arn: `arn:aws:sts::${A}:federated-user/bob-report`,
        accountId: A,
        sessionContext: { sessionIssuer: { type: "IAMUser", arn: `arn:aws:iam::${A}:user/bob` } },
      }),
    ).toMatchObject({
      type: "user",
      arn: `arn:aws:iam::${A}:user/bob`,
      via: { type: "federated-user", session: "bob-report" },
    });
    expect(resolveIdentity({ type: "AWSService", invokedBy: "cloudformation.amazonaws.com" })).toEqual({
      kind: "service",
      invokedBy: "cloudformation.amazonaws.com",
    });
    expect(
      resolveIdentity({
        type: "AssumedRole",
        arn: `arn:aws:sts::${A}:assumed-role/x/y`,
        invokedBy: "ec2.amazonaws.com",
      }),
    ).toMatchObject({ kind: "service" });
    expect(resolveIdentity({ type: "IdentityCenterUser", principalId: "abc" })).toMatchObject({
      kind: "unresolved",
      type: "IdentityCenterUser",
    });
    expect(principalFromArn(`arn:aws:sts::${A}:assumed-role/scan/run-1`)).toMatchObject({
      type: "role",
      name: "scan",
    });
  });
});

describe("resolveFunctionArn", () => {
  const f = (name: string) => resolveFunctionArn(name, "eu-west-1", A, "aws")?.arn;
  it("handles names, qualified names, full and partial ARNs", () => {
    const want = `arn:aws:lambda:eu-west-1:${A}:function:orders`;
    expect(f("orders")).toBe(want);
    expect(f("orders:live")).toBe(want);
    expect(f("orders:$LATEST")).toBe(want);
    expect(f(`arn:aws:lambda:eu-west-1:${A}:function:orders:7`)).toBe(want);
    expect(f(`${A}:function:orders`)).toBe(want);
    expect(f(`${A}:function:orders:live`)).toBe(want);
    expect(f(`arn%3Aaws%3Alambda%3Aeu-west-1%3A${A}%3Afunction%3Aorders`)).toBe(want);
    expect(f(`arn:aws:lambda:us-east-1:444455556666:function:other`)).toBe(
      "arn:aws:lambda:us-east-1:444455556666:function:other",
    );
    expect(f("not a name!")).toBeUndefined();
    expect(f("a:b:c:d:e")).toBeUndefined();
  });
});

describe("CallerCollector", () => {
  it("skips failed calls, other events, services and the scanner; dedups by EventId", () => {
    const scanner = principalFromArn(`arn:aws:sts::${A}:assumed-role/lambda-guard/run`);
    const c = new CallerCollector({ accountId: A, partition: "aws", ...(scanner ? { scanner } : {}) });
    const user = { type: "IAMUser", arn: `arn:aws:iam::${A}:user/alice`, accountId: A };
    const rec = (id: string, extra: Record<string, unknown> = {}) => ({
      eventID: id,
      eventName: "GetFunction20150331v2",
      eventTime: "2026-01-01T00:00:00Z",
      awsRegion: "us-east-1",
      userIdentity: user,
      requestParameters: { functionName: "f1" },
      ...extra,
    });
    expect(c.add("1", rec("1"), "us-east-1")).toBe(true);
    expect(c.add("1", rec("1"), "us-east-1")).toBe(false);
    expect(c.add("2", rec("2", { errorCode: "AccessDenied" }), "us-east-1")).toBe(false);
    expect(c.add("3", rec("3", { eventName: "ListFunctions20150331" }), "us-east-1")).toBe(false);
    expect(
      c.add(
        "4",
        rec("4", {
          userIdentity: {
            type: "AssumedRole",
            arn: `arn:aws:sts::${A}:assumed-role/lambda-guard/run`,
            accountId: A,
            sessionContext: { sessionIssuer: { arn: `arn:aws:iam::${A}:role/lambda-guard` } },
          },
        }),
        "us-east-1",
      ),
    ).toBe(false);
    expect(
      c.add("5", rec("5", { eventName: "GetFunction", eventTime: "2026-01-02T00:00:00Z" }), "us-east-1"),
    ).toBe(true);
    expect(c.stats).toMatchObject({ duplicates: 1, failed: 1, self: 1 });
    const caller = [...c.callers.values()][0]!;
    expect(caller.events).toBe(2);
    expect([...caller.eventNames].sort()).toEqual(["GetFunction", "GetFunction20150331v2"]);
    expect(caller.functions.get(`arn:aws:lambda:us-east-1:${A}:function:f1`)).toMatchObject({
      calls: 2,
      lastSeen: Date.parse("2026-01-02T00:00:00Z"),
    });
  });
});

describe("fixPolicy", () => {
  it("lists exact ARNs, and widens per region beyond IAM's inline size", () => {
    const arns = [`arn:aws:lambda:us-east-1:${A}:function:b`, `arn:aws:lambda:us-east-1:${A}:function:a`];
    expect(fixPolicy(arns, "role")).toEqual({
      widened: false,
      document: {
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "AllowListTagsForGetFunction",
            Effect: "Allow",
            Action: "lambda:ListTags",
            Resource: [arns[1], arns[0]],
          },
        ],
      },
    });
    const many = Array.from({ length: 300 }, (_, i) => `arn:aws:lambda:eu-west-1:${A}:function:fn-${i}`);
    const wide = fixPolicy(many, "user");
    expect(wide.widened).toBe(true);
    expect(wide.document.Statement[0]!.Resource).toEqual([`arn:aws:lambda:eu-west-1:${A}:function:*`]);
  });
});
