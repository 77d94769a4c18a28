import { describe, expect, it } from "vitest";
import {
  RequestContext,
  absentKey,
  chosenKey,
  describeCondition,
  evaluateCondition,
  evaluateConditionBlock,
  parseConditionOperator,
  unknownKey,
  type ContextValues,
} from "../../src/policy/index.js";

type Expected = "true" | "false" | "unknown";

interface OpCase {
  op: string;
  key: string;
  values: string[];
  context: ContextValues;
  expected: Expected;
}

const ctx = (over: ContextValues): ContextValues => over;

// Each row: one operator, one key, the policy's values, the request, and IAM's answer.
const opCases: OpCase[] = [
  // strings
  {
    op: "StringEquals",
    key: "aws:PrincipalTag/team",
    values: ["web"],
    context: ctx({ "aws:PrincipalTag/team": "web" }),
    expected: "true",
  },
  {
    op: "StringEquals",
    key: "aws:PrincipalTag/team",
    values: ["Web"],
    context: ctx({ "aws:PrincipalTag/team": "web" }),
    expected: "false",
  },
  {
    op: "StringEquals",
    key: "aws:PrincipalTag/team",
    values: ["a", "web"],
    context: ctx({ "aws:PrincipalTag/team": "web" }),
    expected: "true",
  },
  {
    op: "StringEquals",
    key: "aws:PrincipalTag/team",
    values: ["w*"],
    context: ctx({ "aws:PrincipalTag/team": "web" }),
    expected: "false",
  },
  { op: "StringEquals", key: "aws:PrincipalTag/team", values: ["web"], context: ctx({}), expected: "false" },
  {
    op: "StringNotEquals",
    key: "aws:PrincipalTag/team",
    values: ["a", "b"],
    context: ctx({ "aws:PrincipalTag/team": "web" }),
    expected: "true",
  },
  // NOR: a negated operator fails as soon as one listed value matches
  {
    op: "StringNotEquals",
    key: "aws:PrincipalTag/team",
    values: ["a", "web"],
    context: ctx({ "aws:PrincipalTag/team": "web" }),
    expected: "false",
  },
  {
    op: "StringNotEquals",
    key: "aws:PrincipalTag/team",
    values: ["web"],
    context: ctx({}),
    expected: "true",
  },
  {
    op: "StringEqualsIgnoreCase",
    key: "aws:PrincipalTag/team",
    values: ["WEB"],
    context: ctx({ "aws:PrincipalTag/team": "web" }),
    expected: "true",
  },
  {
    op: "StringNotEqualsIgnoreCase",
    key: "aws:PrincipalTag/team",
    values: ["WEB"],
    context: ctx({ "aws:PrincipalTag/team": "web" }),
    expected: "false",
  },
  {
    op: "StringLike",
    key: "aws:Referer",
    values: ["https://*.example.com/*"],
    context: ctx({ "aws:Referer": "https://shop.example.com/cart" }),
    expected: "true",
  },
  {
    op: "StringLike",
    key: "aws:Referer",
    values: ["https://?.example.com/"],
    context: ctx({ "aws:Referer": "https://ab.example.com/" }),
    expected: "false",
  },
  {
    op: "StringLike",
    key: "aws:Referer",
    values: ["HTTPS://*"],
    context: ctx({ "aws:Referer": "https://x" }),
    expected: "false",
  },
  {
    op: "StringNotLike",
    key: "aws:Referer",
    values: ["https://*.example.com/*"],
    context: ctx({ "aws:Referer": "https://evil.test/" }),
    expected: "true",
  },
  { op: "StringNotLike", key: "aws:Referer", values: ["https://*"], context: ctx({}), expected: "true" },
  // IfExists
  {
    op: "StringEqualsIfExists",
    key: "aws:SourceAccount",
    values: ["111122223333"],
    context: ctx({}),
    expected: "true",
  },
  {
    op: "StringEqualsIfExists",
    key: "aws:SourceAccount",
    values: ["111122223333"],
    context: ctx({ "aws:SourceAccount": "444455556666" }),
    expected: "false",
  },
  {
    op: "StringLikeIfExists",
    key: "aws:SourceAccount",
    values: ["1111*"],
    context: ctx({ "aws:SourceAccount": "111122223333" }),
    expected: "true",
  },
  // numbers
  {
    op: "NumericLessThan",
    key: "aws:MultiFactorAuthAge",
    values: ["3600"],
    context: ctx({ "aws:MultiFactorAuthAge": 120 }),
    expected: "true",
  },
  {
    op: "NumericLessThan",
    key: "aws:MultiFactorAuthAge",
    values: ["3600"],
    context: ctx({ "aws:MultiFactorAuthAge": 3600 }),
    expected: "false",
  },
  {
    op: "NumericLessThanEquals",
    key: "aws:MultiFactorAuthAge",
    values: ["3600"],
    context: ctx({ "aws:MultiFactorAuthAge": 3600 }),
    expected: "true",
  },
  {
    op: "NumericGreaterThan",
    key: "s3:max-keys",
    values: ["10"],
    context: ctx({ "s3:max-keys": "10.5" }),
    expected: "true",
  },
  {
    op: "NumericGreaterThanEquals",
    key: "s3:max-keys",
    values: ["10"],
    context: ctx({ "s3:max-keys": "9" }),
    expected: "false",
  },
  {
    op: "NumericEquals",
    key: "s3:max-keys",
    values: ["10"],
    context: ctx({ "s3:max-keys": "10.0" }),
    expected: "true",
  },
  {
    op: "NumericNotEquals",
    key: "s3:max-keys",
    values: ["10", "20"],
    context: ctx({ "s3:max-keys": "20" }),
    expected: "false",
  },
  {
    op: "NumericEquals",
    key: "s3:max-keys",
    values: ["ten"],
    context: ctx({ "s3:max-keys": "10" }),
    expected: "false",
  },
  // dates: ISO and epoch seconds on either side
  {
    op: "DateLessThan",
    key: "aws:CurrentTime",
    values: ["2026-06-01T00:00:00Z"],
    context: ctx({ "aws:CurrentTime": new Date("2026-05-31T23:59:59Z") }),
    expected: "true",
  },
  {
    op: "DateGreaterThan",
    key: "aws:CurrentTime",
    values: ["2026-06-01"],
    context: ctx({ "aws:CurrentTime": "2026-05-01T00:00:00Z" }),
    expected: "false",
  },
  {
    op: "DateEquals",
    key: "aws:TokenIssueTime",
    values: ["1767225600"],
    context: ctx({ "aws:TokenIssueTime": "2026-01-01T00:00:00Z" }),
    expected: "true",
  },
  {
    op: "DateNotEquals",
    key: "aws:TokenIssueTime",
    values: ["2026-01-01T00:00:00Z"],
    context: ctx({ "aws:TokenIssueTime": "2026-01-02T00:00:00Z" }),
    expected: "true",
  },
  {
    op: "DateGreaterThanEquals",
    key: "aws:EpochTime",
    values: ["2026-01-01T00:00:00Z"],
    context: ctx({ "aws:EpochTime": 1767225600 }),
    expected: "true",
  },
  {
    op: "DateLessThanEquals",
    key: "aws:CurrentTime",
    values: ["not a date"],
    context: ctx({ "aws:CurrentTime": "2026-01-01T00:00:00Z" }),
    expected: "false",
  },
  // booleans
  {
    op: "Bool",
    key: "aws:SecureTransport",
    values: ["true"],
    context: ctx({ "aws:SecureTransport": true }),
    expected: "true",
  },
  {
    op: "Bool",
    key: "aws:SecureTransport",
    values: ["TRUE"],
    context: ctx({ "aws:SecureTransport": "true" }),
    expected: "true",
  },
  {
    op: "Bool",
    key: "aws:SecureTransport",
    values: ["false"],
    context: ctx({ "aws:SecureTransport": true }),
    expected: "false",
  },
  { op: "Bool", key: "aws:MultiFactorAuthPresent", values: ["false"], context: ctx({}), expected: "false" },
  {
    op: "BoolIfExists",
    key: "aws:MultiFactorAuthPresent",
    values: ["false"],
    context: ctx({}),
    expected: "true",
  },
  // binary: compared as bytes, not as text
  {
    op: "BinaryEquals",
    key: "s3:x",
    values: ["QmluYXJ5VmFsdWU="],
    context: ctx({ "s3:x": "QmluYXJ5VmFsdWU" }),
    expected: "true",
  },
  {
    op: "BinaryEquals",
    key: "s3:x",
    values: ["QmluYXJ5VmFsdWU="],
    context: ctx({ "s3:x": "b3RoZXI=" }),
    expected: "false",
  },
  // addresses
  {
    op: "IpAddress",
    key: "aws:SourceIp",
    values: ["203.0.113.0/24"],
    context: ctx({ "aws:SourceIp": "203.0.113.77" }),
    expected: "true",
  },
  {
    op: "IpAddress",
    key: "aws:SourceIp",
    values: ["203.0.113.0/24"],
    context: ctx({ "aws:SourceIp": "203.0.114.1" }),
    expected: "false",
  },
  {
    op: "IpAddress",
    key: "aws:SourceIp",
    values: ["203.0.113.5"],
    context: ctx({ "aws:SourceIp": "203.0.113.5" }),
    expected: "true",
  },
  {
    op: "IpAddress",
    key: "aws:SourceIp",
    values: ["2001:db8::/32"],
    context: ctx({ "aws:SourceIp": "2001:db8:0:1::5" }),
    expected: "true",
  },
  {
    op: "IpAddress",
    key: "aws:SourceIp",
    values: ["2001:db8::/32"],
    context: ctx({ "aws:SourceIp": "2001:db9::1" }),
    expected: "false",
  },
  {
    op: "IpAddress",
    key: "aws:SourceIp",
    values: ["2001:db8::/32"],
    context: ctx({ "aws:SourceIp": "203.0.113.5" }),
    expected: "false",
  },
  {
    op: "IpAddress",
    key: "aws:SourceIp",
    values: ["::ffff:203.0.113.0/120"],
    context: ctx({ "aws:SourceIp": "::ffff:203.0.113.9" }),
    expected: "true",
  },
  {
    op: "NotIpAddress",
    key: "aws:SourceIp",
    values: ["10.0.0.0/8", "203.0.113.0/24"],
    context: ctx({ "aws:SourceIp": "203.0.113.1" }),
    expected: "false",
  },
  {
    op: "NotIpAddress",
    key: "aws:SourceIp",
    values: ["10.0.0.0/8"],
    context: ctx({ "aws:SourceIp": "198.51.100.1" }),
    expected: "true",
  },
  // ARNs: each component matched on its own
  {
    op: "ArnLike",
    key: "aws:SourceArn",
    values: ["arn:aws:s3:::bucket-*"],
    context: ctx({ "aws:SourceArn": "arn:aws:s3:::bucket-logs" }),
    expected: "true",
  },
  {
    op: "ArnEquals",
    key: "aws:SourceArn",
    values: ["arn:aws:sns:*:111122223333:topic"],
    context: ctx({ "aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:topic" }),
    expected: "true",
  },
  {
    op: "ArnLike",
    key: "aws:SourceArn",
    values: ["arn:aws:sns:*:topic"],
    context: ctx({ "aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:topic" }),
    expected: "false",
  },
  {
    op: "ArnLike",
    key: "aws:SourceArn",
    values: ["arn:aws:sns:*"],
    context: ctx({ "aws:SourceArn": "not-an-arn" }),
    expected: "false",
  },
  {
    op: "ArnNotLike",
    key: "aws:SourceArn",
    values: ["arn:aws:s3:::bucket-*"],
    context: ctx({ "aws:SourceArn": "arn:aws:s3:::other" }),
    expected: "true",
  },
  {
    op: "ArnNotEquals",
    key: "aws:SourceArn",
    values: ["arn:aws:s3:::bucket"],
    context: ctx({}),
    expected: "true",
  },
  // Null
  { op: "Null", key: "aws:SourceArn", values: ["true"], context: ctx({}), expected: "true" },
  { op: "Null", key: "aws:SourceArn", values: ["false"], context: ctx({}), expected: "false" },
  {
    op: "Null",
    key: "aws:SourceArn",
    values: ["false"],
    context: ctx({ "aws:SourceArn": "arn:aws:s3:::b" }),
    expected: "true",
  },
  // set qualifiers on multi-valued keys
  {
    op: "ForAllValues:StringEquals",
    key: "aws:TagKeys",
    values: ["team", "env"],
    context: ctx({ "aws:TagKeys": ["team"] }),
    expected: "true",
  },
  {
    op: "ForAllValues:StringEquals",
    key: "aws:TagKeys",
    values: ["team", "env"],
    context: ctx({ "aws:TagKeys": ["team", "owner"] }),
    expected: "false",
  },
  {
    op: "ForAllValues:StringEquals",
    key: "aws:TagKeys",
    values: ["team"],
    context: ctx({}),
    expected: "true",
  },
  {
    op: "ForAllValues:StringEquals",
    key: "aws:TagKeys",
    values: ["team"],
    context: ctx({ "aws:TagKeys": [] }),
    expected: "true",
  },
  {
    op: "ForAnyValue:StringEquals",
    key: "aws:TagKeys",
    values: ["team"],
    context: ctx({ "aws:TagKeys": ["owner", "team"] }),
    expected: "true",
  },
  {
    op: "ForAnyValue:StringEquals",
    key: "aws:TagKeys",
    values: ["team"],
    context: ctx({}),
    expected: "false",
  },
  {
    op: "ForAnyValue:StringNotEquals",
    key: "aws:TagKeys",
    values: ["team"],
    context: ctx({ "aws:TagKeys": ["team", "owner"] }),
    expected: "true",
  },
  {
    op: "ForAllValues:StringNotEquals",
    key: "aws:TagKeys",
    values: ["team"],
    context: ctx({ "aws:TagKeys": ["team", "owner"] }),
    expected: "false",
  },
  {
    op: "ForAnyValue:StringLike",
    key: "aws:PrincipalOrgPaths",
    values: ["o-a/r-b/ou-c/*"],
    context: ctx({ "aws:PrincipalOrgPaths": ["o-a/r-b/ou-c/ou-d/"] }),
    expected: "true",
  },
  // key names are case-insensitive
  {
    op: "StringEquals",
    key: "AWS:principaltag/Team",
    values: ["web"],
    context: ctx({ "aws:PrincipalTag/team": "web" }),
    expected: "true",
  },
  {
    op: "stringequals",
    key: "aws:PrincipalTag/team",
    values: ["web"],
    context: ctx({ "aws:PrincipalTag/team": "web" }),
    expected: "true",
  },
  // unknown keys
  {
    op: "StringEquals",
    key: "aws:ResourceTag/team",
    values: ["payments"],
    context: ctx({ "aws:ResourceTag/*": unknownKey() }),
    expected: "unknown",
  },
  {
    op: "StringNotEquals",
    key: "aws:ResourceTag/team",
    values: ["payments"],
    context: ctx({ "aws:ResourceTag/*": unknownKey() }),
    expected: "unknown",
  },
  {
    op: "Null",
    key: "aws:ResourceTag/team",
    values: ["false"],
    context: ctx({ "aws:ResourceTag/*": unknownKey(false) }),
    expected: "true",
  },
  {
    op: "Null",
    key: "aws:ResourceTag/team",
    values: ["false"],
    context: ctx({ "aws:ResourceTag/*": unknownKey(true) }),
    expected: "unknown",
  },
  {
    op: "StringEquals",
    key: "aws:ResourceTag/team",
    values: ["x"],
    context: ctx({ "aws:ResourceTag/*": unknownKey(), "aws:ResourceTag/team": "x" }),
    expected: "true",
  },
  {
    op: "StringEquals",
    key: "aws:SourceAccount",
    values: ["1"],
    context: ctx({ "aws:SourceAccount": absentKey() }),
    expected: "false",
  },
];

