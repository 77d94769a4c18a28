import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { planFixes, scanIacFiles } from "../../src/iac/index.js";
import { cdkLogicalId } from "../../src/iac/cdk/index.js";
import { defaultConfig } from "../../src/model/config.js";
import { caseDirs, caseFiles, FIXTURES, runCase } from "./harness.js";

describe("cdk fixtures", () => {
  for (const name of caseDirs("cdk")) {
    it(name, async () => {
      await runCase(join(FIXTURES, "cdk", name));
    });
  }

  it("patched TypeScript still compiles (syntax and emit)", async () => {
    for (const name of caseDirs("cdk")) {
      const files = await caseFiles(join(FIXTURES, "cdk", name));
      const plan = await planFixes(files, { config: defaultConfig() });
      for (const c of plan.changes.filter((x) => x.path.endsWith(".ts"))) {
        const r = ts.transpileModule(c.after, {
          reportDiagnostics: true,
          fileName: c.path,
          compilerOptions: { target: ts.ScriptTarget.ES2022 },
        });
        expect(r.diagnostics ?? [], `${name}/${c.path}`).toEqual([]);
      }
    }
  });

  it("a value from a constant: the finding stays on authType, the evidence names the defining line", async () => {
    const files = await caseFiles(join(FIXTURES, "cdk", "ts-new-functionurl"));
    const scan = await scanIacFiles(files, { config: defaultConfig() });
    expect(scan.findings[0]!.finding.location?.startLine).toBe(17);
    expect(scan.findings[0]!.finding.evidence.definedAt).toBe("lib/stack.ts:5");
  });

  it("derives CDK logical ids like CDK does", () => {
    expect(cdkLogicalId(["Webhook", "Resource"])).toMatch(/^Webhook[0-9A-F]{8}$/);
    expect(readFileSync(join(FIXTURES, "cdk", "ts-add-url", "case.json"), "utf8")).toContain("Webhook");
  });
});
