import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { locateReport, planFixes, readIacTree, scanIacFiles } from "../../src/iac/index.js";
import { defaultConfig } from "../../src/model/config.js";
import { fingerprint } from "../../src/model/fingerprint.js";
import { buildReport, type Finding } from "../../src/model/report.js";

const EXAMPLES = join(import.meta.dirname, "..", "..", "examples", "infra");

function live(rule: Finding["rule"], resource: Finding["resource"]): Finding {
  return {
    fingerprint: fingerprint(rule, resource.arn ?? "", resource.functionName ?? ""),
    rule,
    severity: rule === "LG001" ? "critical" : "medium",
    title: rule,
    message: "live finding",
    resource,
    evidence: {},
    remediation: { summary: "" },
  };
}

const ARN = "arn:aws:lambda:eu-west-1:111122223333:function:";

describe("fix --report: locating live findings in code", async () => {
  const { files } = await readIacTree(EXAMPLES);
  const findings = [
    live("LG001", { kind: "function-url", arn: `${ARN}orders-webhook`, functionName: "orders-webhook" }),
    live("LG001", {
      kind: "function-url",
      arn: `${ARN}ReportsStack-Reports65402A0A-abc`,
      functionName: "ReportsStack-Reports65402A0A-abc",
      tags: {
        "aws:cloudformation:stack-name": "ReportsStack",
        "aws:cloudformation:logical-id": "Reports65402A0A",
      },
    }),
    live("LG001", { kind: "function-url", arn: `${ARN}status-page`, functionName: "status-page" }),
    live("LG001", { kind: "function-url", arn: `${ARN}console-made`, functionName: "console-made" }),
    live("LG004", { kind: "principal", arn: "arn:aws:iam::111122223333:role/lambda-inventory" }),
    live("LG001", { kind: "function-url", arn: `${ARN}stripe-events`, functionName: "stripe-events" }),
  ];
  const report = buildReport({
    version: "test",
    target: { kind: "aws-account", accountId: "111122223333", partition: "aws", regions: ["eu-west-1"] },
    coverage: [],
    findings,
  });

  it("maps by Terraform function_name, CDK stack/logical-id tags, module function_name and IAM role name", async () => {
    const scan = await scanIacFiles(files, { config: defaultConfig() });
    const located = locateReport(report, scan);
    const where = (name: string) =>
      located.find(
        (l) => l.finding.resource.arn?.endsWith(name) || l.finding.resource.arn?.endsWith(`/${name}`),
      );
    expect(where("orders-webhook")?.match?.finding.resource.iac?.address).toBe(
      "aws_lambda_function_url.webhook",
    );
    expect(where("ReportsStack-Reports65402A0A-abc")?.match?.finding.location?.path).toBe(
      "cdk/lib/reports-stack.ts",
    );
    expect(where("status-page")?.match?.finding.resource.iac?.address).toBe(
      "module.status.aws_lambda_function_url.this",
    );
    expect(where("console-made")?.match).toBeUndefined();
    expect(where("console-made")?.reason).toMatch(/no code in this repository declares/);
    expect(where("lambda-inventory")?.match?.finding.rule).toBe("LG005");
  });

  it("plans the fixes for located findings and lists the rest as needing an issue", async () => {
    const plan = await planFixes(files, { config: defaultConfig(), report });
    const fixedNames = plan.fixed.map((f) => f.finding.resource.arn);
    expect(fixedNames).toContain(`${ARN}orders-webhook`);
    expect(fixedNames).toContain("arn:aws:iam::111122223333:role/lambda-inventory");
    expect(plan.unfixed.map((u) => u.finding.resource.functionName)).toEqual(
      expect.arrayContaining(["console-made", "stripe-events"]),
    );
    expect(plan.changes.map((c) => c.path)).toEqual(
      expect.arrayContaining([
        "terraform/terraform.tfvars",
        "terraform/iam.tf",
        "cdk/lib/reports-stack.ts",
        "terraform/main.tf",
      ]),
    );
    const notes = plan.fixed
      .find((f) => f.finding.resource.functionName === "orders-webhook")!
      .notes.join("\n");
    expect(notes).toMatch(
      /aws lambda remove-permission --function-name orders-webhook --statement-id FunctionURLAllowPublicAccess/,
    );
  });
});
