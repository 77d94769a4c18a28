import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffHeaderName, unifiedDiff } from "../../src/iac/diff.js";
import { planFixes, readIacTree, writeFixes } from "../../src/iac/index.js";
import { jsonAppendString, jsonNodeAt, parseJson } from "../../src/iac/json-edit.js";
import {
  applyRangeEdits,
  parseYaml,
  yamlAppendToSeq,
  yamlNodeAt,
  type YAMLSeq,
} from "../../src/iac/yaml-edit.js";
import { defaultConfig } from "../../src/model/config.js";

const config = defaultConfig();

const HCL = `data "aws_iam_policy_document" "drift" {
  statement {
    actions = [
      "lambda:GetFunction",
      "lambda:GetFunctionConfiguration", # used by the drift check
    ]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "drift" {
  role   = "drift"
  policy = data.aws_iam_policy_document.drift.json
}
`;

const HCL_NO_COMMA = HCL.replace(
  '"lambda:GetFunctionConfiguration", # used by the drift check',
  '"lambda:GetFunctionConfiguration" // used by the drift check',
);

const PY = `from aws_cdk import Stack
from aws_cdk import aws_iam as iam


class DriftStack(Stack):
    def __init__(self, scope, construct_id, **kwargs):
        super().__init__(scope, construct_id, **kwargs)
        role = iam.Role(self, "Drift", role_name="drift", assumed_by=iam.AccountRootPrincipal())
        role.add_to_policy(
            iam.PolicyStatement(
                actions=[
                    "lambda:GetFunction",
                    "lambda:GetFunctionConfiguration",  # used by the drift check
                ],
                resources=["*"],
            )
        )
`;

const TS = `import * as cdk from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";

export class DriftStack extends cdk.Stack {
  constructor(scope: cdk.App, id: string) {
    super(scope, id);
    const role = new iam.Role(this, "Drift", { assumedBy: new iam.AccountRootPrincipal() });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          "lambda:GetFunction",
          "lambda:GetFunctionConfiguration" /* used by the drift check */
        ],
        resources: ["*"],
      }),
    );
  }
}
`;

async function fixOne(path: string, text: string): Promise<string> {
  const plan = await planFixes([{ path, text }], { config });
  expect(plan.unfixed).toEqual([]);
  expect(plan.fixed.map((f) => f.finding.rule)).toEqual(["LG005"]);
  return plan.changes[0]!.after;
}

describe("a comment stays with its element when lambda:ListTags is appended", () => {
  it("HCL with a trailing comma", async () => {
    expect(await fixOne("iam.tf", HCL)).toBe(
      HCL.replace("# used by the drift check\n", '# used by the drift check\n      "lambda:ListTags",\n'),
    );
  });

  it("HCL without a trailing comma", async () => {
    expect(await fixOne("iam.tf", HCL_NO_COMMA)).toBe(
      HCL_NO_COMMA.replace(
        '"lambda:GetFunctionConfiguration" // used by the drift check\n',
        '"lambda:GetFunctionConfiguration", // used by the drift check\n      "lambda:ListTags"\n',
      ),
    );
  });

  it("Python (CDK)", async () => {
    expect(await fixOne("app/drift_stack.py", PY)).toBe(
      PY.replace(
        "# used by the drift check\n",
        '# used by the drift check\n                    "lambda:ListTags",\n',
      ),
    );
  });

  it("TypeScript (CDK), block comment, no trailing comma", async () => {
    expect(await fixOne("lib/drift-stack.ts", TS)).toBe(
      TS.replace(
        '"lambda:GetFunctionConfiguration" /* used by the drift check */\n',
        '"lambda:GetFunctionConfiguration", /* used by the drift check */\n          "lambda:ListTags"\n',
      ),
    );
  });

  it("JSON with comments and YAML", () => {
    const jsonc = '{\n  "Action": [\n    "lambda:GetFunction" // drift check\n  ]\n}\n';
    const src = parseJson(jsonc);
    const out = applyRangeEdits(jsonc, [
      jsonAppendString(src, jsonNodeAt(src, ["Action"])!, "lambda:ListTags")!,
    ]);
    expect(out).toBe(
      '{\n  "Action": [\n    "lambda:GetFunction", // drift check\n    "lambda:ListTags"\n  ]\n}\n',
    );
    const yaml = "Action:\n  - lambda:GetFunction # drift check\nResource: '*'\n";
    const y = parseYaml(yaml);
    const seq = yamlNodeAt(y, ["Action"]) as YAMLSeq;
    expect(applyRangeEdits(yaml, [yamlAppendToSeq(yaml, seq, "lambda:ListTags")!])).toBe(
      "Action:\n  - lambda:GetFunction # drift check\n  - lambda:ListTags\nResource: '*'\n",
    );
  });
});

