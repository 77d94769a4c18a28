import { describe, expect, it } from "vitest";
import {
  decideExposure,
  publicUrlStatements,
  type AuthFact,
  type FunctionFacts,
  type StatementFact,
} from "../../src/exposure/index.js";

const NOW = new Date("2026-11-23T00:00:00Z");
type S = Record<string, unknown>;

const urlPerm = (extra: S = {}): S => ({
  Effect: "Allow",
  Principal: "*",
  Action: "lambda:InvokeFunctionUrl",
  Resource: "*",
  Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "NONE" }, ...extra },
});
const viaPerm = (extra: S = {}): S => ({
  Effect: "Allow",
  Principal: "*",
  Action: "lambda:InvokeFunction",
  Resource: "*",
  Condition: { Bool: { "lambda:InvokedViaFunctionUrl": "true" }, ...extra },
});
const plainInvoke: S = { Effect: "Allow", Principal: "*", Action: "lambda:InvokeFunction", Resource: "*" };

function code(statement: S, label: string, qualifier: string | null = null): StatementFact<string> {
  return { qualifier, label, statement, provenance: { kind: "code" }, ref: label };
}

function facts(
  auth: AuthFact | null,
  statements: StatementFact<string>[],
  urlQualifier: string | null = null,
): FunctionFacts<string> {
  return {
    target: { functionName: "fn" },
    urls: auth ? [{ qualifier: urlQualifier, auth, ref: "url" }] : [],
    statements,
  };
}

const verdict = (f: FunctionFacts<string>) =>
  decideExposure(f, NOW)
    .exposures.map((x) => `${x.rule}/${x.severity}/${x.kind}/${x.qualifier ?? "-"}`)
    .sort();

const NONE: AuthFact = { kind: "NONE" };
const IAM: AuthFact = { kind: "AWS_IAM" };

