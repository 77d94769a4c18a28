/** Shared by the CloudFormation, SAM and Serverless detector tests: run a detector on fixtures, check fixes. */
import { readFileSync } from "node:fs";
import { expect } from "vitest";
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

/** `# expect: LG001 LG005` markers on the line at fault. */
export function markers(text: string): { rule: string; line: number }[] {
  const out: { rule: string; line: number }[] = [];
  text.split("\n").forEach((l, i) => {
    const m = /expect: ((?:LG\d{3}\s*)+)/.exec(l);
    if (m) for (const rule of m[1]!.trim().split(/\s+/)) out.push({ rule, line: i + 1 });
  });
  return out.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}

export function found(r: DetectorResult): { rule: string; line: number }[] {
  return r.findings
    .map((f) => ({ rule: f.finding.rule, line: f.finding.location!.startLine }))
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
