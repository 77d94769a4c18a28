/** Shared by the CloudFormation, SAM and Serverless detector tests: run a detector on fixtures, check fixes. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FindingSchema } from "../../src/model/schema.js";
import { defaultConfig } from "../../src/model/config.js";
import { applyTextEdits } from "../../src/iac/cloudformation/tree.js";
import { syntaxError } from "../../src/iac/reparse.js";
import type { Detector, DetectorResult, IacFinding, SourceFile } from "../../src/iac/types.js";

export function fixture(path: string): SourceFile {
  return { path, text: readFileSync(new URL(`../../${path}`, import.meta.url), "utf8") };
}

export async function run(detector: Detector, ...files: SourceFile[]): Promise<DetectorResult> {
  const map = new Map(files.map((f) => [f.path, f]));
  const claimed = files.filter((f) => detector.claims(f));
  return detector.analyze(claimed, { config: defaultConfig(), files: map });
}

/** `# expect: LG001/critical LG005/medium` markers on the line at fault: rule and severity, both asserted. */
export function markers(text: string): { rule: string; line: number }[] {
  const out: { rule: string; line: number }[] = [];
  text.split("\n").forEach((l, i) => {
    const m = /expect: ((?:LG\d{3}\/\w+\s*)+)/.exec(l);
    if (m) for (const rule of m[1]!.trim().split(/\s+/)) out.push({ rule, line: i + 1 });
    else if (/expect: LG\d{3}/.test(l))
      throw new Error(`line ${i + 1}: a marker needs a severity (LG001/critical)`);
  });
  return out.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}

export function found(r: DetectorResult): { rule: string; line: number }[] {
  return r.findings
    .map((f) => ({ rule: `${f.finding.rule}/${f.finding.severity}`, line: f.finding.location!.startLine }))
    .sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}

/**
 * Applies a finding's edits, then proves: the file re-parses, a re-scan no longer reports it, and every line
 * before the first edited line and after the last edited line is byte-identical.
 */
export async function expectFixClean(
  detector: Detector,
  file: SourceFile,
  f: IacFinding,
  others: SourceFile[] = [],
): Promise<string> {
  expect(
    f.fix,
    `${f.finding.rule} ${f.finding.resource.iac?.address} has a fix (${f.unfixable ?? ""})`,
  ).toBeDefined();
  const edits = f.fix!.edits.filter((e) => e.path === file.path);
  const after = applyTextEdits(file.text, edits);
  expect(after).not.toBe(file.text);
  expect(await syntaxError(file.path, after)).toBeNull();
  const rescan = await run(detector, { path: file.path, text: after }, ...others);
  expect(rescan.coverage.every((c) => c.status !== "failed")).toBe(true);
  expect(rescan.findings.map((x) => x.finding.fingerprint)).not.toContain(f.finding.fingerprint);
  // lines outside the edited region are byte-identical
  const first = Math.min(...edits.map((e) => e.start));
  const last = Math.max(...edits.map((e) => e.end));
  const headEnd = file.text.lastIndexOf("\n", first - 1) + 1;
  const tailStartNl = file.text.indexOf("\n", Math.max(last - 1, 0));
  const tail = tailStartNl < 0 ? "" : file.text.slice(tailStartNl + 1);
  expect(after.startsWith(file.text.slice(0, headEnd))).toBe(true);
  expect(after.endsWith(tail)).toBe(true);
  return after;
}

/** Applies every fix of a result at once (identical duplicate edits once), as the engine would. */
export function applyAll(file: SourceFile, r: DetectorResult): string {
  return applyTextEdits(
    file.text,
    r.findings.flatMap((f) => f.fix?.edits.filter((e) => e.path === file.path) ?? []),
  );
}

/**
 * One test per fixture: the detector claims the file, reads it completely, finds exactly the `# expect:` markers,
 * each finding is schema-valid and located in the file, each fix is clean on its own, and all fixes together
 * re-scan clean. `check` adds flavour-specific assertions per finding.
 */
export function fixtureCases(
  title: string,
  detector: Detector,
  dir: string,
  cases: readonly string[],
  check?: (f: IacFinding) => void,
): void {
  describe(title, () => {
    for (const name of cases) {
      it(name, async () => {
        const file = fixture(`${dir}/${name}`);
        expect(detector.claims(file)).toBe(true);
        const r = await run(detector, file);
        expect(r.coverage).toEqual([{ scope: file.path, status: "complete" }]);
        expect(found(r)).toEqual(markers(file.text));
        for (const f of r.findings) {
          expect(() => FindingSchema.parse(f.finding)).not.toThrow();
          expect(f.finding.location!.path).toBe(file.path);
          check?.(f);
          await expectFixClean(detector, file, f);
        }
        if (r.findings.length > 0) {
          const rescan = await run(detector, { path: file.path, text: applyAll(file, r) });
          expect(rescan.findings).toEqual([]);
        }
      });
    }
  });
}
