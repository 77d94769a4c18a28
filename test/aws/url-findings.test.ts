import { describe, expect, it } from "vitest";
import type { FunctionFacts, PolicyFact } from "../../src/aws/function-facts.js";
import { analyzeFunction } from "../../src/aws/url-findings.js";
import { parsePolicy } from "../../src/policy/index.js";

const ARN = "arn:aws:lambda:us-east-1:111122223333:function:fn";
const urlStmt = (resource = ARN, extra: Record<string, unknown> = {}) => ({
  Sid: "FunctionURLAllowPublicAccess",
  Effect: "Allow",
  Principal: "*",
  Action: "lambda:InvokeFunctionUrl",
  Resource: resource,
  Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "NONE" }, ...extra },
});
const invokeStmt = (resource = ARN, extra: Record<string, unknown> = {}) => ({
  Sid: "FunctionURLAllowInvokeAction",
  Effect: "Allow",
  Principal: "*",
  Action: "lambda:InvokeFunction",
  Resource: resource,
  Condition: { Bool: { "lambda:InvokedViaFunctionUrl": "true" }, ...extra },
});
const ok = (...Statement: unknown[]): PolicyFact => {
  const raw = JSON.stringify({ Version: "2012-10-17", Statement });
  return { status: "ok", document: parsePolicy(raw), raw };
};

function facts(over: Partial<FunctionFacts>): FunctionFacts {
  return {
    region: "us-east-1",
    accountId: "111122223333",
    partition: "aws",
    functionName: "fn",
    functionArn: ARN,
    urls: [],
    policies: new Map(),
    aliases: [],
    ...over,
  };
}
const summary = (f: FunctionFacts) =>
  analyzeFunction(f, new Date("2026-11-23T00:00:00Z"))
    .map((x) => `${x.rule}/${x.severity}/${x.resource.qualifier ?? "-"}`)
    .sort();

describe("analyzeFunction (LG001–LG003 from collected facts)", () => {
  const url = (qualifier: string | null = null, authType: "NONE" | "AWS_IAM" = "NONE") => ({
    qualifier,
    authType,
    url: "https://x.lambda-url.us-east-1.on.aws/",
  });

  it("public URL on $LATEST under both permissions → LG001 critical", () => {
    expect(summary(facts({ urls: [url()], policies: new Map([["", ok(urlStmt(), invokeStmt())]]) }))).toEqual(
      ["LG001/critical/-"],
    );
  });

  it("AWS_IAM URL with the same policy is not LG001 (the URL demands signatures), but the grants are latent", () => {
    expect(
      summary(
        facts({ urls: [url(null, "AWS_IAM")], policies: new Map([["", ok(urlStmt(), invokeStmt())]]) }),
      ),
    ).toEqual(["LG003/low/-"]);
  });

  it("a URL on an alias is judged by the alias's policy, not the function's", () => {
    const aliasArn = `${ARN}:live`;
    const f = facts({
      urls: [url("live")],
      aliases: ["live"],
      policies: new Map([
        ["", ok()],
        ["live", ok(urlStmt(aliasArn), invokeStmt(aliasArn))],
      ]),
    });
    expect(summary(f)).toEqual(["LG001/critical/live"]);
  });

  it("only InvokeFunctionUrl public → LG003 high; only InvokeFunction via URL → LG003 low", () => {
    expect(summary(facts({ urls: [url()], policies: new Map([["", ok(urlStmt())]]) }))).toEqual([
      "LG003/high/-",
    ]);
    expect(summary(facts({ urls: [url()], policies: new Map([["", ok(invokeStmt())]]) }))).toEqual([
      "LG003/low/-",
    ]);
  });

  it("a public URL grant on an alias without a URL is latent → LG003 low on that alias", () => {
    const aliasArn = `${ARN}:beta`;
    const f = facts({
      aliases: ["beta"],
      policies: new Map([
        ["", ok()],
        ["beta", ok(urlStmt(aliasArn), invokeStmt(aliasArn))],
      ]),
    });
    const out = analyzeFunction(f);
    expect(out.map((x) => `${x.rule}/${x.severity}/${x.resource.qualifier}`)).toEqual(["LG003/low/beta"]);
    expect(out[0]!.evidence.latent).toBe(true);
  });

  it("Principal * on plain InvokeFunction → LG002, alongside the URL finding", () => {
    const direct = {
      Sid: "Anyone",
      Effect: "Allow",
      Principal: "*",
      Action: "lambda:InvokeFunction",
      Resource: ARN,
    };
    expect(summary(facts({ urls: [url()], policies: new Map([["", ok(urlStmt(), direct)]]) }))).toEqual([
      "LG001/critical/-",
      "LG002/high/-",
    ]);
  });

  it("a public-range SourceIp allow-list makes LG001 medium", () => {
    const ip = { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } };
    expect(
      summary(facts({ urls: [url()], policies: new Map([["", ok(urlStmt(ARN, ip), invokeStmt(ARN, ip))]]) })),
    ).toEqual(["LG001/medium/-"]);
  });

  it("a NONE URL with no policy at all is private (403 for everyone)", () => {
    expect(summary(facts({ urls: [url()], policies: new Map([["", { status: "absent" }]]) }))).toEqual([]);
  });

  it("invalid or unreadable policy on a NONE URL → LG001 high 'could not be ruled out'", () => {
    const inv = analyzeFunction(
      facts({ urls: [url()], policies: new Map([["", { status: "invalid", error: "bad JSON", raw: "{" }]]) }),
    );
    expect(inv.map((f) => `${f.rule}/${f.severity}`)).toEqual(["LG001/high"]);
    expect(inv[0]!.message).toMatch(/could not be ruled out/);
    const unr = analyzeFunction(
      facts({
        urls: [url()],
        policies: new Map([["", { status: "unreadable", error: "AccessDeniedException" }]]),
      }),
    );
    expect(unr[0]!.evidence.policyStatus).toBe("unreadable");
  });

  it("statements without a Sid get a put-resource-policy note instead of a remove-permission command", () => {
    const { Sid: _a, ...u } = urlStmt();
    const { Sid: _b, ...i } = invokeStmt();
    const [f] = analyzeFunction(facts({ urls: [url()], policies: new Map([["", ok(u, i)]]) }));
    expect(f!.remediation.commands!.some((c) => c.includes("remove-permission"))).toBe(false);
    expect(f!.remediation.notes!.join(" ")).toMatch(/put-resource-policy/);
  });
});

describe("no double reporting", () => {
  it("a * InvokeFunction grant is LG002 only, not also a latent LG003", () => {
    const direct = {
      Sid: "Anyone",
      Effect: "Allow",
      Principal: "*",
      Action: "lambda:InvokeFunction",
      Resource: ARN,
    };
    const f = {
      region: "us-east-1",
      accountId: "111122223333",
      partition: "aws",
      functionName: "fn",
      functionArn: ARN,
      urls: [],
      policies: new Map([
        ["", { status: "ok" as const, document: parsePolicy({ Statement: [direct] }), raw: "" }],
      ]),
      aliases: [],
    };
    expect(analyzeFunction(f).map((x) => x.rule)).toEqual(["LG002"]);
  });
});
