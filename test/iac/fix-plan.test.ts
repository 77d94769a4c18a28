import { describe, expect, it } from "vitest";
import { planFixes, scanIacFiles } from "../../src/iac/index.js";
import { syntaxError } from "../../src/iac/reparse.js";
import { defaultConfig } from "../../src/model/config.js";

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
