import type { FailOn, Finding, Report, Severity } from "../model/index.js";
import { activeFindings, highestSeverity, isIncomplete, meetsThreshold, RULES } from "../model/index.js";
import { buildHandoff, handoffMarker, type HandoffOptions, type HandoffPayload } from "./handoff.js";
import { countsPhrase, coverageProblems, plural, resourceLabel } from "./labels.js";
import { byteLength, DEFAULT_ARTIFACT_NAME, renderMarkdown } from "./markdown.js";

export {
  buildHandoff,
  compactFinding,
  handoffMarker,
  parseHandoffMarker,
  HandoffPayloadSchema,
  CompactFindingSchema,
  HANDOFF_PREFIX,
  type HandoffPayload,
  type CompactFinding,
} from "./handoff.js";

// Limits of the Checks API (POST/PATCH /repos/{owner}/{repo}/check-runs; GitHub's OpenAPI description).
export const MAX_ANNOTATIONS_PER_REQUEST = 50;
export const MAX_OUTPUT_CHARS = 65_535;
/** Annotation `message` and `raw_details`: "The maximum size is 64 KB". */
export const MAX_ANNOTATION_DETAIL_BYTES = 64 * 1024;
export const MAX_ANNOTATION_TITLE_CHARS = 255;

export type IncompletePolicy = "failure" | "neutral";
export type CheckConclusion = "success" | "neutral" | "failure";
export type AnnotationLevel = "notice" | "warning" | "failure";

export interface CheckPolicy {
  failOn: FailOn;
  /** What an incomplete scan concludes when no finding reaches `failOn` (default failure). */
  incomplete?: IncompletePolicy;
}

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: AnnotationLevel;
  title: string;
  message: string;
  raw_details?: string;
}

export const ANNOTATION_LEVEL: Record<Severity, AnnotationLevel> = {
  critical: "failure",
  high: "failure",
  medium: "warning",
  low: "notice",
};

/**
 * `failure` when an unsuppressed finding is at or above `failOn`, or the scan was incomplete and the
 * policy says so (the default: a required check must not pass on a scan that did not look everywhere);
 * `neutral` for findings below the threshold or an incomplete scan under `incomplete: neutral`;
 * `success` when clean and complete.
 */
export function checkConclusion(report: Report, policy: CheckPolicy): CheckConclusion {
  const active = activeFindings(report);
  if (active.some((f) => meetsThreshold(f.severity, policy.failOn))) return "failure";
  if (isIncomplete(report.coverage))
    return (policy.incomplete ?? "failure") === "failure" ? "failure" : "neutral";
  return active.length > 0 ? "neutral" : "success";
}

/** Says what was found: "2 findings (1 critical, 1 medium) · scan incomplete". */
export function checkTitle(report: Report): string {
  const active = activeFindings(report);
  const parts: string[] = [];
  const incomplete = isIncomplete(report.coverage);
  if (active.length === 0) {
    parts.push(
      incomplete
        ? "No findings in what could be scanned"
        : "No public Lambda functions or missing ListTags grants found",
    );
  } else parts.push(countsPhrase(report).replace(/^./, (c) => c.toUpperCase()));
  const suppressed = report.findings.length - active.length;
  if (suppressed > 0) parts.push(`${suppressed} suppressed`);
  const problems = coverageProblems(report);
  if (problems.length > 0)
    parts.push(`scan incomplete (${plural(problems.length, "scope")} not fully scanned)`);
  return clip(parts.join(" · "), 255);
}

function clip(s: string, chars: number): string {
  const cps = [...s];
  return cps.length <= chars ? s : `${cps.slice(0, chars - 1).join("")}…`;
}

function clipBytes(s: string, bytes: number): string {
  if (byteLength(s) <= bytes) return s;
  const buf = Buffer.from(s, "utf8");
  let end = bytes - 3;
  while (end > 0 && (buf[end]! & 0xc0) === 0x80) end--;
  return `${buf.subarray(0, end).toString("utf8")}…`;
}

