import { describe, expect, it } from "vitest";
import {
  evaluateIdentity,
  findGrantingStatements,
  parsePolicy,
  type IdentityInput,
  type LabelledPolicy,
} from "../../src/policy/index.js";

const ACCOUNT = "111122223333";
const FN = `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:payments-api`;
const ROLE = `arn:aws:sts::${ACCOUNT}:assumed-role/inventory-reader/botocore-session-1700000000`;
const NOW = new Date("2026-03-01T12:00:00Z");

const policy = (name: string, ...statements: unknown[]): LabelledPolicy => ({
  name,
  document: parsePolicy({ Version: "2012-10-17", Statement: statements }),
});
const allow = (action: string | string[], extra: Record<string, unknown> = {}) => ({
  Effect: "Allow",
  Action: action,
  Resource: "*",
  ...extra,
});

const input = (over: Partial<IdentityInput>): IdentityInput => ({
  identityPolicies: [],
  principalArn: ROLE,
  accountId: ACCOUNT,
  action: "lambda:ListTags",
  resource: FN,
  now: NOW,
  ...over,
});

describe("evaluateIdentity: ListTags through wildcards", () => {
  it.each([
    [["lambda:GetFunction"], "implicitDeny", "no-statement"],
    [["lambda:Get*"], "implicitDeny", "no-statement"],
    [["lambda:GetFunction*"], "implicitDeny", "no-statement"],
    [["lambda:GetFunction", "lambda:ListTags"], "allowed", "allowed"],
    [["lambda:List*"], "allowed", "allowed"],
    [["lambda:*"], "allowed", "allowed"],
    [["*"], "allowed", "allowed"],
    [["Lambda:listTags"], "allowed", "allowed"],
  ])("%j → %s", (actions, decision, reason) => {
    const result = evaluateIdentity(input({ identityPolicies: [policy("inline", allow(actions))] }));
    expect(result.decision).toBe(decision);
    expect(result.reason).toBe(reason);
  });
});

