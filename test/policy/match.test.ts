import { describe, expect, it } from "vitest";
import {
  actionMatches,
  arnMatches,
  parseCidr,
  resourceMatches,
  statementCoversAction,
  wildcardMatch,
} from "../../src/policy/index.js";

describe("actionMatches", () => {
  it.each([
    ["lambda:Get*", "lambda:GetFunction", true],
    ["lambda:Get*", "lambda:ListTags", false],
    ["lambda:GetFunction*", "lambda:GetFunction", true],
    ["lambda:GetFunction*", "lambda:GetFunctionConfiguration", true],
    ["lambda:GetFunction*", "lambda:GetFunctionUrlConfig", true],
    ["lambda:GetFunction*", "lambda:ListTags", false],
    ["lambda:List*", "lambda:ListTags", true],
    ["lambda:*", "lambda:ListTags", true],
    ["*", "lambda:ListTags", true],
    ["LAMBDA:listtags", "lambda:ListTags", true],
    ["lambda:ListTag?", "lambda:ListTags", true],
    ["lambda:ListTag?", "lambda:ListTag", false],
    ["lambda:*Tags", "lambda:ListTags", true],
    ["s3:*", "lambda:ListTags", false],
    ["lambda:ListTags", "lambda:ListTagsForResource", false],
  ])("%s vs %s → %s", (pattern, action, want) => {
    expect(actionMatches(pattern, action)).toBe(want);
  });

  it("honours NotAction", () => {
    expect(statementCoversAction({ NotAction: ["lambda:Get*"] }, "lambda:ListTags")).toBe(true);
    expect(statementCoversAction({ NotAction: ["lambda:*"] }, "lambda:ListTags")).toBe(false);
    expect(statementCoversAction({ Action: ["lambda:Get*", "lambda:List*"] }, "lambda:ListTags")).toBe(true);
  });
});

describe("resource matching", () => {
  const fn = "arn:aws:lambda:us-east-1:111122223333:function:webhook";
  it.each([
    ["*", fn, true],
    [fn, fn, true],
    [fn, `${fn}:live`, false],
    [`${fn}:*`, `${fn}:live`, true],
    [`${fn}:*`, fn, false],
    [`${fn}*`, `${fn}:live`, true],
    ["arn:aws:lambda:*:111122223333:function:*", fn, true],
    ["arn:aws:lambda:*:444455556666:function:*", fn, false],
    ["arn:aws:lambda:us-east-1:111122223333:function:Webhook", fn, false],
    ["arn:aws:lambda:us-east-?:111122223333:function:webhook", fn, true],
  ])("%s vs %s → %s", (pattern, resource, want) => {
    expect(resourceMatches(pattern, resource)).toBe(want);
  });

  it("keeps a wildcard inside its ARN component", () => {
    // `*` in the region must not reach into the account.
    expect(arnMatches("arn:aws:sns:*:topic", "arn:aws:sns:us-east-1:111122223333:topic")).toBe(false);
    expect(wildcardMatch("arn:aws:sns:*:topic", "arn:aws:sns:us-east-1:111122223333:topic")).toBe(true);
  });

  it("treats regex metacharacters literally", () => {
    expect(wildcardMatch("a.b(c)+[d]", "a.b(c)+[d]")).toBe(true);
    expect(wildcardMatch("a.b", "axb")).toBe(false);
  });
});

describe("parseCidr", () => {
  it.each([
    ["203.0.113.0/24", 4, "203.0.113.0", "203.0.113.255"],
    ["203.0.113.77/24", 4, "203.0.113.0", "203.0.113.255"],
    ["10.1.2.3", 4, "10.1.2.3", "10.1.2.3"],
  ])("%s", (cidr, family, first, last) => {
    const r = parseCidr(cidr);
    const toV4 = (n: bigint) => [24n, 16n, 8n, 0n].map((s) => Number((n >> s) & 255n)).join(".");
    expect(r?.family).toBe(family);
    expect(r && toV4(r.first)).toBe(first);
    expect(r && toV4(r.last)).toBe(last);
  });

  it("parses IPv6 with compression", () => {
    const r = parseCidr("2001:db8::/32");
    expect(r?.first.toString(16)).toBe("20010db8" + "0".repeat(24));
    expect(parseCidr("::1")?.first).toBe(1n);
  });

  it.each(["300.1.1.1/8", "10.0.0.0/33", "1:2:3", "2001:db8:::1", "hello", "::/129"])("rejects %s", (bad) => {
    expect(parseCidr(bad)).toBeUndefined();
  });
});
