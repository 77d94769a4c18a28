import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planFixes, readIacTree, scanIacFiles } from "../../src/iac/index.js";
import { makeFinding } from "../../src/iac/finding.js";
import { syntaxError } from "../../src/iac/reparse.js";
import type { Detector } from "../../src/iac/types.js";
import { defaultConfig } from "../../src/model/config.js";
import { FIXTURES } from "./harness.js";

const config = defaultConfig();

/** A synthesized template as `cdk synth` writes it: one-space indent, generated permissions last. */
function cdkTemplate(auth: string): string {
  const perm = (action: string, extra: Record<string, unknown>) => ({
    Type: "AWS::Lambda::Permission",
    Properties: {
      Action: action,
      FunctionName: { "Fn::GetAtt": ["ApiFn", "Arn"] },
      Principal: "*",
      ...extra,
    },
  });
  return `${JSON.stringify(
    {
      Resources: {
        ApiFn: {
          Type: "AWS::Lambda::Function",
          Properties: {
            FunctionName: "api",
            Runtime: "nodejs22.x",
            Handler: "index.handler",
            Code: { ZipFile: "x" },
          },
        },
        ApiFnUrl: {
          Type: "AWS::Lambda::Url",
          Properties: { TargetFunctionArn: { "Fn::GetAtt": ["ApiFn", "Arn"] }, AuthType: auth },
        },
        ApiFninvokefunctionurl: perm("lambda:InvokeFunctionUrl", { FunctionUrlAuthType: "NONE" }),
        ApiFninvokefunction: perm("lambda:InvokeFunction", { InvokedViaFunctionUrl: true }),
      },
    },
    null,
    1,
  )}\n`;
}

describe("fix plans on JSON templates", () => {
  it("removes the last entries of Resources and the patched template parses and re-scans clean", async () => {
    const file = { path: "infra/Api.template.json", text: cdkTemplate("NONE") };
    const plan = await planFixes([file], { config });
    expect(plan.unfixed).toEqual([]);
    expect(plan.fixed.map((f) => f.finding.rule)).toEqual(["LG001"]);
    const after = plan.changes[0]!.after;
    expect(await syntaxError(file.path, after)).toBeNull();
    const parsed = JSON.parse(after) as { Resources: Record<string, { Properties: { AuthType?: string } }> };
    expect(Object.keys(parsed.Resources)).toEqual(["ApiFn", "ApiFnUrl"]);
    expect(parsed.Resources.ApiFnUrl!.Properties.AuthType).toBe("AWS_IAM");
    expect(after).toMatch(/"AuthType": "AWS_IAM"\n {3}\}\n {2}\}\n \}\n\}\n$/);
    const rescan = await scanIacFiles([{ ...file, text: after }], { config });
    expect(rescan.findings).toEqual([]);
  });
});

/** Grants only lambda:InvokeFunctionUrl to everyone: with a NONE URL that is LG003 (one of the two permissions). */
const PUBLIC_URL_PERMISSION = [
  "  FnUrlPublic:",
  "    Type: AWS::Lambda::Permission",
  "    Properties:",
  "      FunctionName: !Ref Fn",
  "      Action: lambda:InvokeFunctionUrl",
  '      Principal: "*"',
  "      FunctionUrlAuthType: NONE",
];

/** A hand-written template where a property was pasted twice; CloudFormation deploys the last value. */
function duplicated(first: string, second: string, publicUrlGrant = false): string {
  return [
    'AWSTemplateFormatVersion: "2010-09-09"',
    "Resources:",
    "  Fn:",
    "    Type: AWS::Lambda::Function",
    "    Properties:",
    "      Runtime: nodejs22.x",
    "      Handler: index.handler",
    "      Role: arn:aws:iam::123456789012:role/fn",
    "      Code:",
    '        ZipFile: "x"',
    "  FnUrl:",
    "    Type: AWS::Lambda::Url",
    "    Properties:",
    "      TargetFunctionArn: !GetAtt Fn.Arn",
    `      AuthType: ${first}`,
    `      AuthType: ${second}`,
    ...(publicUrlGrant ? PUBLIC_URL_PERMISSION : []),
    "",
  ].join("\n");
}

