import { describe, expect, it } from "vitest";
import { cloudformationDetector } from "../../src/iac/cloudformation/index.js";
import { serverlessDetector } from "../../src/iac/serverless/index.js";
import type { Detector } from "../../src/iac/types.js";
import { applyAll, expectFixClean, fixture, run } from "./cloudformation.helpers.js";

const EXAMPLES: [string, Detector, string[]][] = [
  ["examples/infra/cloudformation/payments.yaml", cloudformationDetector, ["LG001", "LG005"]],
  ["examples/infra/sam/template.yaml", cloudformationDetector, ["LG001", "LG005"]],
  ["examples/infra/serverless/serverless.yml", serverlessDetector, ["LG001", "LG005"]],
];

describe("bundled examples (cloudformation, sam, serverless)", () => {
  for (const [path, d, rules] of EXAMPLES) {
    it(`${path}: a public URL and an LG005 grant, both fixed cleanly`, async () => {
      const file = fixture(path);
      const others = path.includes("/sam/") ? [fixture("examples/infra/sam/samconfig.toml")] : [];
      const r = await run(d, file, ...others);
      expect(r.findings.map((f) => f.finding.rule).sort()).toEqual(rules);
      for (const f of r.findings) await expectFixClean(d, file, f, others);
      const rescan = await run(d, { path, text: applyAll(file, r) }, ...others);
      expect(rescan.findings).toEqual([]);
    });
  }

  it("maps to the demo account: CloudFormation logical id, SAM stack and alias, Serverless name override", async () => {
    const cfn = await run(cloudformationDetector, fixture("examples/infra/cloudformation/payments.yaml"));
    expect(cfn.functions[0]).toMatchObject({ logicalId: "WebhookFunction", functionName: "webhook" });
    expect(cfn.identities.find((i) => i.name === "ci-deployer")).toMatchObject({
      policyNames: ["DeployerReadLambda"],
    });
    const sam = await run(
      cloudformationDetector,
      fixture("examples/infra/sam/template.yaml"),
      fixture("examples/infra/sam/samconfig.toml"),
    );
    expect(sam.functions[0]).toMatchObject({ logicalId: "CheckoutFunction", stackName: "checkout" });
    expect(sam.findings.find((f) => f.finding.rule === "LG001")!.finding.resource.qualifier).toBe("live");
    const sls = await run(serverlessDetector, fixture("examples/infra/serverless/serverless.yml"));
    expect(sls.functions[0]).toMatchObject({
      functionName: "office-dashboard",
      stackName: "dashboards-prod",
    });
  });
});
