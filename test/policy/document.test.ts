import { describe, expect, it } from "vitest";
import { InputError } from "../../src/model/errors.js";
import { PolicyParseError, parsePolicy, statementLabel } from "../../src/policy/index.js";

describe("parsePolicy", () => {
  it("normalises scalars to lists and a single Statement to an array", () => {
    const doc = parsePolicy({
      Version: "2012-10-17",
      Statement: {
        Sid: "One",
        Effect: "Allow",
        Principal: { AWS: "111122223333", Service: ["s3.amazonaws.com"] },
        Action: "lambda:InvokeFunction",
        Resource: "*",
        Condition: { NumericLessThan: { "s3:max-keys": 10 }, Bool: { "aws:SecureTransport": true } },
      },
    });
    expect(doc.Statement).toEqual([
      {
        Sid: "One",
        Effect: "Allow",
        Principal: { AWS: ["111122223333"], Service: ["s3.amazonaws.com"] },
        Action: ["lambda:InvokeFunction"],
        Resource: ["*"],
        Condition: { NumericLessThan: { "s3:max-keys": ["10"] }, Bool: { "aws:SecureTransport": ["true"] } },
      },
    ]);
    expect(doc.Version).toBe("2012-10-17");
  });

  it("parses the JSON string Lambda's GetPolicy returns", () => {
    const json =
      '{"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"FunctionURLAllowPublicAccess","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunctionUrl","Resource":"arn:aws:lambda:us-east-1:111122223333:function:webhook","Condition":{"StringEquals":{"lambda:FunctionUrlAuthType":"NONE"}}}]}';
    const doc = parsePolicy(json);
    expect(doc.Id).toBe("default");
    expect(doc.Statement[0]?.Principal).toBe("*");
    expect(doc.Statement[0]?.Condition).toEqual({ StringEquals: { "lambda:FunctionUrlAuthType": ["NONE"] } });
  });

  it("accepts trust-policy statements without Resource", () => {
    const doc = parsePolicy({
      Statement: [
        { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
      ],
    });
    expect(doc.Statement[0]?.Resource).toBeUndefined();
  });

  const errors: [string, unknown, RegExp][] = [
    ["invalid JSON", '{"Statement": [', /^policy is not valid JSON \(/],
    ["not an object", "[1,2]", /policy must be a JSON object, got an array/],
    ["no Statement", { Version: "2012-10-17" }, /policy has no Statement/],
    ["unknown top-level field", { Statement: [], Statements: [] }, /unknown top-level field "Statements"/],
    ["Version not a string", { Version: 2012, Statement: [] }, /Version must be a string/],
    ["statement not an object", { Statement: ["x"] }, /Statement\[0\]: must be an object, got a string/],
    [
      "missing Effect (named by Sid)",
      { Statement: [{ Sid: "ReadOnly", Action: "s3:*", Resource: "*" }] },
      /Statement\[0\] \(Sid "ReadOnly"\): Effect is missing; use "Allow" or "Deny"/,
    ],
    [
      "bad Effect",
      { Statement: [{ Effect: "allow", Action: "s3:*", Resource: "*" }] },
      /Statement\[0\]: Effect must be "Allow" or "Deny", got "allow"/,
    ],
    [
      "Action and NotAction",
      {
        Statement: [
          { Effect: "Allow", Action: "a:b", Resource: "*" },
          { Sid: "B", Effect: "Allow", Action: "a:b", NotAction: "a:c", Resource: "*" },
        ],
      },
      /Statement\[1\] \(Sid "B"\): has both Action and NotAction; use one of them/,
    ],
    [
      "no Action",
      { Statement: [{ Effect: "Allow", Resource: "*" }] },
      /Statement\[0\]: needs Action or NotAction/,
    ],
    [
      "Resource and NotResource",
      { Statement: [{ Effect: "Allow", Action: "a:b", Resource: "*", NotResource: "x" }] },
      /has both Resource and NotResource/,
    ],
    [
      "Principal and NotPrincipal",
      { Statement: [{ Effect: "Allow", Action: "a:b", Resource: "*", Principal: "*", NotPrincipal: "*" }] },
      /has both Principal and NotPrincipal/,
    ],
    [
      "Principal as a bare account id",
      { Statement: [{ Effect: "Allow", Action: "a:b", Resource: "*", Principal: "111122223333" }] },
      /Principal as a string must be "\*"; wrap identifiers in an object such as \{"AWS": "111122223333"\}/,
    ],
    [
      "non-string action",
      { Statement: [{ Effect: "Allow", Action: ["a:b", 3], Resource: "*" }] },
      /Statement\[0\]: Action\[1\] must be a non-empty string, got a number/,
    ],
    [
      "empty Action list",
      { Statement: [{ Effect: "Allow", Action: [], Resource: "*" }] },
      /Action is an empty list/,
    ],
    [
      "misspelt field",
      { Statement: [{ Effect: "Allow", Actions: "a:b", Resource: "*" }] },
      /Statement\[0\]: unknown field "Actions"/,
    ],
    [
      "unknown condition operator",
      {
        Statement: [
          { Effect: "Allow", Action: "a:b", Resource: "*", Condition: { StringEqual: { k: "v" } } },
        ],
      },
      /Condition operator "StringEqual" is not an IAM condition operator/,
    ],
    [
      "condition value object",
      {
        Statement: [
          { Effect: "Allow", Action: "a:b", Resource: "*", Condition: { StringEquals: { k: { v: 1 } } } },
        ],
      },
      /Condition\.StringEquals\.k must be a string, number or boolean, got an object/,
    ],
  ];

  it.each(errors)("rejects %s", (_name, input, message) => {
    let caught: unknown;
    try {
      parsePolicy(input);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(PolicyParseError);
    expect((caught as Error).message).toMatch(message);
  });

  it("prefixes errors with where the policy came from, as an InputError", () => {
    const call = () => parsePolicy("{", "function webhook (us-east-1) resource policy");
    expect(call).toThrow(InputError);
    expect(call).toThrow(/^function webhook \(us-east-1\) resource policy: policy is not valid JSON/);
  });
});

describe("statementLabel", () => {
  it("uses the Sid, or the index when there is none", () => {
    expect(statementLabel({ Sid: "FunctionURLAllowPublicAccess" }, 3)).toBe("FunctionURLAllowPublicAccess");
    expect(statementLabel({}, 3)).toBe("#3");
    expect(statementLabel({ Sid: "" }, 0)).toBe("#0");
  });
});
