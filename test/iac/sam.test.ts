import { describe, expect, it } from "vitest";
import { cloudformationDetector } from "../../src/iac/cloudformation/index.js";
import { applyInlineIntent } from "../../src/iac/intent.js";
import { applyAll, expectFixClean, fixture, found, run, fixtureCases } from "./cloudformation.helpers.js";

const DIR = "test/fixtures/iac/sam";
const d = cloudformationDetector;

const CASES = [
  "url-public.yaml",
  "globals.yaml",
  "auto-publish-alias.yaml",
  "parameter.yaml",
  "policies.yaml",
  "url-iam.yaml",
  "intent.yaml",
  "if-condition.yaml",
];

fixtureCases("SAM: fixtures (exact file and line, clean fix)", d, DIR, CASES, (f) =>
  expect(f.finding.resource.iac?.flavour).toBe("sam"),
);

describe("SAM: details", () => {
  it("FunctionUrlConfig NONE is LG001: SAM generates both public permissions", async () => {
    const file = fixture(`${DIR}/url-public.yaml`);
    const r = await run(d, file);
    const f = r.findings[0]!;
    expect(f.finding).toMatchObject({
      rule: "LG001",
      severity: "critical",
      resource: {
        functionName: "image-resize",
        qualifier: null,
        iac: { address: "ResizeFunction", flavour: "sam" },
      },
      evidence: { exposure: "public-url", generatedBy: ["sam"] },
    });
    expect(f.function).toMatchObject({
      flavour: "sam",
      logicalId: "ResizeFunction",
      functionName: "image-resize",
    });
    const after = await expectFixClean(d, file, f);
    expect(after).toContain("        AuthType: AWS_IAM   # expect: LG001/critical\n        Cors:\n");
  });

  it("Globals: functions without their own AuthType inherit NONE; the fix is in Globals", async () => {
    const file = fixture(`${DIR}/globals.yaml`);
    const r = await run(d, file);
    // One problem in one place: one finding at the Globals line, naming every function it affects.
    expect(r.findings.map((f) => f.finding.resource.iac?.address)).toEqual([
      "Globals.Function.FunctionUrlConfig",
    ]);
    expect(r.findings[0]!.finding.evidence.functions).toEqual(["PublicPage", "StatusPage"]);
    expect(r.findings[0]!.finding.message).toContain(
      "PublicPage, StatusPage (AuthType from Globals.Function)",
    );
    expect(r.findings[0]!.resourceRange).toEqual({ startLine: 12, endLine: 16 });
  });

  it("AutoPublishAlias: the URL and its permissions are on the alias", async () => {
    const file = fixture(`${DIR}/auto-publish-alias.yaml`);
    const r = await run(d, file);
    expect(r.findings[0]!.finding.resource.qualifier).toBe("live");
    expect(r.findings[0]!.finding.message).toContain("on alias live");
    const after = await expectFixClean(d, file, r.findings[0]!);
    expect(after).toContain("FunctionUrlConfig: { AuthType: AWS_IAM, InvokeMode: BUFFERED }");
  });

  it("an intrinsic AuthType makes SAM generate no permission: no exposure, whatever the parameter's Default", async () => {
    for (const name of ["parameter.yaml", "if-condition.yaml"]) {
      const r = await run(d, fixture(`${DIR}/${name}`));
      expect(r.findings, name).toEqual([]);
    }
  });

  it("Policies: inline statements are LG005; SAM policy templates and AWSLambda_ReadOnlyAccess are understood", async () => {
    const file = fixture(`${DIR}/policies.yaml`);
    const r = await run(d, file);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.identity).toMatchObject({ kind: "role", address: "Inventory" });
    const after = await expectFixClean(d, file, r.findings[0]!);
    expect(after).toContain(
      "                - lambda:GetFunctionConfiguration\n                - lambda:ListTags\n",
    );
  });

  it("intent inside the function block suppresses LG001", async () => {
    const file = fixture(`${DIR}/intent.yaml`);
    const r = await run(d, file);
    const [f] = applyInlineIntent(r.findings, new Map([[file.path, file]]));
    expect(f!.finding.suppression?.source).toBe("inline");
  });

  it("JSON SAM template: LG001 and LG005 in JSON syntax", async () => {
    const file = fixture(`${DIR}/template.json`);
    const r = await run(d, file);
    expect(found(r)).toEqual([
      { rule: "LG001/critical", line: 12 },
      { rule: "LG005/medium", line: 19 },
    ]);
    for (const f of r.findings) await expectFixClean(d, file, f);
    const after = applyAll(file, r);
    expect(after).toContain('"AuthType": "AWS_IAM"');
    expect(after).toContain('"Action": ["lambda:GetFunction", "lambda:ListTags"],');
  });
});