describe("evaluateCondition", () => {
  it.each(opCases)("$op $key $values", (c) => {
    const outcome = evaluateCondition(c.op, c.key, c.values, new RequestContext(c.context));
    expect(outcome.kind).toBe(c.expected);
  });

  it("names the condition that could not be decided", () => {
    const outcome = evaluateCondition(
      "StringEquals",
      "aws:ResourceTag/team",
      ["payments"],
      new RequestContext({ "aws:ResourceTag/*": unknownKey() }),
    );
    expect(outcome).toEqual({
      kind: "unknown",
      conditions: ["StringEquals aws:ResourceTag/team = payments"],
    });
  });

  it("treats keys it was not told about as the context says", () => {
    expect(evaluateCondition("StringEquals", "x:y", ["1"], new RequestContext({}, "absent")).kind).toBe(
      "false",
    );
    expect(evaluateCondition("StringEquals", "x:y", ["1"], new RequestContext({}, "unknown")).kind).toBe(
      "unknown",
    );
  });
});

describe("policy variables", () => {
  const context = new RequestContext({ "aws:username": "alice", "aws:PrincipalTag/team": unknownKey() });
  const check = (values: string[], value: string, op = "StringLike") =>
    evaluateCondition(op, "s3:prefix", values, context.with({ "s3:prefix": value }), { variables: true })
      .kind;

  it("substitutes known keys and matches them literally", () => {
    expect(check(["home/${aws:username}/*"], "home/alice/notes")).toBe("true");
    expect(check(["home/${aws:username}/*"], "home/bob/notes")).toBe("false");
  });
  it("supports the escapes and defaults", () => {
    expect(check(["${*}"], "*", "StringEquals")).toBe("true");
    expect(check(["${*}"], "anything")).toBe("false");
    expect(check(["home/${aws:userid, 'guest'}"], "home/guest")).toBe("true");
  });
  it("makes a value depending on an unknown key unknown", () => {
    expect(check(["teams/${aws:PrincipalTag/team}/*"], "teams/web/x")).toBe("unknown");
  });
  it("leaves ${...} literal when variables are off (Version 2008-10-17)", () => {
    const kind = evaluateCondition(
      "StringEquals",
      "s3:prefix",
      ["${aws:username}"],
      context.with({ "s3:prefix": "${aws:username}" }),
    ).kind;
    expect(kind).toBe("true");
  });
});