describe("duplicate keys in a YAML template", () => {
  it("iac reports on the value CloudFormation deploys (the last) with a coverage note naming the line", async () => {
    const file = { path: "stack.yaml", text: duplicated("AWS_IAM", "NONE", true) };
    const scan = await scanIacFiles([file], { config });
    expect(scan.findings.map((f) => [f.finding.rule, f.finding.location?.startLine])).toEqual([
      ["LG003", 16],
    ]);
    const note = scan.coverage.find((c) => c.scope === "stack.yaml");
    expect(note?.status).toBe("partial");
    expect(note?.detail).toMatch(/stack\.yaml:16: duplicate key "AuthType" \(first at line 15\)/);
  });

  it("fix agrees: it patches the line that counts, and the patched file re-scans clean", async () => {
    const file = { path: "stack.yaml", text: duplicated("AWS_IAM", "NONE", true) };
    const plan = await planFixes([file], { config });
    expect(plan.unfixed).toEqual([]);
    expect(plan.fixed.map((f) => f.finding.rule)).toEqual(["LG003"]);
    expect(plan.changes[0]!.after).toBe(duplicated("AWS_IAM", "AWS_IAM"));
    const rescan = await scanIacFiles([{ ...file, text: plan.changes[0]!.after }], { config });
    expect(rescan.findings).toEqual([]);
  });

  it("an earlier NONE overridden by AWS_IAM is not public, and still gets the note", async () => {
    const scan = await scanIacFiles([{ path: "stack.yaml", text: duplicated("NONE", "AWS_IAM") }], {
      config,
    });
    expect(scan.findings).toEqual([]);
    expect(scan.coverage.find((c) => c.scope === "stack.yaml")?.detail).toMatch(/:16: duplicate key/);
  });
});

describe("Terraform modules", () => {
  it("a shared policy module gives one LG005 per statement whose evidence lists the instances", async () => {
    const { files } = await readIacTree(join(FIXTURES, "terraform", "module-shared-policy"));
    const scan = await scanIacFiles(
      files.filter((f) => f.path.endsWith(".tf") && !f.path.startsWith("fixed/")),
      { config },
    );
    expect(scan.findings).toHaveLength(1);
    expect(scan.findings[0]!.finding.evidence.instances).toEqual(["module.ci_reader", "module.audit_reader"]);
    expect(scan.identities.map((i) => i.address).sort()).toEqual([
      "module.audit_reader.aws_iam_role.this",
      "module.ci_reader.aws_iam_role.this",
    ]);
  });

  it("never patches a module's shared default: the call that relies on it gets the argument", async () => {
    const { files } = await readIacTree(join(FIXTURES, "terraform", "module-default-none"));
    const plan = await planFixes(
      files.filter((f) => f.path.endsWith(".tf") && !f.path.startsWith("fixed/")),
      { config },
    );
    expect(plan.changes.map((c) => c.path)).toEqual(["main.tf"]);
    expect(plan.fixed.map((f) => f.finding.resource.iac?.address).sort()).toEqual([
      "module.orders.aws_lambda_function_url.this",
      "module.payments.aws_lambda_function_url.this",
    ]);
  });
});

describe("combining the patches of many findings in one file", () => {
  // A detector that reports each marker present in the text, with a fixed patch at the marker.
  const markers: { name: string; edit: (at: number) => { start: number; end: number; newText: string } }[] = [
    { name: "one", edit: (at) => ({ start: at, end: at + 3, newText: "1" }) },
    { name: "one two", edit: (at) => ({ start: at, end: at + 7, newText: "12" }) },
    { name: "four", edit: (at) => ({ start: at, end: at + 4, newText: "" }) },
    { name: "three four", edit: (at) => ({ start: at, end: at + 10, newText: "" }) },
  ];
  const detector: Detector = {
    flavours: ["terraform"],
    claims: (f) => f.path.endsWith(".txt"),
    analyze(files) {
      const findings = files.flatMap((file) =>
        markers.flatMap((m) => {
          const at = file.text.indexOf(m.name);
          if (at < 0) return [];
          const finding = makeFinding({
            rule: "LG001",
            flavour: "terraform",
            kind: "function-url",
            address: m.name,
            path: file.path,
            line: 1,
            message: m.name,
            remediation: { summary: "patch it" },
          });
          return [{ finding, fix: { edits: [{ path: file.path, ...m.edit(at) }], notes: [] } }];
        }),
      );
      return Promise.resolve({ findings, coverage: [], functions: [], identities: [] });
    },
  };

  it("drops a later finding whose patch overlaps an earlier one, merges overlapping deletions", async () => {
    const plan = await planFixes([{ path: "x.txt", text: "one two three four\n" }], {
      config,
      detectors: [detector],
    });
    expect(plan.changes.map((c) => c.after)).toEqual(["1 two \n"]);
    expect(plan.fixed.map((f) => f.finding.message).sort()).toEqual(["four", "one", "three four"]);
    expect(plan.unfixed.map((u) => [u.finding.message, u.reason])).toEqual([
      ["one two", "its patch overlaps another finding's patch; run fix again after applying this one"],
    ]);
  });
});
