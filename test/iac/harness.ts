import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { ConfigSchema } from "../../src/model/config-file.js";
import { applyUnifiedDiff } from "../../src/iac/diff.js";
import { planFixes, readIacTree, scanIacFiles } from "../../src/iac/index.js";
import { syntaxError } from "../../src/iac/reparse.js";
import type { SourceFile } from "../../src/iac/types.js";

export interface CaseSpec {
  description: string;
  config?: unknown;
  expect: {
    rule: string;
    /** Required: the same exposure must have the same severity in every flavour. */
    severity: string;
    path: string;
    line: number;
    address?: string;
    suppressed?: string;
    fixable?: boolean;
  }[];
  coverage?: { scope: string; status: string; detailIncludes?: string }[];
}

export const FIXTURES = join(import.meta.dirname, "..", "fixtures", "iac");

export function caseDirs(flavour: string): string[] {
  const root = join(FIXTURES, flavour);
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, "case.json")))
    .map((d) => d.name)
    .sort();
}

/** Files of a case: everything except case.json and the golden `fixed/` tree. */
export async function caseFiles(dir: string): Promise<SourceFile[]> {
  const { files } = await readIacTree(dir);
  return files.filter((f) => f.path !== "case.json" && !f.path.startsWith("fixed/"));
}

/**
 * Runs one fixture case: exact findings (rule, file, line, address, suppression), coverage notes, then the
 * fix plan: patched files re-parse, the diff applies back, the re-scan is clean, and the patched files equal
 * the reviewed golden copies under fixed/ (set UPDATE_GOLDEN=1 to write them).
 */
export async function runCase(dir: string): Promise<void> {
  const spec = JSON.parse(readFileSync(join(dir, "case.json"), "utf8")) as CaseSpec;
  for (const e of spec.expect)
    expect(e.severity, `${dir}: every expected finding states its severity`).toBeTruthy();
  const config = ConfigSchema.parse(spec.config ?? {});
  const files = await caseFiles(dir);
  const now = new Date("2026-01-15T00:00:00Z");
  const scan = await scanIacFiles(files, { config, now });
  const got = scan.findings
    .map((f) => ({
      rule: f.finding.rule,
      severity: f.finding.severity,
      path: f.finding.location?.path,
      line: f.finding.location?.startLine,
      address: f.finding.resource.iac?.address,
      suppressed: f.finding.suppression?.source,
    }))
    .sort((a, b) =>
      `${a.path}:${String(a.line).padStart(5)}:${a.rule}`.localeCompare(
        `${b.path}:${String(b.line).padStart(5)}:${b.rule}`,
      ),
    );
  const want = spec.expect
    .map((e) => ({
      rule: e.rule,
      severity: e.severity,
      path: e.path,
      line: e.line,
      address: e.address ?? got.find((g) => g.path === e.path && g.line === e.line)?.address,
      suppressed: e.suppressed,
    }))
    .sort((a, b) =>
      `${a.path}:${String(a.line).padStart(5)}:${a.rule}`.localeCompare(
        `${b.path}:${String(b.line).padStart(5)}:${b.rule}`,
      ),
    );
  expect(got, spec.description).toEqual(want);
  for (const c of spec.coverage ?? []) {
    const hit = scan.coverage.find((x) => x.scope === c.scope && x.status === c.status);
    expect(hit, `coverage ${c.scope}`).toBeDefined();
    if (c.detailIncludes) expect(hit!.detail).toContain(c.detailIncludes);
  }

  const plan = await planFixes(files, { config, now });
  const fixable = spec.expect.filter((e) => !e.suppressed && e.fixable !== false);
  expect(plan.fixed.length, `fixed: ${JSON.stringify(plan.unfixed.map((u) => u.reason))}`).toBe(
    fixable.length,
  );
  for (const c of plan.changes) {
    expect(await syntaxError(c.path, c.after)).toBeNull();
    expect(applyUnifiedDiff(c.before, c.diff)).toBe(c.after);
  }
  if (plan.changes.length > 0) {
    const byPath = new Map(plan.changes.map((c) => [c.path, c.after]));
    const after = files.map((f) => ({ path: f.path, text: byPath.get(f.path) ?? f.text }));
    const rescan = await scanIacFiles(after, { config, now });
    const left = rescan.findings.filter((f) => !f.finding.suppression).map((f) => f.finding.rule);
    expect(left.sort()).toEqual(
      spec.expect
        .filter((e) => !e.suppressed && e.fixable === false)
        .map((e) => e.rule)
        .sort(),
    );
  }
  const goldenDir = join(dir, "fixed");
  if (process.env.UPDATE_GOLDEN) {
    for (const c of plan.changes) {
      const p = join(goldenDir, c.path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, c.after);
    }
    return;
  }
  const golden = existsSync(goldenDir) ? (await readIacTree(goldenDir)).files : [];
  expect(plan.changes.map((c) => c.path).sort()).toEqual(golden.map((g) => g.path).sort());
  for (const g of golden) expect(plan.changes.find((c) => c.path === g.path)?.after, g.path).toBe(g.text);
}