describe("caller-chosen keys", () => {
  const context = new RequestContext({
    "aws:Referer": chosenKey({ kind: "any" }),
    "aws:SourceIp": chosenKey({ kind: "publicIp" }),
  });

  it("resolve in the caller's favour for each effect", () => {
    const allow = evaluateCondition("StringEquals", "aws:Referer", ["https://a"], context, {
      effect: "Allow",
    });
    const denyPositive = evaluateCondition("StringEquals", "aws:Referer", ["https://a"], context, {
      effect: "Deny",
    });
    const denyNegated = evaluateCondition("StringNotEquals", "aws:Referer", ["https://a"], context, {
      effect: "Deny",
    });
    const neutral = evaluateCondition("StringEquals", "aws:Referer", ["https://a"], context);
    expect([allow.kind, denyPositive.kind, denyNegated.kind, neutral.kind]).toEqual([
      "true",
      "false",
      "false",
      "unknown",
    ]);
  });

  it("classify source ranges by how much of the Internet they cover", () => {
    const ip = (op: string, values: string[]) => evaluateCondition(op, "aws:SourceIp", values, context);
    expect(ip("IpAddress", ["203.0.113.0/24"])).toEqual({
      kind: "partial",
      broad: false,
      restrictions: ["aws:SourceIp in 203.0.113.0/24"],
    });
    expect(ip("NotIpAddress", ["203.0.113.0/24"])).toMatchObject({ kind: "partial", broad: true });
    expect(ip("IpAddress", ["192.168.0.0/16"]).kind).toBe("false");
    expect(ip("NotIpAddress", ["192.168.0.0/16"]).kind).toBe("true");
    expect(ip("IpAddress", ["0.0.0.0/0", "::/0"]).kind).toBe("true");
    expect(ip("NotIpAddress", ["0.0.0.0/0", "::/0"]).kind).toBe("false");
  });
});

