import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planFixes, readIacTree, scanIac, scanIacFiles, writeFixes } from "../../src/iac/index.js";
import { defaultConfig } from "../../src/model/config.js";
import { ConfigSchema } from "../../src/model/config-file.js";
import { ReportSchema } from "../../src/model/schema.js";
import { caseDirs, FIXTURES, runCase } from "./harness.js";

const PUBLIC_TF = `resource "aws_lambda_function_url" "u" {\n  function_name      = "u"\n  authorization_type = "NONE"\n}\n`;

describe("mixed fixtures", () => {
  for (const name of caseDirs("mixed")) {
    it(name, async () => {
      await runCase(join(FIXTURES, "mixed", name));
    });
  }
});

describe("readIacTree safety", () => {
  it("never follows symlinks, skips big and binary files with coverage notes", async () => {
    const root = mkdtempSync(join(tmpdir(), "lgiac-"));
    const outside = mkdtempSync(join(tmpdir(), "lgiac-out-"));
    writeFileSync(join(outside, "secret.tf"), PUBLIC_TF);
    mkdirSync(join(root, "infra"));
    writeFileSync(join(root, "infra", "main.tf"), PUBLIC_TF);
    symlinkSync(join(outside, "secret.tf"), join(root, "infra", "linked.tf"));
    symlinkSync(outside, join(root, "outside"));
    writeFileSync(join(root, "infra", "big.tf"), "#".repeat(2048));
    writeFileSync(join(root, "infra", "blob.tf"), Buffer.from([0x72, 0x00, 0x01, 0x02]));
    mkdirSync(join(root, "node_modules"));
    writeFileSync(join(root, "node_modules", "x.tf"), PUBLIC_TF);
    const { files, coverage } = await readIacTree(root, { maxBytes: 1024 });
    expect(files.map((f) => f.path)).toEqual(["infra/main.tf"]);
    const notes = Object.fromEntries(coverage.map((c) => [c.scope, c.detail]));
    expect(notes["infra/linked.tf"]).toMatch(/symbolic link/);
    expect(notes["outside"]).toMatch(/symbolic link/);
    expect(notes["infra/big.tf"]).toMatch(/larger than 1024/);
    expect(notes["infra/blob.tf"]).toMatch(/binary/);
  });

  it("writeFixes writes inside root only and refuses stale or escaping changes", async () => {
    const root = mkdtempSync(join(tmpdir(), "lgiac-w-"));
    writeFileSync(join(root, "main.tf"), PUBLIC_TF);
    const { files } = await readIacTree(root);
    const plan = await planFixes(files, { config: defaultConfig() });
    expect(plan.changes).toHaveLength(1);
    await writeFixes(root, plan);
    expect(readFileSync(join(root, "main.tf"), "utf8")).toContain('"AWS_IAM"');
    await expect(writeFixes(root, plan)).rejects.toThrow(/changed since/);
    const evil = { ...plan, changes: [{ ...plan.changes[0]!, path: "../escape.tf" }] };
    await expect(writeFixes(root, evil)).rejects.toThrow(/not a path inside/);
  });
});

describe("scanIac", () => {
  it("builds a valid report with target iac and stable fingerprints", async () => {
    const dir = join(FIXTURES, "terraform", "basic");
    const a = await scanIac(dir, { config: defaultConfig(), now: new Date("2026-01-01T00:00:00Z") });
    expect(ReportSchema.safeParse(a.report).success).toBe(true);
    expect(a.report.target.kind).toBe("iac");
    const shifted = a.findings.map((f) => f.finding.fingerprint);
    // Moving the resource down a few lines does not change fingerprints.
    const files = (await readIacTree(dir)).files
      .filter((f) => f.path === "main.tf")
      .map((f) => ({ ...f, text: `\n\n\n${f.text}` }));
    const b = await scanIacFiles(files, { config: defaultConfig() });
    expect(b.findings.map((f) => f.finding.fingerprint).sort()).toEqual([...shifted].sort());
  });

  it("honours rule overrides and expired allow entries", async () => {
    const files = [{ path: "main.tf", text: PUBLIC_TF }];
    const off = await scanIacFiles(files, { config: ConfigSchema.parse({ rules: { LG001: "off" } }) });
    expect(off.findings).toHaveLength(0);
    const expired = await scanIacFiles(files, {
      config: ConfigSchema.parse({
        allow: [{ rule: "LG001", resource: "aws_lambda_function_url.u", reason: "r", expires: "2020-01-01" }],
      }),
      now: new Date("2026-01-01T00:00:00Z"),
    });
    expect(expired.findings[0]!.finding.suppression).toBeUndefined();
    expect(expired.findings[0]!.finding.evidence.expiredAllow).toBeDefined();
  });

  it("a malformed file is a coverage note, not a crash", async () => {
    const r = await scanIacFiles([{ path: "bad.tf", text: 'resource "x" {\n  a = = \n' }], {
      config: defaultConfig(),
    });
    expect(r.coverage.find((c) => c.scope === "bad.tf")?.detail).toMatch(/line \d+/);
  });
});
