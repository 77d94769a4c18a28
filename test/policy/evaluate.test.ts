import { describe, expect, it } from "vitest";
import {
  evaluate,
  parsePolicy,
  principalMatches,
  unknownKey,
  type LabelledPolicy,
  type PrincipalSpec,
  type RequestPrincipal,
} from "../../src/policy/index.js";

const OWNER = "111122223333";
const role: RequestPrincipal = { kind: "aws", arn: `arn:aws:iam::${OWNER}:role/app/deployer` };
const session: RequestPrincipal = { kind: "aws", arn: `arn:aws:sts::${OWNER}:assumed-role/deployer/ci-42` };
const stranger: RequestPrincipal = { kind: "aws", arn: "arn:aws:iam::444455556666:user/mallory" };
const anonymous: RequestPrincipal = { kind: "anonymous" };
const s3: RequestPrincipal = { kind: "service", service: "s3.amazonaws.com" };

describe("principalMatches", () => {
  it.each<[string, PrincipalSpec, RequestPrincipal, boolean]>([
    ["* matches anonymous", "*", anonymous, true],
    ["* matches services", "*", s3, true],
    ['{"AWS":"*"} matches anonymous', { AWS: ["*"] }, anonymous, true],
    ['{"AWS":"*"} does not match services', { AWS: ["*"] }, s3, false],
    ["account id matches its roles", { AWS: [OWNER] }, role, true],
    ["account root matches its sessions", { AWS: [`arn:aws:iam::${OWNER}:root`] }, session, true],
    ["account id does not match strangers", { AWS: [OWNER] }, stranger, false],
    ["account id does not match anonymous", { AWS: [OWNER] }, anonymous, false],
    [
      "role ARN with path matches its sessions",
      { AWS: [`arn:aws:iam::${OWNER}:role/app/deployer`] },
      session,
      true,
    ],
    [
      "role ARN does not match another role's session",
      { AWS: [`arn:aws:iam::${OWNER}:role/other`] },
      session,
      false,
    ],
    ["service principal", { Service: ["s3.amazonaws.com"] }, s3, true],
    ["other service principal", { Service: ["sns.amazonaws.com"] }, s3, false],
    [
      "array: any entry",
      { AWS: ["arn:aws:iam::444455556666:root"], Service: ["s3.amazonaws.com"] },
      s3,
      true,
    ],
  ])("%s", (_name, spec, principal, want) => {
    expect(principalMatches(spec, principal)).toBe(want);
  });
});

const FN = `arn:aws:lambda:us-east-1:${OWNER}:function:reports`;
const policy = (name: string, statements: unknown[]): LabelledPolicy => ({
  name,
  document: parsePolicy({ Version: "2012-10-17", Statement: statements }),
});

describe("evaluate", () => {
  const allowAll = { Sid: "All", Effect: "Allow", Action: "lambda:*", Resource: "*" };

  it("allows with a matching Allow and names it", () => {
    const result = evaluate([policy("p", [allowAll])], { action: "lambda:ListTags", resource: FN });
    expect(result).toEqual({
      decision: "allowed",
      statements: [{ policy: "p", sid: "All", index: 0 }],
      conditions: [],
    });
  });

  it("denies implicitly without an Allow", () => {
    const result = evaluate([policy("p", [{ ...allowAll, Action: "lambda:Get*" }])], {
      action: "lambda:ListTags",
      resource: FN,
    });
    expect(result.decision).toBe("implicitDeny");
  });

  it("lets an explicit Deny win, across policies", () => {
    const result = evaluate(
      [policy("a", [allowAll]), policy("b", [{ Effect: "Deny", Action: "lambda:ListTags", Resource: FN }])],
      { action: "lambda:ListTags", resource: FN },
    );
    expect(result).toEqual({
      decision: "explicitDeny",
      statements: [{ policy: "b", index: 0 }],
      conditions: [],
    });
  });

  it("is conditional when the only Allow depends on an unknown key", () => {
    const result = evaluate(
      [policy("p", [{ ...allowAll, Condition: { StringEquals: { "aws:ResourceTag/team": "payments" } } }])],
      { action: "lambda:ListTags", resource: FN, context: { "aws:ResourceTag/*": unknownKey() } },
    );
    expect(result).toEqual({
      decision: "conditional",
      statements: [{ policy: "p", sid: "All", index: 0 }],
      conditions: ["StringEquals aws:ResourceTag/team = payments"],
    });
  });

  it("is conditional when a certain Allow meets a Deny that may apply", () => {
    const result = evaluate(
      [
        policy("p", [
          allowAll,
          {
            Sid: "NoProd",
            Effect: "Deny",
            Action: "*",
            Resource: "*",
            Condition: { StringEquals: { "aws:ResourceTag/env": "prod" } },
          },
        ]),
      ],
      { action: "lambda:ListTags", resource: FN, context: { "aws:ResourceTag/*": unknownKey() } },
    );
    expect(result.decision).toBe("conditional");
    expect(result.statements).toEqual([{ policy: "p", sid: "NoProd", index: 1 }]);
  });

  it("stays implicitly denied when only a Deny is in doubt", () => {
    const result = evaluate(
      [
        policy("p", [
          {
            Effect: "Deny",
            Action: "*",
            Resource: "*",
            Condition: { StringEquals: { "aws:ResourceTag/env": "prod" } },
          },
        ]),
      ],
      { action: "lambda:ListTags", resource: FN, context: { "aws:ResourceTag/*": unknownKey() } },
    );
    expect(result.decision).toBe("implicitDeny");
  });

  it("checks principals when the request names one", () => {
    const resourcePolicy = [
      policy("fn", [
        { Effect: "Allow", Principal: { AWS: OWNER }, Action: "lambda:InvokeFunction", Resource: FN },
      ]),
    ];
    expect(
      evaluate(resourcePolicy, { principal: session, action: "lambda:InvokeFunction", resource: FN })
        .decision,
    ).toBe("allowed");
    expect(
      evaluate(resourcePolicy, { principal: stranger, action: "lambda:InvokeFunction", resource: FN })
        .decision,
    ).toBe("implicitDeny");
  });

  it("substitutes policy variables in Resource only for Version 2012-10-17", () => {
    const statement = {
      Effect: "Allow",
      Action: "lambda:ListTags",
      Resource: "arn:aws:lambda:*:*:function:${aws:username}-*",
    };
    const request = {
      action: "lambda:ListTags",
      resource: `arn:aws:lambda:us-east-1:${OWNER}:function:alice-api`,
      context: { "aws:username": "alice" },
    };
    expect(evaluate([policy("v2012", [statement])], request).decision).toBe("allowed");
    const old: LabelledPolicy = {
      name: "v2008",
      document: parsePolicy({ Version: "2008-10-17", Statement: [statement] }),
    };
    expect(evaluate([old], request).decision).toBe("implicitDeny");
    expect(
      evaluate([policy("v2012", [statement])], { ...request, context: { "aws:username": "bob" } }).decision,
    ).toBe("implicitDeny");
  });
});
