import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/model/config-file.js";
import { scanIacFiles } from "../../src/iac/index.js";
import type { SourceFile } from "../../src/iac/types.js";
import { caseFiles, FIXTURES } from "./harness.js";

const config = ConfigSchema.parse({});
const now = new Date("2026-01-15T00:00:00Z");

async function scanCase(name: string) {
  const files = await caseFiles(join(FIXTURES, "terraform", name));
  return (await scanIacFiles(files, { config, now })).findings.map((f) => f.finding);
}

async function scanText(files: SourceFile[]) {
  return (await scanIacFiles(files, { config, now })).findings.map((f) => f.finding);
}

describe("terraform: aws_lambda_resource_policy", () => {
  it("rates both public URL permissions critical, with the public statements as evidence", async () => {
    const [f] = await scanCase("rp-jsonencode-lg001");
    expect(f?.severity).toBe("critical");
    expect(f?.evidence.statements).toEqual(["FunctionURLAllowPublicAccess", "FunctionURLAllowInvokeAction"]);
    expect(f?.evidence.exposure).toBe("public-url");
  });

  it("rates a URL open only to a public source-IP range medium", async () => {
    const [f] = await scanCase("rp-templatefile-sourceip");
    expect(f?.rule).toBe("LG001");
    expect(f?.severity).toBe("medium");
    expect(f?.evidence.restrictions).toEqual(["aws:SourceIp in 203.0.113.0/24"]);
  });

  it("rates latent URL grants low, as the live scan does (CONTRACTS §3)", async () => {
    expect((await scanCase("rp-heredoc-latent"))[0]?.severity).toBe("low");
    expect((await scanCase("tfjson-resource-policy"))[0]?.severity).toBe("low");
  });

  it("reports a public direct invoke as LG002 only", async () => {
    const fs = await scanCase("rp-policy-document-lg002");
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([["LG002", "high"]]);
    expect(fs[0]?.evidence.scope).toBe("anyone");
  });
});

describe("terraform: count / for_each addresses", () => {
  const url = (extra: string) => `resource "aws_lambda_function_url" "api" {
${extra}  function_name      = "api"
  authorization_type = "NONE"
}
`;

  it("identical instances: one finding, unindexed address, evidence.instances", async () => {
    const [f] = await scanCase("count-instances");
    expect(f?.resource.iac?.address).toBe("aws_lambda_function_url.api");
    expect(f?.evidence.instances).toEqual(["[0]", "[1]"]);
  });

  it("adding count keeps the fingerprint (never from lines or instance count)", async () => {
    const [plain] = await scanText([{ path: "main.tf", text: url("") }]);
    const [counted] = await scanText([{ path: "main.tf", text: url("  count              = 3\n") }]);
    expect(counted?.fingerprint).toBe(plain?.fingerprint);
    expect(counted?.location?.startLine).not.toBe(plain?.location?.startLine);
    expect(counted?.evidence.instances).toEqual(["[0]", "[1]", "[2]"]);
  });

  it("differing instances: one finding per affected instance at its indexed address", async () => {
    const [f] = await scanCase("for-each-instances");
    expect(f?.resource.iac?.address).toBe('aws_lambda_function_url.api["blue"]');
    expect(f?.evidence.instances).toEqual(['["blue"]']);
    const [g] = await scanCase("count-differs");
    expect(g?.resource.iac?.address).toBe("aws_lambda_function_url.api[0]");
  });

  it("for_each over a set names instances by key", async () => {
    const text = `resource "aws_lambda_function_url" "api" {
  for_each           = toset(["a", "b"])
  function_name      = "api-\${each.key}"
  authorization_type = "NONE"
}
`;
    const fs = await scanText([{ path: "main.tf", text }]);
    expect(fs.map((f) => f.resource.iac?.address).sort()).toEqual([
      'aws_lambda_function_url.api["a"]',
      'aws_lambda_function_url.api["b"]',
    ]);
  });
});

describe("terraform: JSON syntax", () => {
  it("is claimed and analysed beside HCL files of the same module", async () => {
    const fs = await scanText([
      { path: "infra/variables.tf", text: 'variable "auth" {\n  default = "NONE"\n}\n' },
      {
        path: "infra/url.tf.json",
        text: '{\n  "resource": {\n    "aws_lambda_function_url": {\n      "x": {\n        "function_name": "x",\n        "authorization_type": "${var.auth}"\n      }\n    }\n  }\n}\n',
      },
    ]);
    expect(fs.map((f) => [f.rule, f.location?.path, f.location?.startLine])).toEqual([
      ["LG001", "infra/url.tf.json", 6],
    ]);
    expect(fs[0]?.evidence.definedAt).toBe("infra/variables.tf:2");
  });

  it("reports a JSON syntax error as partial coverage", async () => {
    const r = await scanIacFiles([{ path: "main.tf.json", text: '{ "resource": { ' }], { config, now });
    expect(r.coverage.find((c) => c.scope === "main.tf.json")?.status).toBe("partial");
  });
});