describe("byte order marks and line endings", () => {
  const PUBLIC = `resource "aws_lambda_function_url" "u" {\n  function_name      = "u"\n  authorization_type = "NONE"\n}\n`;

  it("a file with a UTF-8 BOM is read, patched and written back with its BOM", async () => {
    const root = mkdtempSync(join(tmpdir(), "lg-bom-"));
    writeFileSync(join(root, "main.tf"), `\uFEFF${PUBLIC}`);
    writeFileSync(join(root, "other.tf"), PUBLIC.replaceAll('"u"', '"v"'));
    const { files } = await readIacTree(root);
    const plan = await planFixes(files, { config });
    expect(plan.changes.map((c) => c.path)).toEqual(["main.tf", "other.tf"]);
    await writeFixes(root, plan);
    const bytes = readFileSync(join(root, "main.tf"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toBe(`\uFEFF${PUBLIC.replace('"NONE"', '"AWS_IAM"')}`);
    expect(readFileSync(join(root, "other.tf"), "utf8")).toContain('"AWS_IAM"');
  });

  it("a CRLF file keeps CRLF on every inserted line", async () => {
    const crlf = HCL.replace(/\n/g, "\r\n");
    const out = await fixOne("iam.tf", crlf);
    expect(out.split("\n").every((l, i, all) => i === all.length - 1 || l.endsWith("\r"))).toBe(true);
    expect(out).toContain('# used by the drift check\r\n      "lambda:ListTags",\r\n');
  });
});

describe("file names in printed diffs", () => {
  it("quotes names the way git diff does", () => {
    expect(diffHeaderName("a/", "infra/main.tf")).toBe("a/infra/main.tf");
    expect(diffHeaderName("a/", "my stack.tf")).toBe("a/my stack.tf\t");
    expect(diffHeaderName("a/", 'q"u\\x.tf')).toBe('"a/q\\"u\\\\x.tf"');
    expect(diffHeaderName("b/", "é.tf")).toBe('"b/\\303\\251.tf"');
    expect(diffHeaderName("a/", "x\n+++ b/evil.tf\t\u0001")).toBe('"a/x\\n+++ b/evil.tf\\t\\001"\t');
  });

  it("a hostile name cannot inject header or hunk lines, and git apply takes the patch", () => {
    const names = [
      "evil\n+++ passwd\n@@ -1 +1 @@\n-x\n+y.tf",
      'q"u\\ote.tf',
      "tab\there.tf",
      "é-naïve.tf",
      "with space.tf",
      "bell\u0007\r.tf",
    ];
    const repo = mkdtempSync(join(tmpdir(), "lg-gitq-"));
    execFileSync("git", ["init", "-q"], { cwd: repo });
    let patch = "";
    for (const n of names) {
      const before = "a\nb\nc\n";
      writeFileSync(join(repo, n), before);
      const d = unifiedDiff(n, before, "a\nB\nc\n");
      expect(d.split("\n").filter((l) => /^(---|\+\+\+|@@) /.test(l))).toHaveLength(3);
      patch += d;
    }
    const patchFile = `${repo}.patch`;
    writeFileSync(patchFile, patch);
    execFileSync("git", ["apply", "--check", patchFile], { cwd: repo });
    execFileSync("git", ["apply", patchFile], { cwd: repo });
    for (const n of names) expect(readFileSync(join(repo, n), "utf8")).toBe("a\nB\nc\n");
  });
});
