import { describe, expect, it } from "vitest";
import { evaluate, evaluateIdentity, parsePolicy } from "../../src/policy/index.js";

const FN = "arn:aws:lambda:us-east-1:111122223333:function:fn";
const policy = (Statement: unknown[]) => [
  { name: "p", document: parsePolicy({ Version: "2012-10-17", Statement }) },
];

describe("documented decisions of the evaluator", () => {
  it("lambda:* condition keys are absent on ListTags and GetFunction: a condition on them fails, IfExists passes", () => {
    const base = {
      principalArn: "arn:aws:iam::111122223333:role/reader",
      accountId: "111122223333",
      resource: FN,
      now: new Date("2026-11-23T00:00:00Z"),
    };
    const onAuthType = policy([
      {
        Effect: "Allow",
        Action: ["lambda:ListTags", "lambda:GetFunction"],
        Resource: "*",
        Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "NONE" } },
      },
    ]);
    const ifExists = policy([
      {
        Effect: "Allow",
        Action: "lambda:ListTags",
        Resource: "*",
        Condition: { StringEqualsIfExists: { "lambda:FunctionUrlAuthType": "NONE" } },
      },
    ]);
    for (const action of ["lambda:ListTags", "lambda:GetFunction"])
      expect(evaluateIdentity({ ...base, action, identityPolicies: onAuthType }).decision, action).toBe(
        "implicitDeny",
      );
    expect(
      evaluateIdentity({ ...base, action: "lambda:ListTags", identityPolicies: ifExists }).decision,
    ).toBe("allowed");
  });

  it("a policy variable in the account field of a Resource ARN leaves the statement in doubt, never proof", () => {
    const allow = policy([
      {
        Effect: "Allow",
        Principal: "*",
        Action: "lambda:InvokeFunction",
        Resource: "arn:aws:lambda:us-east-1:${aws:PrincipalAccount}:function:fn",
      },
    ]);
    const request = {
      principal: { kind: "anyAccount" as const },
      action: "lambda:InvokeFunction",
      resource: FN,
    };
    expect(evaluate(allow, request).decision).toBe("conditional");
    // In the resource part, variables are documented and expanded as usual.
    const resourcePart = policy([
      {
        Effect: "Allow",
        Principal: "*",
        Action: "lambda:InvokeFunction",
        Resource: "arn:aws:lambda:us-east-1:111122223333:function:${aws:username}",
      },
    ]);
    expect(
      evaluate(resourcePart, {
        ...request,
        principal: { kind: "anonymous" as const },
        context: { "aws:username": "fn" },
      }).decision,
    ).toBe("allowed");
  });
});
