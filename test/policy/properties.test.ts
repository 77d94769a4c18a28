import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyzeDirectInvoke,
  analyzeFunctionUrl,
  evaluate,
  parsePolicy,
  type DecisionKind,
  type Exposure,
  type RequestPrincipal,
} from "../../src/policy/index.js";

// Generated policies over the vocabulary that matters for LG001–LG003: both URL actions, wildcards, public and
// account principals, and the conditions the rules turn on.
const ACTIONS = [
  "lambda:InvokeFunction",
  "lambda:InvokeFunctionUrl",
  "lambda:*",
  "lambda:Invoke*",
  "*",
  "s3:GetObject",
];
const CONDITIONS = [
  undefined,
  { StringEquals: { "lambda:FunctionUrlAuthType": "NONE" } },
  { Bool: { "lambda:InvokedViaFunctionUrl": "true" } },
  { StringEquals: { "aws:SourceAccount": "111122223333" } },
  { StringNotEquals: { "aws:SourceAccount": "111122223333" } },
  { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
  { StringLike: { "aws:Referer": "https://*.example.com/*" } },
  { Null: { "aws:PrincipalOrgID": "true" } },
];

const randomCase = (s: string) =>
  fc
    .array(fc.boolean(), { minLength: s.length, maxLength: s.length })
    .map((flips) => [...s].map((c, i) => (flips[i] ? c.toUpperCase() : c.toLowerCase())).join(""));

const statement = (effect?: "Allow" | "Deny") =>
  fc.record({
    Effect: effect ? fc.constant(effect) : fc.constantFrom("Allow", "Deny"),
    Principal: fc.constantFrom<unknown>(
      "*",
      { AWS: "*" },
      { AWS: "111122223333" },
      { Service: "s3.amazonaws.com" },
    ),
    Action: fc.subarray(ACTIONS, { minLength: 1, maxLength: 3 }),
    Resource: fc.constantFrom(
      "*",
      "arn:aws:lambda:us-east-1:111122223333:function:fn",
      "arn:aws:lambda:*:*:function:other",
    ),
    Condition: fc.constantFrom(...CONDITIONS),
  });
const statements = fc.array(statement(), { minLength: 1, maxLength: 5 });

const clean = (s: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined));
const doc = (list: Record<string, unknown>[]) =>
  parsePolicy({ Version: "2012-10-17", Statement: list.map(clean) });

const TARGET = {
  accountId: "111122223333",
  region: "us-east-1",
  functionName: "fn",
  qualifier: null,
  now: new Date("2026-11-23T00:00:00Z"),
};
const RANK: Record<Exposure, number> = { none: 0, restricted: 1, public: 2 };
const DECISION: Record<DecisionKind, number> = {
  explicitDeny: 0,
  implicitDeny: 0,
  conditional: 1,
  allowed: 2,
};

function verdicts(list: Record<string, unknown>[]) {
  const d = doc(list);
  const url = analyzeFunctionUrl(d, { ...TARGET, authType: "NONE" });
  return {
    url: url.url.exposure,
    invokeFunctionUrl: url.invokeFunctionUrl.exposure,
    invokeFunctionViaUrl: url.invokeFunctionViaUrl.exposure,
    direct: analyzeDirectInvoke(d, TARGET).exposure,
  };
}

const principals: RequestPrincipal[] = [
  { kind: "anonymous" },
  { kind: "anyAccount" },
  { kind: "aws", arn: "arn:aws:iam::111122223333:role/app" },
];

describe("policy evaluator: properties over generated policies", () => {
  it("an added Deny never makes anything more allowed", () => {
    fc.assert(
      fc.property(statements, statement("Deny"), (list, deny) => {
        const before = verdicts(list);
        const after = verdicts([...list, deny]);
        for (const k of Object.keys(before) as (keyof typeof before)[])
          expect(RANK[after[k]]).toBeLessThanOrEqual(RANK[before[k]]);
        for (const principal of principals) {
          const request = {
            principal,
            action: "lambda:InvokeFunction",
            resource: "arn:aws:lambda:us-east-1:111122223333:function:fn",
          };
          const a = evaluate([{ name: "p", document: doc(list) }], request).decision;
          const b = evaluate([{ name: "p", document: doc([...list, deny]) }], request).decision;
          expect(DECISION[b]).toBeLessThanOrEqual(DECISION[a]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("statement order never matters", () => {
    fc.assert(
      fc.property(statements, fc.func(fc.integer()), (list, key) => {
        const shuffled = [...list].sort((a, b) => key(a) - key(b));
        expect(verdicts(shuffled)).toEqual(verdicts(list));
      }),
      { numRuns: 100 },
    );
  });

  it("a single Statement as an object or as a one-element array is the same policy", () => {
    fc.assert(
      fc.property(statement(), (s) => {
        const asObject = parsePolicy({ Version: "2012-10-17", Statement: clean(s) });
        const asArray = parsePolicy({ Version: "2012-10-17", Statement: [clean(s)] });
        expect(analyzeFunctionUrl(asObject, { ...TARGET, authType: "NONE" })).toEqual(
          analyzeFunctionUrl(asArray, { ...TARGET, authType: "NONE" }),
        );
        expect(analyzeDirectInvoke(asObject, TARGET)).toEqual(analyzeDirectInvoke(asArray, TARGET));
      }),
      { numRuns: 100 },
    );
  });

  it("the case of action names never matters", () => {
    const recased = statements.chain((list) =>
      fc
        .tuple(...list.map((s) => fc.tuple(...s.Action.map(randomCase))))
        .map((actions) => ({ list, other: list.map((s, i) => ({ ...s, Action: actions[i]! })) })),
    );
    fc.assert(
      fc.property(recased, ({ list, other }) => {
        expect(verdicts(other)).toEqual(verdicts(list));
      }),
      { numRuns: 100 },
    );
  });
});
