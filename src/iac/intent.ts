import type { RuleId } from "../model/rules.js";
import type { Suppression } from "../model/report.js";
import type { IacFinding, SourceFile } from "./types.js";

/**
 * Inline intent, generic over comment styles (`#` for HCL/YAML/Python, `//` for HCL/TypeScript, and
 * `/* … *\/` block comments): a directive inside the resource's lines, or in the comment lines directly
 * above it, marks exposure as intended. The finding stays in the report, suppressed, and is never patched.
 *
 *   # lambda-guard:allow LG001 Stripe signs every request
 *   // lambda-guard:allow LG001,LG003 reason…
 *   #checkov:skip=CKV_AWS_258:Public webhook        (Checkov's check "function URL AuthType is not NONE")
 */
const ALLOW_RE = /lambda-guard:allow\s+(LG\d{3}(?:\s*[, ]\s*LG\d{3})*)(?:\s+(.*))?$/i;
const CHECKOV_RE = /checkov:skip\s*=\s*(CKV_AWS_\d+)(?:\s*:\s*(.*))?$/i;
/** Checkov checks that express the same intent as a lambda-guard rule. */
const CHECKOV_RULES: Record<string, RuleId[]> = { CKV_AWS_258: ["LG001"] };

export interface Directive {
  line: number;
  rules: RuleId[];
  reason: string;
  source: "inline" | "checkov";
}

function commentStart(line: string): number {
  // The first comment marker not inside a simple quoted string.
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "#") return i;
    else if (c === "/" && (line[i + 1] === "/" || line[i + 1] === "*")) return i;
    else if (c === "*" && /^\s*$/.test(line.slice(0, i))) return i; // inside a block comment
  }
  return -1;
}

function cleanReason(s: string | undefined): string {
  return (s ?? "")
    .replace(/\*\/\s*$/, "")
    .replace(/-->\s*$/, "")
    .trim();
}

/** Directives in one line of text (a comment must hold them). */
export function parseDirective(text: string, line: number): Directive | null {
  const at = commentStart(text);
  if (at < 0) return null;
  const comment = text.slice(at);
  const m = ALLOW_RE.exec(comment);
  if (m) {
    const rules = m[1]!
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((r) => r.toUpperCase() as RuleId);
    return { line, rules, reason: cleanReason(m[2]) || "intended (no reason given)", source: "inline" };
  }
  const c = CHECKOV_RE.exec(comment);
  if (c) {
    const rules = CHECKOV_RULES[c[1]!.toUpperCase()];
    if (!rules) return null;
    return {
      line,
      rules,
      reason: cleanReason(c[2]) || `checkov:skip=${c[1]!.toUpperCase()}`,
      source: "checkov",
    };
  }
  return null;
}

function isCommentOnly(line: string): boolean {
  const t = line.trim();
  return t.startsWith("#") || t.startsWith("//") || t.startsWith("/*") || t.startsWith("*");
}

/** Directives that apply to the 1-based line range: inside it, or in the comment block just above it. */
export function directivesFor(lines: readonly string[], startLine: number, endLine: number): Directive[] {
  const out: Directive[] = [];
  let from = startLine;
  while (from - 2 >= 0 && isCommentOnly(lines[from - 2]!)) from--;
  // Decorators / trailing comment on the line before a block are common in CDK; one blank-free line is enough.
  for (let l = from; l <= Math.min(endLine, lines.length); l++) {
    const d = parseDirective(lines[l - 1]!, l);
    if (d) out.push(d);
  }
  return out;
}

/** Marks findings whose resource carries an inline allow or a Checkov skip as suppressed. */
export function applyInlineIntent(
  findings: readonly IacFinding[],
  files: ReadonlyMap<string, SourceFile>,
): IacFinding[] {
  const linesCache = new Map<string, string[]>();
  return findings.map((f) => {
    if (f.finding.suppression) return f;
    const path = f.finding.location?.path;
    const range =
      f.resourceRange ??
      (f.finding.location
        ? { startLine: f.finding.location.startLine, endLine: f.finding.location.endLine }
        : undefined);
    if (!path || !range) return f;
    const file = files.get(path);
    if (!file) return f;
    let lines = linesCache.get(path);
    if (!lines) {
      lines = file.text.split(/\r?\n/);
      linesCache.set(path, lines);
    }
    const hit = directivesFor(lines, range.startLine, range.endLine).find((d) =>
      d.rules.includes(f.finding.rule),
    );
    if (!hit) return f;
    const suppression: Suppression = { source: hit.source, reason: hit.reason };
    return {
      ...f,
      finding: { ...f.finding, suppression, evidence: { ...f.finding.evidence, intentLine: hit.line } },
    };
  });
}
