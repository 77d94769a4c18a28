import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { fakeIo } from "./helpers.js";

const PUBLIC = `resource "aws_lambda_function_url" "u" {\r\n  function_name      = "u"\r\n  authorization_type = "NONE"\r\n}\r\n`;

const DUPLICATED = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  FnUrl:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: arn:aws:lambda:us-east-1:111122223333:function:fn
      AuthType: AWS_IAM
      AuthType: NONE
  FnUrlPublic:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: arn:aws:lambda:us-east-1:111122223333:function:fn
      Action: lambda:InvokeFunctionUrl
      Principal: "*"
      FunctionUrlAuthType: NONE
`;

describe("lambda-guard fix on files as editors write them", () => {
  it("fix --write patches a file with a byte order mark and CRLF lines, keeping both", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lg-cli-bom-"));
    writeFileSync(join(dir, "main.tf"), `\uFEFF${PUBLIC}`);
    writeFileSync(join(dir, "plain.tf"), PUBLIC.replaceAll('"u"', '"v"').replaceAll("\r\n", "\n"));
    const io = fakeIo(dir);
    expect(await main(["fix", ".", "--write"], io)).toBe(0);
    expect(io.stderr()).toContain("patched 2 files");
    expect(io.stderr()).not.toMatch(/unexpected error|at .*\.ts:\d+/);
    expect(readFileSync(join(dir, "main.tf"), "utf8")).toBe(`\uFEFF${PUBLIC.replace('"NONE"', '"AWS_IAM"')}`);
  });

  it("iac and fix agree on a template with a duplicate key (the last value counts)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lg-cli-dup-"));
    writeFileSync(join(dir, "stack.yaml"), DUPLICATED);
    const scan = fakeIo(dir);
    await main(["iac", ".", "--format", "json"], scan);
    const report = JSON.parse(scan.stdout()) as {
      findings: { location: { startLine: number } }[];
      coverage: { scope: string; detail?: string }[];
    };
    expect(report.findings.map((f) => f.location.startLine)).toEqual([8]);
    expect(report.coverage.find((c) => c.scope === "stack.yaml")?.detail).toContain(
      'stack.yaml:8: duplicate key "AuthType" (first at line 7)',
    );
    const fix = fakeIo(dir);
    expect(await main(["fix", "."], fix)).toBe(0);
    expect(fix.stderr()).not.toContain("not fixed");
    expect(fix.stdout()).toContain("-      AuthType: NONE\n");
    expect(fix.stdout()).toContain("-  FnUrlPublic:\n");
    expect(fix.stdout()).toContain("+      AuthType: AWS_IAM\n");
    expect(fix.stdout()).not.toContain("-      AuthType: AWS_IAM\n");
  });
});
