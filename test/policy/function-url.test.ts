import { describe, expect, it } from "vitest";
import {
  analyzeDirectInvoke,
  analyzeFunctionUrl,
  functionArn,
  parsePolicy,
  type Exposure,
  type UrlTarget,
} from "../../src/policy/index.js";

const ACCOUNT = "111122223333";
const FN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:webhook`;
const NOW = new Date("2026-03-01T12:00:00Z");

type Stmt = Record<string, unknown>;

// The two statements Lambda writes for a NONE URL (console, `add-permission --function-url-auth-type NONE`).
const urlAllow = (extra: Stmt = {}): Stmt => ({
  Sid: "FunctionURLAllowPublicAccess",
  Effect: "Allow",
  Principal: "*",
  Action: "lambda:InvokeFunctionUrl",
  Resource: FN,
  Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "NONE" } },
  ...extra,
});
const invokeAllow = (extra: Stmt = {}): Stmt => ({
  Sid: "FunctionURLAllowInvokeAction",
  Effect: "Allow",
  Principal: "*",
  Action: "lambda:InvokeFunction",
  Resource: FN,
  Condition: { Bool: { "lambda:InvokedViaFunctionUrl": "true" } },
  ...extra,
});
/** Both statements with the same extra condition merged into each. */
const bothWith = (condition: Record<string, Record<string, unknown>>): Stmt[] => [
  urlAllow({ Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "NONE" }, ...condition } }),
  invokeAllow({ Condition: { Bool: { "lambda:InvokedViaFunctionUrl": "true" }, ...condition } }),
];
const both = (extra: Stmt = {}): Stmt[] => [urlAllow(extra), invokeAllow(extra)];
const deny = (extra: Stmt): Stmt => ({
  Sid: "DenyInvoke",
  Effect: "Deny",
  Principal: "*",
  Action: ["lambda:InvokeFunctionUrl", "lambda:InvokeFunction"],
  Resource: FN,
  ...extra,
});

const target = (over: Partial<UrlTarget> = {}): UrlTarget => ({
  accountId: ACCOUNT,
  region: "us-east-1",
  functionName: "webhook",
  qualifier: null,
  authType: "NONE",
  now: NOW,
  ...over,
});

interface UrlCase {
  name: string;
  statements: Stmt[];
  target?: Partial<UrlTarget>;
  url: Exposure;
  invokeFunctionUrl?: Exposure;
  invokeFunctionViaUrl?: Exposure;
  allow?: string[];
  deny?: string[];
  restrictionIncludes?: string;
}

const cases: UrlCase[] = [
  // --- both models -------------------------------------------------------------------------------
  {
    name: "AWS's two statements for a NONE URL",
    statements: both(),
    url: "public",
    invokeFunctionUrl: "public",
    invokeFunctionViaUrl: "public",
    allow: ["FunctionURLAllowPublicAccess", "FunctionURLAllowInvokeAction"],
  },
  {
    name: "only lambda:InvokeFunctionUrl (legacy model)",
    statements: [urlAllow()],
    url: "none",
    invokeFunctionUrl: "public",
    invokeFunctionViaUrl: "none",
  },
  {
    name: "only lambda:InvokeFunction via URL (latent)",
    statements: [invokeAllow()],
    url: "none",
    invokeFunctionUrl: "none",
    invokeFunctionViaUrl: "public",
  },
  {
    name: "empty policy",
    statements: [],
    url: "none",
    invokeFunctionUrl: "none",
    invokeFunctionViaUrl: "none",
  },
  {
    name: "AWS_IAM URL with public statements",
    statements: both(),
    target: { authType: "AWS_IAM" },
    url: "none",
    invokeFunctionUrl: "none",
    invokeFunctionViaUrl: "none",
  },
  {
    name: "public InvokeFunction without the via-URL condition also serves the URL",
    statements: [urlAllow(), invokeAllow({ Condition: undefined })],
    url: "public",
  },
  {
    name: "InvokedViaFunctionUrl = false does not serve the URL",
    statements: [
      urlAllow(),
      invokeAllow({ Condition: { Bool: { "lambda:InvokedViaFunctionUrl": "false" } } }),
    ],
    url: "none",
    invokeFunctionViaUrl: "none",
  },
  {
    name: "FunctionUrlAuthType = AWS_IAM condition never matches a NONE URL",
    statements: [
      urlAllow({ Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "AWS_IAM" } } }),
      invokeAllow(),
    ],
    url: "none",
    invokeFunctionUrl: "none",
  },
  // --- principals ---------------------------------------------------------------------------------
  { name: 'Principal {"AWS":"*"}', statements: both({ Principal: { AWS: "*" } }), url: "public" },
  {
    name: "Principal array containing *",
    statements: both({ Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`, "*"] } }),
    url: "public",
  },
  { name: "Principal account id", statements: both({ Principal: { AWS: ACCOUNT } }), url: "none" },
  {
    name: "Principal account root ARN",
    statements: both({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }),
    url: "none",
  },
  {
    name: "Principal role ARN",
    statements: both({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/caller` } }),
    url: "none",
  },
  {
    name: "Principal service",
    statements: both({ Principal: { Service: "apigateway.amazonaws.com" } }),
    url: "none",
  },
  {
    name: "NotPrincipal listing the owner still admits anonymous callers",
    statements: both({ Principal: undefined, NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }),
    url: "public",
  },
  {
    name: 'NotPrincipal {"AWS":"*"} admits nobody',
    statements: both({ Principal: undefined, NotPrincipal: { AWS: "*" } }),
    url: "none",
  },
  // --- actions ------------------------------------------------------------------------------------
  {
    name: "one statement with both actions",
    statements: [
      {
        Sid: "Both",
        Effect: "Allow",
        Principal: "*",
        Action: ["lambda:InvokeFunctionUrl", "lambda:InvokeFunction"],
        Resource: FN,
      },
    ],
    url: "public",
    allow: ["Both"],
  },
  {
    name: "lambda:*",
    statements: [{ Effect: "Allow", Principal: "*", Action: "lambda:*", Resource: FN }],
    url: "public",
    allow: ["#0"],
  },
  {
    name: "lambda:Invoke* (mixed case)",
    statements: [{ Effect: "Allow", Principal: "*", Action: "Lambda:invoke*", Resource: FN }],
    url: "public",
  },
  {
    name: "action *",
    statements: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }],
    url: "public",
  },
  {
    name: "lambda:GetFunction only",
    statements: [{ Effect: "Allow", Principal: "*", Action: "lambda:GetFunction", Resource: FN }],
    url: "none",
  },
  {
    name: "NotAction that leaves invoke in",
    statements: [{ Effect: "Allow", Principal: "*", NotAction: "lambda:DeleteFunction", Resource: FN }],
    url: "public",
  },
  {
    name: "NotAction lambda:Invoke*",
    statements: [{ Effect: "Allow", Principal: "*", NotAction: "lambda:Invoke*", Resource: FN }],
    url: "none",
  },
  // --- resources and qualifiers -------------------------------------------------------------------
  {
    name: "statement for another function",
    statements: both({ Resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:other` }),
    url: "none",
  },
  {
    name: "function wildcard resource",
    statements: both({ Resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:*` }),
    url: "public",
  },
  {
    name: "NotResource naming another function",
    statements: both({ Resource: undefined, NotResource: `${FN}-admin` }),
    url: "public",
  },
  {
    name: "NotResource naming this function",
    statements: both({ Resource: undefined, NotResource: FN }),
    url: "none",
  },
  {
    name: "alias policy with qualified resource",
    statements: both({ Resource: `${FN}:live` }),
    target: { qualifier: "live" },
    url: "public",
  },
  {
    name: "alias URL, statement on the unqualified function",
    statements: both(),
    target: { qualifier: "live" },
    url: "none",
  },
  {
    name: "alias URL, statement scoped to another alias",
    statements: both({ Resource: `${FN}:staging` }),
    target: { qualifier: "live" },
    url: "none",
  },
  {
    name: "alias URL, statement on every qualifier",
    statements: both({ Resource: `${FN}:*` }),
    target: { qualifier: "live" },
    url: "public",
  },
  {
    name: "unqualified URL, statement on an alias only",
    statements: both({ Resource: `${FN}:live` }),
    url: "none",
  },
  {
    name: "other partition",
    statements: both({ Resource: `arn:aws-cn:lambda:us-east-1:${ACCOUNT}:function:webhook` }),
    target: { partition: "aws-cn" },
    url: "public",
  },
  // --- keys an anonymous caller cannot carry ------------------------------------------------------
  {
    name: "aws:SourceAccount",
    statements: bothWith({ StringEquals: { "aws:SourceAccount": ACCOUNT } }),
    url: "none",
  },
  {
    name: "aws:SourceArn",
    statements: bothWith({
      ArnLike: { "aws:SourceArn": `arn:aws:execute-api:us-east-1:${ACCOUNT}:abc123/*` },
    }),
    url: "none",
  },
  {
    name: "aws:SourceOwner",
    statements: bothWith({ StringEquals: { "aws:SourceOwner": ACCOUNT } }),
    url: "none",
  },
  {
    name: "aws:PrincipalOrgID",
    statements: bothWith({ StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }),
    url: "none",
  },
  {
    name: "aws:PrincipalOrgPaths (ForAnyValue)",
    statements: bothWith({ "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": "o-a1b2c3d4e5/*" } }),
    url: "none",
  },
  {
    name: "aws:PrincipalAccount",
    statements: bothWith({ StringEquals: { "aws:PrincipalAccount": ACCOUNT } }),
    url: "none",
  },
  {
    name: "aws:PrincipalArn",
    statements: bothWith({ ArnEquals: { "aws:PrincipalArn": `arn:aws:iam::${ACCOUNT}:role/caller` } }),
    url: "none",
  },
  {
    name: "aws:PrincipalTag",
    statements: bothWith({ StringEquals: { "aws:PrincipalTag/team": "web" } }),
    url: "none",
  },
  {
    name: "lambda:EventSourceToken",
    statements: bothWith({ StringEquals: { "lambda:EventSourceToken": "amzn1.ask.skill.1" } }),
    url: "none",
  },
  {
    name: "aws:SourceVpce",
    statements: bothWith({ StringEquals: { "aws:SourceVpce": "vpce-0a1b2c3d" } }),
    url: "none",
  },
  {
    name: "IfExists on an absent key holds",
    statements: bothWith({ StringEqualsIfExists: { "aws:SourceAccount": ACCOUNT } }),
    url: "public",
  },
  {
    name: "negated operator on an absent key holds",
    statements: bothWith({ StringNotEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }),
    url: "public",
  },
  {
    name: "ArnNotLikeIfExists on aws:SourceArn holds",
    statements: bothWith({ ArnNotLikeIfExists: { "aws:SourceArn": "arn:aws:s3:::blocked-*" } }),
    url: "public",
  },
  {
    name: 'Null aws:SourceArn "false" fails',
    statements: bothWith({ Null: { "aws:SourceArn": "false" } }),
    url: "none",
  },
  {
    name: 'Null aws:SourceArn "true" holds',
    statements: bothWith({ Null: { "aws:SourceArn": "true" } }),
    url: "public",
  },
  {
    name: "ForAllValues on an absent multi-valued key holds",
    statements: bothWith({ "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] } }),
    url: "public",
  },
  // --- source address -----------------------------------------------------------------------------
  {
    name: "public allow-list",
    statements: bothWith({ IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }),
    url: "restricted",
    invokeFunctionUrl: "restricted",
    restrictionIncludes: "aws:SourceIp in 203.0.113.0/24",
  },
  {
    name: "allow-list mixing private and public ranges keeps only the public one",
    statements: bothWith({ IpAddress: { "aws:SourceIp": ["10.0.0.0/8", "198.51.100.0/24"] } }),
    url: "restricted",
    restrictionIncludes: "aws:SourceIp in 198.51.100.0/24",
  },
  {
    name: "IPv6 public allow-list",
    statements: bothWith({ IpAddress: { "aws:SourceIp": "2600:1f18:4000::/36" } }),
    url: "restricted",
    restrictionIncludes: "2600:1f18:4000::/36",
  },
  {
    name: "IpAddress 0.0.0.0/0",
    statements: bothWith({ IpAddress: { "aws:SourceIp": "0.0.0.0/0" } }),
    url: "public",
  },
  {
    name: "IpAddress 0.0.0.0/0 and ::/0",
    statements: bothWith({ IpAddress: { "aws:SourceIp": ["0.0.0.0/0", "::/0"] } }),
    url: "public",
  },
  {
    name: "IPv4 space in two halves",
    statements: bothWith({ IpAddress: { "aws:SourceIp": ["0.0.0.0/1", "128.0.0.0/1"] } }),
    url: "public",
  },
  {
    name: "private ranges only",
    statements: bothWith({
      IpAddress: { "aws:SourceIp": ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"] },
    }),
    url: "none",
  },
  {
    name: "loopback, link-local and ULA only",
    statements: bothWith({ IpAddress: { "aws:SourceIp": ["127.0.0.1/32", "169.254.0.0/16", "fd00::/8"] } }),
    url: "none",
  },
  {
    name: "NotIpAddress leaves most of the Internet",
    statements: bothWith({ NotIpAddress: { "aws:SourceIp": "203.0.113.0/24" } }),
    url: "public",
  },
  {
    name: "Deny from everywhere but the office",
    statements: [...both(), deny({ Condition: { NotIpAddress: { "aws:SourceIp": "203.0.113.0/24" } } })],
    url: "restricted",
    deny: ["DenyInvoke"],
    restrictionIncludes: "denied by DenyInvoke when aws:SourceIp not in 203.0.113.0/24",
  },
  {
    name: "Deny for a block-list leaves the URL public",
    statements: [...both(), deny({ Condition: { IpAddress: { "aws:SourceIp": "198.51.100.0/24" } } })],
    url: "public",
    deny: ["DenyInvoke"],
  },
  // --- caller-controlled keys and transport -------------------------------------------------------
  {
    name: "Referer check is no protection",
    statements: bothWith({ StringLike: { "aws:Referer": "https://shop.example.com/*" } }),
    url: "public",
  },
  {
    name: "User-Agent check is no protection",
    statements: bothWith({ StringEquals: { "aws:UserAgent": "acme-bot/1.0" } }),
    url: "public",
  },
  {
    name: "Deny unless Referer cannot keep anyone out",
    statements: [
      ...both(),
      deny({ Condition: { StringNotLike: { "aws:Referer": "https://shop.example.com/*" } } }),
    ],
    url: "public",
  },
  {
    name: "Allow only over plain HTTP never matches",
    statements: bothWith({ Bool: { "aws:SecureTransport": "false" } }),
    url: "none",
  },
  {
    name: "Deny plain HTTP does not hit TLS callers",
    statements: [...both(), deny({ Condition: { Bool: { "aws:SecureTransport": "false" } } })],
    url: "public",
  },
  // --- denies -------------------------------------------------------------------------------------
  {
    name: "unconditional Deny on the URL action",
    statements: [...both(), deny({ Action: "lambda:InvokeFunctionUrl" })],
    url: "none",
    invokeFunctionUrl: "none",
    invokeFunctionViaUrl: "public",
    deny: ["DenyInvoke"],
  },
  {
    name: "Deny unless from my account applies to anonymous callers",
    statements: [...both(), deny({ Condition: { StringNotEquals: { "aws:PrincipalAccount": ACCOUNT } } })],
    url: "none",
  },
  {
    name: "Deny for another organization does not apply",
    statements: [...both(), deny({ Condition: { StringEquals: { "aws:PrincipalOrgID": "o-zzzzzzzzzz" } } })],
    url: "public",
  },
  {
    name: "Deny with NotPrincipal hits anonymous callers",
    statements: [
      ...both(),
      deny({ Principal: undefined, NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } }),
    ],
    url: "none",
  },
  {
    name: "Deny on a resource tag the scan did not read",
    statements: [...both(), deny({ Condition: { StringEquals: { "aws:ResourceTag/env": "prod" } } })],
    url: "restricted",
    deny: ["DenyInvoke"],
    restrictionIncludes: "denied by DenyInvoke when StringEquals aws:ResourceTag/env = prod",
  },
  {
    name: "Deny and Allow in one policy for different aliases",
    statements: [...both({ Resource: `${FN}:live` }), deny({ Resource: `${FN}:staging` })],
    target: { qualifier: "live" },
    url: "public",
    deny: [],
  },
  // --- time and unknowns --------------------------------------------------------------------------
  {
    name: "expired grant",
    statements: bothWith({ DateLessThan: { "aws:CurrentTime": "2026-01-01T00:00:00Z" } }),
    url: "none",
  },
  {
    name: "grant still valid",
    statements: bothWith({ DateLessThan: { "aws:CurrentTime": "2027-01-01T00:00:00Z" } }),
    url: "public",
  },
  {
    name: "resource tag, tags not read",
    statements: bothWith({ StringEquals: { "aws:ResourceTag/team": "payments" } }),
    url: "restricted",
    restrictionIncludes: "StringEquals aws:ResourceTag/team = payments",
  },
  {
    name: "resource tag, tags read and matching",
    statements: bothWith({ StringEquals: { "aws:ResourceTag/team": "payments" } }),
    target: { tags: { team: "payments" } },
    url: "public",
  },
  {
    name: "resource tag, tags read and different",
    statements: bothWith({ StringEquals: { "aws:ResourceTag/team": "payments" } }),
    target: { tags: { team: "search" } },
    url: "none",
  },
  {
    name: "condition on a key this analysis does not model",
    statements: bothWith({ StringEquals: { "lambda:FutureKey": "x" } }),
    url: "restricted",
    restrictionIncludes: "lambda:FutureKey",
  },
];

describe("analyzeFunctionUrl", () => {
  it.each(cases)("$name", (c) => {
    const policy = parsePolicy({ Version: "2012-10-17", Id: "default", Statement: c.statements });
    const result = analyzeFunctionUrl(policy, target(c.target));
    expect(result.url.exposure).toBe(c.url);
    if (c.invokeFunctionUrl) expect(result.invokeFunctionUrl.exposure).toBe(c.invokeFunctionUrl);
    if (c.invokeFunctionViaUrl) expect(result.invokeFunctionViaUrl.exposure).toBe(c.invokeFunctionViaUrl);
    if (c.allow) expect(result.url.allowStatements).toEqual(c.allow);
    if (c.deny) expect(result.url.denyStatements).toEqual(c.deny);
    if (c.restrictionIncludes) {
      expect(result.url.restrictions.join("\n")).toContain(c.restrictionIncludes);
    }
    // Public means nothing stands in the way, so it never comes with restrictions.
    if (c.url === "public") expect(result.url.restrictions).toEqual([]);
  });

  it("treats a function without a policy as closed", () => {
    const result = analyzeFunctionUrl(null, target());
    expect(
      [result.url, result.invokeFunctionUrl, result.invokeFunctionViaUrl].map((v) => v.exposure),
    ).toEqual(["none", "none", "none"]);
  });

  it("accepts the JSON string GetPolicy returns", () => {
    const json = JSON.stringify({ Version: "2012-10-17", Id: "default", Statement: both() });
    expect(analyzeFunctionUrl(parsePolicy(json), target()).url.exposure).toBe("public");
  });

  it("builds qualified and unqualified ARNs", () => {
    expect(functionArn(target())).toBe(FN);
    expect(functionArn(target({ qualifier: "live", partition: "aws-us-gov" }))).toBe(
      `arn:aws-us-gov:lambda:us-east-1:${ACCOUNT}:function:webhook:live`,
    );
  });

  it("labels statements without Sid by index", () => {
    const statements = both({ Sid: undefined });
    const policy = parsePolicy({
      Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*" }, ...statements],
    });
    expect(analyzeFunctionUrl(policy, target()).url.allowStatements).toEqual(["#1", "#2"]);
  });
});

interface DirectCase {
  name: string;
  statement: Stmt;
  exposure: Exposure;
  scope: "anyone" | "any-account" | "none";
}

const direct = (extra: Stmt): Stmt => ({
  Sid: "Invoke",
  Effect: "Allow",
  Principal: "*",
  Action: "lambda:InvokeFunction",
  Resource: FN,
  ...extra,
});

const directCases: DirectCase[] = [
  { name: "Principal *", statement: direct({}), exposure: "public", scope: "anyone" },
  {
    name: 'Principal {"AWS":"*"}',
    statement: direct({ Principal: { AWS: "*" } }),
    exposure: "public",
    scope: "any-account",
  },
  {
    name: "NotPrincipal listing the owner",
    statement: direct({ Principal: undefined, NotPrincipal: { AWS: ACCOUNT } }),
    exposure: "public",
    scope: "any-account",
  },
  {
    name: "via-URL statement is not a direct grant",
    statement: direct({ Condition: { Bool: { "lambda:InvokedViaFunctionUrl": "true" } } }),
    exposure: "none",
    scope: "none",
  },
  {
    name: "lambda:* to everyone",
    statement: direct({ Action: "lambda:*" }),
    exposure: "public",
    scope: "anyone",
  },
  {
    name: "scoped to the owner's account",
    statement: direct({ Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } } }),
    exposure: "none",
    scope: "none",
  },
  {
    name: "scoped to an API Gateway ARN in the owner's account",
    statement: direct({
      Condition: {
        ArnLike: { "aws:SourceArn": `arn:aws:execute-api:us-east-1:${ACCOUNT}:abc123/*/POST/hook` },
      },
    }),
    exposure: "none",
    scope: "none",
  },
  {
    name: "any S3 bucket",
    statement: direct({ Condition: { ArnLike: { "aws:SourceArn": "arn:aws:s3:::*" } } }),
    exposure: "public",
    scope: "anyone",
  },
  {
    name: "one S3 bucket",
    statement: direct({ Condition: { ArnLike: { "aws:SourceArn": "arn:aws:s3:::invoices-bucket" } } }),
    exposure: "none",
    scope: "none",
  },
  {
    // Lambda's add-permission writes the key as "AWS:SourceArn"; key names are case-insensitive.
    name: "service principal with SourceArn as Lambda spells it",
    statement: direct({
      Principal: { Service: "s3.amazonaws.com" },
      Condition: { ArnLike: { "AWS:SourceArn": "arn:aws:s3:::invoices-bucket" } },
    }),
    exposure: "none",
    scope: "none",
  },
  {
    name: "Principal * with SourceArn as Lambda spells it",
    statement: direct({ Condition: { ArnLike: { "AWS:SourceArn": "arn:aws:s3:::invoices-bucket" } } }),
    exposure: "none",
    scope: "none",
  },
  {
    name: "organization",
    statement: direct({ Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }),
    exposure: "none",
    scope: "none",
  },
  {
    name: "organization IfExists lets org-less accounts in",
    statement: direct({ Condition: { StringEqualsIfExists: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }),
    exposure: "public",
    scope: "anyone",
  },
  {
    name: "everyone but the owner",
    statement: direct({ Condition: { StringNotEquals: { "aws:PrincipalAccount": ACCOUNT } } }),
    exposure: "public",
    scope: "anyone",
  },
  {
    name: "a role name in any account",
    statement: direct({ Condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/deployer" } } }),
    exposure: "public",
    scope: "anyone",
  },
  {
    name: "a role in the owner's account",
    statement: direct({
      Condition: { ArnEquals: { "aws:PrincipalArn": `arn:aws:iam::${ACCOUNT}:role/deployer` } },
    }),
    exposure: "none",
    scope: "none",
  },
  {
    name: "principal tags are the caller's to set",
    statement: direct({ Condition: { StringEquals: { "aws:PrincipalTag/team": "payments" } } }),
    exposure: "public",
    scope: "anyone",
  },
  {
    name: "source address allow-list",
    statement: direct({ Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } }),
    exposure: "restricted",
    scope: "anyone",
  },
  {
    name: "another account",
    statement: direct({ Principal: { AWS: "444455556666" } }),
    exposure: "none",
    scope: "none",
  },
  {
    name: "service principal with source account",
    statement: direct({
      Principal: { Service: "s3.amazonaws.com" },
      Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
    }),
    exposure: "none",
    scope: "none",
  },
];

describe("analyzeDirectInvoke", () => {
  const t = { accountId: ACCOUNT, region: "us-east-1", functionName: "webhook", qualifier: null, now: NOW };

  it.each(directCases)("$name", (c) => {
    const result = analyzeDirectInvoke(parsePolicy({ Statement: [c.statement] }), t);
    expect(result.exposure).toBe(c.exposure);
    expect(result.scope).toBe(c.scope);
    expect(result.allowStatements).toEqual(c.exposure === "none" ? [] : ["Invoke"]);
  });

  it("lets a Deny outside the organization close the grant", () => {
    const policy = parsePolicy({
      Statement: [
        direct({}),
        {
          Sid: "OrgOnly",
          Effect: "Deny",
          Principal: "*",
          Action: "lambda:InvokeFunction",
          Resource: FN,
          Condition: { StringNotEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
        },
      ],
    });
    const result = analyzeDirectInvoke(policy, t);
    expect(result.exposure).toBe("none");
    expect(result.denyStatements).toEqual(["OrgOnly"]);
  });

  it("returns none without a policy", () => {
    expect(analyzeDirectInvoke(null, t)).toMatchObject({ exposure: "none", scope: "none" });
  });
});