describe("evaluateIdentity", () => {
  it("reports an explicit Deny with its statement", () => {
    const result = evaluateIdentity(
      input({
        identityPolicies: [
          policy("ReadOnlyAccess", allow("lambda:*")),
          policy("guardrail", { Sid: "NoTags", Effect: "Deny", Action: "lambda:ListTags", Resource: "*" }),
        ],
      }),
    );
    expect(result).toEqual({
      decision: "explicitDeny",
      reason: "deny",
      statements: [{ policy: "guardrail", sid: "NoTags", index: 0 }],
      conditions: [],
    });
  });

  it("needs the permissions boundary to allow the action too", () => {
    const identityPolicies = [policy("inline", allow("lambda:*"))];
    const narrow = evaluateIdentity(
      input({ identityPolicies, boundary: policy("boundary", allow("lambda:Get*")) }),
    );
    expect([narrow.decision, narrow.reason]).toEqual(["implicitDeny", "boundary"]);
    const wide = evaluateIdentity(
      input({ identityPolicies, boundary: policy("boundary", allow("lambda:*")) }),
    );
    expect([wide.decision, wide.reason]).toEqual(["allowed", "allowed"]);
  });

  it("does not let a boundary grant what identity policies do not", () => {
    const result = evaluateIdentity(
      input({
        identityPolicies: [policy("inline", allow("lambda:GetFunction"))],
        boundary: policy("boundary", allow("*")),
      }),
    );
    expect(result.reason).toBe("no-statement");
  });

  it("honours a Deny inside the boundary", () => {
    const result = evaluateIdentity(
      input({
        identityPolicies: [policy("inline", allow("*"))],
        boundary: policy("boundary", allow("*"), { Effect: "Deny", Action: "lambda:List*", Resource: "*" }),
      }),
    );
    expect([result.decision, result.statements[0]?.policy]).toEqual(["explicitDeny", "boundary"]);
  });

  it("is conditional on resource tags the scan did not read", () => {
    const tagged = policy(
      "abac",
      allow("lambda:ListTags", {
        Sid: "TeamTags",
        Condition: { StringEquals: { "aws:ResourceTag/team": "payments" } },
      }),
    );
    const unknown = evaluateIdentity(input({ identityPolicies: [tagged] }));
    expect(unknown).toEqual({
      decision: "conditional",
      reason: "conditional",
      statements: [{ policy: "abac", sid: "TeamTags", index: 0 }],
      conditions: ["StringEquals aws:ResourceTag/team = payments"],
    });
    const known = evaluateIdentity(
      input({ identityPolicies: [tagged], context: { "aws:ResourceTag/team": "payments" } }),
    );
    expect(known.decision).toBe("allowed");
    const other = evaluateIdentity(
      input({ identityPolicies: [tagged], context: { "aws:ResourceTag/team": "search" } }),
    );
    expect(other.decision).toBe("implicitDeny");
  });

  it("is conditional on MFA and source address, which vary per call", () => {
    const mfa = evaluateIdentity(
      input({
        identityPolicies: [
          policy("p", allow("lambda:*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } })),
        ],
      }),
    );
    const ip = evaluateIdentity(
      input({
        identityPolicies: [
          policy("p", allow("lambda:*", { Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } })),
        ],
      }),
    );
    expect([mfa.decision, ip.decision]).toEqual(["conditional", "conditional"]);
  });

  it("knows the principal, its account, the region and the time", () => {
    const conditions = {
      ArnEquals: { "aws:PrincipalArn": `arn:aws:iam::${ACCOUNT}:role/inventory-reader` },
      StringEquals: {
        "aws:PrincipalAccount": ACCOUNT,
        "aws:RequestedRegion": "eu-west-1",
        "aws:PrincipalType": "AssumedRole",
      },
      DateLessThan: { "aws:CurrentTime": "2026-12-31T00:00:00Z" },
    };
    const result = evaluateIdentity(
      input({ identityPolicies: [policy("p", allow("lambda:ListTags", { Condition: conditions }))] }),
    );
    expect(result.decision).toBe("allowed");
    const later = evaluateIdentity(
      input({
        identityPolicies: [policy("p", allow("lambda:ListTags", { Condition: conditions }))],
        now: new Date("2027-01-01T00:00:00Z"),
      }),
    );
    expect(later.decision).toBe("implicitDeny");
  });

  it("combines policies like a user's own and its groups'", () => {
    const result = evaluateIdentity(
      input({
        principalArn: `arn:aws:iam::${ACCOUNT}:user/ci`,
        identityPolicies: [
          policy("user/ci inline read", allow("lambda:GetFunction")),
          policy(
            "group/ops AWSLambda_ReadOnlyAccess",
            allow(["lambda:Get*", "lambda:List*"], { Sid: "ReadOnly" }),
          ),
        ],
      }),
    );
    expect(result.decision).toBe("allowed");
    expect(result.statements).toEqual([
      { policy: "group/ops AWSLambda_ReadOnlyAccess", sid: "ReadOnly", index: 0 },
    ]);
  });

  it("scopes by resource", () => {
    const scoped = [
      policy("p", allow("lambda:ListTags", { Resource: `arn:aws:lambda:*:${ACCOUNT}:function:payments-*` })),
    ];
    expect(evaluateIdentity(input({ identityPolicies: scoped })).decision).toBe("allowed");
    const other = `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:search-api`;
    expect(evaluateIdentity(input({ identityPolicies: scoped, resource: other })).decision).toBe(
      "implicitDeny",
    );
  });

  it("resolves ${aws:username} for IAM users", () => {
    const own = [
      policy("p", allow("lambda:ListTags", { Resource: "arn:aws:lambda:*:*:function:${aws:username}-*" })),
    ];
    const alice = evaluateIdentity(
      input({
        identityPolicies: own,
        principalArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
        resource: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:alice-dev`,
      }),
    );
    expect(alice.decision).toBe("allowed");
    // Roles have no aws:username, so the pattern matches nothing.
    expect(
      evaluateIdentity(
        input({ identityPolicies: own, resource: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:alice-dev` }),
      ).decision,
    ).toBe("implicitDeny");
  });
});

describe("findGrantingStatements", () => {
  const policies = [
    policy(
      "role/reader inline",
      allow("lambda:Get*", { Sid: "Read" }),
      allow("lambda:ListTags", { Sid: "Tags" }),
    ),
    policy(
      "arn:aws:iam::111122223333:policy/deploy",
      allow("lambda:GetFunction", {
        Resource: `arn:aws:lambda:*:${ACCOUNT}:function:payments-*`,
        Condition: { Bool: { "aws:SecureTransport": "true" } },
      }),
    ),
    policy("deny-only", { Effect: "Deny", Action: "lambda:GetFunction", Resource: "*" }),
  ];

  it("lists every Allow that grants the action, flagging conditional ones", () => {
    const found = findGrantingStatements(policies, "lambda:GetFunction", FN);
    expect(found.map((f) => [f.policy, f.label, f.conditional])).toEqual([
      ["role/reader inline", "Read", false],
      ["arn:aws:iam::111122223333:policy/deploy", "#0", true],
    ]);
  });

  it("filters by resource when given", () => {
    const found = findGrantingStatements(
      policies,
      "lambda:GetFunction",
      `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:search`,
    );
    expect(found.map((f) => f.label)).toEqual(["Read"]);
    expect(findGrantingStatements(policies, "lambda:GetFunction").length).toBe(2);
  });

  it("finds ListTags grants separately", () => {
    expect(findGrantingStatements(policies, "lambda:ListTags", FN).map((f) => f.sid)).toEqual(["Tags"]);
  });
});