function annotation(f: Finding): CheckAnnotation {
  const loc = f.location!;
  const where = f.resource.arn ? `\n\nResource: ${f.resource.arn}` : "";
  const details = [
    `Fix: ${f.remediation.summary}`,
    ...(f.remediation.commands?.length ? ["", ...f.remediation.commands] : []),
    "",
    `${f.rule} ${RULES[f.rule].name}: ${RULES[f.rule].helpUri}`,
    `Fingerprint: ${f.fingerprint}`,
  ].join("\n");
  const a: CheckAnnotation = {
    path: loc.path,
    start_line: loc.startLine,
    end_line: Math.max(loc.endLine, loc.startLine),
    annotation_level: ANNOTATION_LEVEL[f.severity],
    title: clip(`${f.rule} (${f.severity}): ${f.title} — ${resourceLabel(f)}`, MAX_ANNOTATION_TITLE_CHARS),
    message: clipBytes(`${f.message}${where}`, MAX_ANNOTATION_DETAIL_BYTES),
    raw_details: clipBytes(details, MAX_ANNOTATION_DETAIL_BYTES),
  };
  // The API takes columns only on single-line annotations.
  if (loc.startLine === loc.endLine && loc.startColumn !== undefined && loc.endColumn !== undefined) {
    a.start_column = loc.startColumn;
    a.end_column = loc.endColumn;
  }
  return a;
}

/** One annotation per unsuppressed finding with a file location; the rest live in the summary only. */
export function toAnnotations(report: Report): CheckAnnotation[] {
  return activeFindings(report)
    .filter((f) => f.location)
    .map(annotation);
}

/** Splits into requests of at most `size` (the Checks API takes 50 annotations per request). */
export function batchAnnotations<T>(items: readonly T[], size = MAX_ANNOTATIONS_PER_REQUEST): T[][] {
  if (!(size >= 1)) throw new RangeError("batch size must be at least 1");
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface CheckRunOutputOptions extends CheckPolicy, HandoffOptions {
  /** Upper bound for summary and text (default 65,535, the API limit). */
  maxLength?: number;
}

export interface CheckRunOutput {
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  text: string;
  /** Batches of ≤ 50; send each in its own PATCH (annotations are appended). */
  annotationBatches: CheckAnnotation[][];
  handoff: HandoffPayload;
  highestSeverity: Severity | null;
}

/** `output.text`: a pointer to the artifact, then the hand-off marker (findings dropped from the end to fit). */
export function checkRunText(
  report: Report,
  opts: HandoffOptions & { maxLength?: number } = {},
): { text: string; handoff: HandoffPayload } {
  const max = opts.maxLength ?? MAX_OUTPUT_CHARS;
  const artifact = opts.artifactName ?? DEFAULT_ARTIFACT_NAME;
  const full = buildHandoff(report, opts);
  const intro = (p: HandoffPayload) =>
    `The full report (JSON, schema lambda-guard/report@1) is the workflow run's artifact \`${artifact}\`.${
      p.truncated
        ? ` The machine-readable list below holds ${p.findings.length} of ${full.findings.length} findings.`
        : ""
    }\n\n`;
  const render = (p: HandoffPayload) => `${intro(p)}${handoffMarker(p)}\n`;
  const fits = (p: HandoffPayload) => byteLength(render(p)) <= max;
  if (fits(full)) return { text: render(full), handoff: full };
  let lo = 0;
  let hi = full.findings.length - 1;
  let best: HandoffPayload = { ...full, truncated: true, findings: [] };
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const p = { ...full, truncated: true, findings: full.findings.slice(0, mid) };
    if (fits(p)) {
      best = p;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return { text: render(best), handoff: best };
}

/** Everything the check run receives, computed without I/O. */
export function checkRunOutput(report: Report, opts: CheckRunOutputOptions): CheckRunOutput {
  const max = opts.maxLength ?? MAX_OUTPUT_CHARS;
  const { text, handoff } = checkRunText(report, { ...opts, maxLength: max });
  return {
    conclusion: checkConclusion(report, opts),
    title: checkTitle(report),
    summary: renderMarkdown(report, {
      maxLength: max,
      artifactName: opts.artifactName ?? DEFAULT_ARTIFACT_NAME,
    }),
    text,
    annotationBatches: batchAnnotations(toAnnotations(report)),
    handoff,
    highestSeverity: highestSeverity(activeFindings(report).map((f) => f.severity)),
  };
}
