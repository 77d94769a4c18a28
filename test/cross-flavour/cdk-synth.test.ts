/**
 * What CDK source says must match what CDK really generates: every CDK TypeScript case is synthesized with
 * aws-cdk-lib (one process for all; the result is kept per content, see SYNTHESIZED) and the verdict on the
 * synthesized template must equal the verdict on the source.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scanIacFiles } from "../../src/iac/index.js";
import { parseConfig } from "../../src/model/index.js";
import { CASES, cdkTs, verdict } from "./cases.js";

const ROOT = join(import.meta.dirname, "..", "..");
const NOW = new Date("2026-11-23T00:00:00Z");
const STACK = (body: string) =>
  `import * as cdk from "aws-cdk-lib";\nimport * as iam from "aws-cdk-lib/aws-iam";\nimport * as lambda from "aws-cdk-lib/aws-lambda";\n\nexport class CaseStack extends cdk.Stack {\n  constructor(scope: cdk.App, id: string) {\n    super(scope, id);\n    const fn = new lambda.Function(this, "Fn", {\n      functionName: "fn",\n      runtime: lambda.Runtime.NODEJS_22_X,\n      handler: "index.handler",\n      code: lambda.Code.fromInline("exports.handler = async () => 1"),\n    });\n${body}  }\n}\n`;

/** CDK-only shapes: principals and L1/L2 differences the other flavours cannot say. */
const CDK_ONLY: { id: string; text: string; want: string[] }[] = [
  {
    id: "l1-url-alone",
    text: STACK(
      '    new lambda.CfnUrl(this, "Url", { targetFunctionArn: fn.functionArn, authType: "NONE" });\n',
    ),
    want: [],
  },
  {
    id: "grant-invoke-url-any-principal",
    text: STACK("    const url = fn.addFunctionUrl();\n    url.grantInvokeUrl(new iam.AnyPrincipal());\n"),
    want: ["LG002/high/any-account-url"],
  },
  {
    id: "grant-invoke-any-principal",
    text: STACK("    fn.grantInvoke(new iam.AnyPrincipal());\n"),
    want: ["LG002/high/public-invoke"],
  },
  {
    id: "add-permission-arn-star",
    text: STACK('    fn.addPermission("Anyone", { principal: new iam.ArnPrincipal("*") });\n'),
    want: ["LG002/high/public-invoke"],
  },
  {
    id: "add-permission-service",
    text: STACK(
      '    fn.addPermission("Uploads", {\n      principal: new iam.ServicePrincipal("s3.amazonaws.com"),\n      sourceArn: "arn:aws:s3:::uploads-bucket",\n    });\n',
    ),
    want: [],
  },
];
const cases = [
  ...CASES.filter((c) => !c.skip?.["cdk-ts"] && !c.allowed).map((c) => ({
    id: c.id,
    text: cdkTs(c),
    want: c.want,
  })),
  ...CDK_ONLY,
];

let templates: Record<string, unknown>;

/**
 * What aws-cdk-lib synthesized for these exact sources, kept in test/fixtures/cdk-synth (one file per content of
 * the sources and version of aws-cdk-lib): a fresh clone checks the verdicts without paying ~15 s of CPU for a
 * synthesis whose result is already known. Change a case or upgrade aws-cdk-lib and the name changes: the test
 * synthesizes again and replaces the file, to be committed with the change.
 */
const SYNTHESIZED = join(ROOT, "test", "fixtures", "cdk-synth");

beforeAll(() => {
  const sources = cases.map((c) => [c.id, c.text] as const);
  const cdkVersion = (
    JSON.parse(readFileSync(join(ROOT, "node_modules", "aws-cdk-lib", "package.json"), "utf8")) as {
      version: string;
    }
  ).version;
  const hash = createHash("sha256")
    .update(JSON.stringify({ cdkVersion, sources }))
    .digest("hex")
    .slice(0, 16);
  const known = join(SYNTHESIZED, `templates-${hash}.json`);
  if (existsSync(known)) {
    templates = JSON.parse(readFileSync(known, "utf8")) as Record<string, unknown>;
    return;
  }
  // Synthesized in a scratch directory by one process for every case.
  const dir = join(ROOT, ".tmp", "cdk-synth", hash);
  const out = join(dir, "templates.json");
  mkdirSync(dir, { recursive: true });
  for (const [id, text] of sources) writeFileSync(join(dir, `${id}.ts`), text);
  // The computed auth type is NONE in the context this app runs with: the exposure when the condition holds.
  const runner = `import { writeFileSync } from "node:fs";
import * as cdk from "aws-cdk-lib";
${sources.map(([id], i) => `import { CaseStack as S${i} } from "./${id}.ts";`).join("\n")}
const stacks = { ${sources.map(([id], i) => `${JSON.stringify(id)}: S${i}`).join(", ")} };
const out: Record<string, unknown> = {};
for (const [id, Stack] of Object.entries(stacks)) {
  const app = new cdk.App({ outdir: ${JSON.stringify(join(dir, "cdk.out"))} + "/" + id, context: { public: "yes" } });
  new Stack(app, "Case");
  out[id] = app.synth().getStackByName("Case").template;
}
writeFileSync(${JSON.stringify(out)}, JSON.stringify(out));
`;
  writeFileSync(join(dir, "synth.ts"), runner);
  execFileSync(join(ROOT, "node_modules", ".bin", "tsx"), [join(dir, "synth.ts")], {
    cwd: ROOT,
    timeout: 120_000,
    stdio: "pipe",
  });
  templates = JSON.parse(readFileSync(out, "utf8")) as Record<string, unknown>;
  mkdirSync(SYNTHESIZED, { recursive: true });
  for (const stale of readdirSync(SYNTHESIZED)) rmSync(join(SYNTHESIZED, stale));
  writeFileSync(known, `${JSON.stringify(templates, null, 1)}\n`);
}, 150_000);

describe("CDK: the source verdict equals the verdict on the synthesized template", () => {
  for (const c of cases)
    it(c.id, async () => {
      const config = parseConfig("{}");
      const source = await scanIacFiles([{ path: "lib/stack.ts", text: c.text }], { config, now: NOW });
      const synthesized = await scanIacFiles(
        [{ path: "synthesized/Case.template.json", text: JSON.stringify(templates[c.id], null, 1) }],
        { config, now: NOW },
      );
      const fromSource = verdict(source.findings.map((f) => f.finding));
      expect(fromSource).toEqual(c.want);
      expect(verdict(synthesized.findings.map((f) => f.finding))).toEqual(fromSource);
    });
});