describe("evaluateConditionBlock", () => {
  const context = new RequestContext({
    "aws:SecureTransport": true,
    "aws:PrincipalTag/team": "web",
    "aws:ResourceTag/*": unknownKey(),
  });

  it("ANDs keys and operators", () => {
    const block = {
      Bool: { "aws:SecureTransport": ["true"] },
      StringEquals: { "aws:PrincipalTag/team": ["web"] },
    };
    expect(evaluateConditionBlock(block, context).kind).toBe("true");
    const failing = { ...block, StringLike: { "aws:PrincipalTag/team": ["db*"] } };
    expect(evaluateConditionBlock(failing, context).kind).toBe("false");
  });

  it("lets a failing condition outweigh an unknown one", () => {
    const block = {
      StringEquals: { "aws:ResourceTag/team": ["payments"], "aws:PrincipalTag/team": ["db"] },
    };
    expect(evaluateConditionBlock(block, context).kind).toBe("false");
  });

  it("collects every unknown condition", () => {
    const block = {
      StringEquals: { "aws:ResourceTag/team": ["payments"] },
      StringLike: { "aws:ResourceTag/env": ["prod*"] },
    };
    expect(evaluateConditionBlock(block, context)).toEqual({
      kind: "unknown",
      conditions: ["StringEquals aws:ResourceTag/team = payments", "StringLike aws:ResourceTag/env = prod*"],
    });
  });

  it("holds without a block", () => {
    expect(evaluateConditionBlock(undefined, context).kind).toBe("true");
  });
});

describe("parseConditionOperator", () => {
  it.each([
    ["ForAnyValue:StringLikeIfExists", { set: "ForAnyValue", ifExists: true, base: "StringLike" }],
    ["forallvalues:stringequals", { set: "ForAllValues", ifExists: false, base: "StringEquals" }],
    ["NotIpAddressIfExists", { set: undefined, ifExists: true, base: "NotIpAddress" }],
    ["Null", { set: undefined, ifExists: false, base: "Null" }],
  ])("%s", (written, want) => {
    const op = parseConditionOperator(written);
    expect({ set: op?.set, ifExists: op?.ifExists, base: op?.base.name }).toEqual(want);
  });

  it.each(["StringEqual", "Maybe:StringEquals", "NullIfExists", "ForAnyValue:Null", ""])(
    "rejects %j",
    (written) => {
      expect(parseConditionOperator(written)).toBeUndefined();
    },
  );

  it("formats conditions for reports", () => {
    expect(describeCondition("IpAddress", "aws:SourceIp", ["a", "b"])).toBe(
      "IpAddress aws:SourceIp = [a, b]",
    );
  });
});