describe("decideExposure: one table for every front end", () => {
  const cases: [string, FunctionFacts<string>, string[]][] = [
    [
      "NONE URL, both permissions public",
      facts(NONE, [code(urlPerm(), "u"), code(viaPerm(), "i")]),
      ["LG001/critical/public-url/-"],
    ],
    [
      "NONE URL, only InvokeFunctionUrl",
      facts(NONE, [code(urlPerm(), "u")]),
      ["LG003/high/url-permission-only/-"],
    ],
    [
      "NONE URL, only InvokeFunction via URL",
      facts(NONE, [code(viaPerm(), "i")]),
      ["LG003/low/invoke-permission-only/-"],
    ],
    ["NONE URL with no permission at all: 403 for everyone, nothing to report", facts(NONE, []), []],
    [
      "NONE URL whose permissions name one account",
      facts(NONE, [
        code({ ...urlPerm(), Principal: { AWS: "111122223333" } }, "u"),
        code({ ...viaPerm(), Principal: { AWS: "111122223333" } }, "i"),
      ]),
      [],
    ],
    [
      "public under StringNotEquals aws:SourceAccount (anonymous callers carry no account)",
      facts(NONE, [
        code(urlPerm({ StringNotEquals: { "aws:SourceAccount": "111122223333" } }), "u"),
        code(viaPerm({ StringNotEquals: { "aws:SourceAccount": "111122223333" } }), "i"),
      ]),
      ["LG001/critical/public-url/-"],
    ],
    [
      "org-restricted permissions",
      facts(NONE, [
        code(urlPerm({ StringEquals: { "aws:PrincipalOrgID": "o-abc123" } }), "u"),
        code(viaPerm({ StringEquals: { "aws:PrincipalOrgID": "o-abc123" } }), "i"),
      ]),
      [],
    ],
    [
      "a Deny overrides the public Allows",
      facts(NONE, [
        code(urlPerm(), "u"),
        code(viaPerm(), "i"),
        code(
          {
            Effect: "Deny",
            Principal: "*",
            Action: ["lambda:InvokeFunctionUrl", "lambda:InvokeFunction"],
            Resource: "*",
          },
          "d",
        ),
      ]),
      [],
    ],
    [
      "conditional auth type (NONE in one branch) counts as NONE there",
      facts({ kind: "conditional", condition: "IsProd is false" }, [
        code(urlPerm(), "u"),
        code(viaPerm(), "i"),
      ]),
      ["LG001/critical/public-url/-"],
    ],
    [
      "unknown auth type never rules exposure out",
      facts({ kind: "unknown", detail: "var.auth" }, [code(urlPerm(), "u"), code(viaPerm(), "i")]),
      ["LG001/critical/public-url/-"],
    ],
    [
      "alias-only: the alias's grants do not reach the unqualified URL",
      facts(NONE, [code(urlPerm(), "u", "live"), code(viaPerm(), "i", "live")]),
      ["LG003/low/latent-grant/live"],
    ],
    [
      "alias URL judged by the alias policy",
      facts(NONE, [code(urlPerm(), "u", "live"), code(viaPerm(), "i", "live")], "live"),
      ["LG001/critical/public-url/live"],
    ],
    [
      "no URL: public URL grants are latent (low)",
      facts(null, [code(urlPerm(), "u")]),
      ["LG003/low/latent-grant/-"],
    ],
    [
      "plain public InvokeFunction: LG002, and no second LG003 for the same grant",
      facts(NONE, [code(plainInvoke, "p")]),
      ["LG002/high/public-invoke/-"],
    ],
    [
      "AWS_IAM URL with * URL permissions (grantInvokeUrl(AnyPrincipal)): the URL form of LG002",
      facts(IAM, [
        code({ ...urlPerm(), Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "AWS_IAM" } } }, "u"),
        code(viaPerm(), "i"),
      ]),
      ["LG002/high/any-account-url/-"],
    ],
    [
      "AWS_IAM URL with leftover NONE permissions: latent, public as soon as the URL is NONE",
      facts(IAM, [code(urlPerm(), "u"), code(viaPerm(), "i")]),
      ["LG003/low/latent-grant/-"],
    ],
    [
      "SourceArn-narrowed permission is not public",
      facts(NONE, [
        code(
          {
            ...plainInvoke,
            Condition: { ArnLike: { "aws:SourceArn": "arn:aws:execute-api:us-east-1:111122223333:abc/*" } },
          },
          "p",
        ),
      ]),
      [],
    ],
  ];
  for (const [name, f, want] of cases) it(name, () => expect(verdict(f)).toEqual(want));

  it("tool-chain statements decide like written ones and are named in the evidence", () => {
    const generated = publicUrlStatements("sam").map((s): StatementFact<string> => ({
      qualifier: null,
      label: s.label,
      statement: s.statement,
      provenance: { kind: "toolchain", by: "sam" },
      ref: "url",
    }));
    const [x] = decideExposure(facts(NONE, generated), NOW).exposures;
    expect(x).toMatchObject({ rule: "LG001", severity: "critical", evidence: { generatedBy: ["sam"] } });
    // Tool-chain statements go away with the auth type: the fix does not try to remove them.
    expect(x!.fix.map((i) => i.kind)).toEqual(["set-auth-iam"]);
  });

  it("an unparseable statement is skipped and reported, not silently dropped", () => {
    const r = decideExposure(
      facts(NONE, [code({ Effect: "Maybe", Principal: "*", Action: "x" }, "bad")]),
      NOW,
    );
    expect(r.skipped.map((s) => s.fact.label)).toEqual(["bad"]);
  });
});

describe("evaluator defects (regressions)", () => {
  it("a Deny on FunctionUrlAuthType for InvokeFunction cannot prove the URL private (the key is unknown there)", () => {
    const deny = {
      Effect: "Deny",
      Principal: "*",
      Action: "lambda:InvokeFunction",
      Resource: "*",
      Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "NONE" } },
    };
    const out = verdict(facts(NONE, [code(urlPerm(), "u"), code(viaPerm(), "i"), code(deny, "d")]));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^LG001\//);
  });

  it("one request carries one Referer: two permissions needing different Referers are not both public", () => {
    const ref = (v: string) => ({ StringEquals: { "aws:Referer": v } });
    const out = verdict(
      facts(NONE, [
        code(urlPerm(ref("https://a.example/")), "u"),
        code(viaPerm(ref("https://b.example/")), "i"),
      ]),
    );
    expect(out.some((v) => v.startsWith("LG001"))).toBe(false);
    // The same Referer on both halves is still public: the caller sends it.
    const same = verdict(
      facts(NONE, [
        code(urlPerm(ref("https://a.example/")), "u"),
        code(viaPerm(ref("https://a.example/")), "i"),
      ]),
    );
    expect(same).toEqual(["LG001/critical/public-url/-"]);
  });

  it("`*` in StringEquals on a caller-controlled key is a literal the caller can send", () => {
    const star = { StringEquals: { "aws:Referer": "*example*" } };
    expect(verdict(facts(NONE, [code(urlPerm(star), "u"), code(viaPerm(star), "i")]))).toEqual([
      "LG001/critical/public-url/-",
    ]);
  });
});
