import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  DEFAULT_ARTIFACT_NAME,
  byteLength,
  countsPhrase,
  coverageProblems,
  plural,
  renderMarkdown,
  resourceLabel
} from "./chunk-BO5MT2CP.js";
import {
  RULES,
  RuleIdSchema,
  SeveritySchema,
  SummarySchema,
  activeFindings,
  external_exports,
  highestSeverity,
  isIncomplete,
  meetsThreshold
} from "./chunk-WAXEVTA2.js";

// src/report/handoff.ts
var HANDOFF_PREFIX = "<!-- lambda-guard:report@1 ";
var HANDOFF_SUFFIX = " -->";
var RelativePath = external_exports.string().min(1).max(4096).refine(
  (p) => !p.startsWith("/") && !p.includes("\\") && !p.split("/").includes("..") && !/^[a-z]+:/i.test(p),
  {
    message: "must be a repository-relative path"
  }
);
var Str = (max) => external_exports.string().max(max);
var CompactFindingSchema = external_exports.object({
  fingerprint: external_exports.string().regex(/^lg1:[0-9a-f]{16,64}$/),
  rule: RuleIdSchema,
  severity: SeveritySchema,
  resource: external_exports.object({
    kind: external_exports.enum(["function-url", "function", "principal", "policy-statement"]),
    arn: Str(2048).optional(),
    functionName: Str(256).optional(),
    qualifier: Str(256).nullable().optional(),
    region: external_exports.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/).optional(),
    iac: external_exports.object({ address: Str(1024), flavour: Str(32).optional() }).optional()
  }),
  location: external_exports.object({
    path: RelativePath,
    startLine: external_exports.number().int().positive(),
    endLine: external_exports.number().int().positive()
  }).optional()
});
var HandoffPayloadSchema = external_exports.object({
  artifact: external_exports.string().regex(/^[A-Za-z0-9._-]{1,100}$/),
  truncated: external_exports.boolean(),
  complete: external_exports.boolean(),
  repository: external_exports.string().regex(/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/).optional(),
  commit: external_exports.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/).optional(),
  tool: external_exports.object({ version: Str(64) }).optional(),
  target: external_exports.object({
    kind: external_exports.enum(["aws-account", "iac"]),
    accountId: external_exports.string().regex(/^\d{12}$/).optional(),
    partition: Str(32).optional()
  }).optional(),
  summary: SummarySchema.optional(),
  findings: external_exports.array(CompactFindingSchema).max(1e4)
});
function compactFinding(f) {
  const r = f.resource;
  const resource = { kind: r.kind };
  if (r.arn !== void 0) resource.arn = r.arn;
  if (r.functionName !== void 0) resource.functionName = r.functionName;
  if (r.qualifier !== void 0) resource.qualifier = r.qualifier;
  if (r.region !== void 0) resource.region = r.region;
  if (r.iac) resource.iac = { address: r.iac.address, ...r.iac.flavour ? { flavour: r.iac.flavour } : {} };
  const out = { fingerprint: f.fingerprint, rule: f.rule, severity: f.severity, resource };
  if (f.location)
    out.location = { path: f.location.path, startLine: f.location.startLine, endLine: f.location.endLine };
  return out;
}
function buildHandoff(report, opts = {}) {
  const t = report.target;
  const repository = opts.repository ?? t.repository;
  const commit = opts.commit ?? t.commit;
  const ok = (schema, v) => v !== void 0 && schema.safeParse(v).success;
  const shape = HandoffPayloadSchema.shape;
  const compact = activeFindings(report).map(compactFinding);
  const findings = compact.filter((f) => CompactFindingSchema.safeParse(f).success);
  const target = { kind: t.kind };
  if (t.kind === "aws-account") {
    if (/^\d{12}$/.test(t.accountId)) target.accountId = t.accountId;
    if (t.partition) target.partition = t.partition.slice(0, 32);
  }
  return {
    artifact: ok(shape.artifact, opts.artifactName) ? opts.artifactName : DEFAULT_ARTIFACT_NAME,
    truncated: findings.length < compact.length,
    complete: !isIncomplete(report.coverage),
    ...ok(shape.repository, repository) ? { repository } : {},
    ...ok(shape.commit, commit) ? { commit } : {},
    tool: { version: report.tool.version.slice(0, 64) },
    target,
    summary: { ...report.summary },
    findings
  };
}
function handoffMarker(payload) {
  const json = JSON.stringify(payload).replace(/--/g, "-\\u002d");
  return `${HANDOFF_PREFIX}${json}${HANDOFF_SUFFIX}`;
}
var MAX_TEXT = 1e6;
function parseHandoffMarker(text) {
  if (typeof text !== "string" || text.length > MAX_TEXT) return null;
  const start = text.indexOf(HANDOFF_PREFIX);
  if (start < 0) return null;
  const from = start + HANDOFF_PREFIX.length;
  const end = text.indexOf(HANDOFF_SUFFIX, from);
  if (end < 0) return null;
  const json = text.slice(from, end);
  if (json.includes("\n")) return null;
  let raw;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = HandoffPayloadSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

// src/report/check-run.ts
var MAX_ANNOTATIONS_PER_REQUEST = 50;
var MAX_OUTPUT_CHARS = 65535;
var MAX_ANNOTATION_DETAIL_BYTES = 64 * 1024;
var MAX_ANNOTATION_TITLE_CHARS = 255;
var ANNOTATION_LEVEL = {
  critical: "failure",
  high: "failure",
  medium: "warning",
  low: "notice"
};
function checkConclusion(report, policy) {
  const active = activeFindings(report);
  if (active.some((f) => meetsThreshold(f.severity, policy.failOn))) return "failure";
  if (isIncomplete(report.coverage))
    return (policy.incomplete ?? "failure") === "failure" ? "failure" : "neutral";
  return active.length > 0 ? "neutral" : "success";
}
function checkTitle(report) {
  const active = activeFindings(report);
  const parts = [];
  const incomplete = isIncomplete(report.coverage);
  if (active.length === 0) {
    parts.push(
      incomplete ? "No findings in what could be scanned" : "No public Lambda functions or missing ListTags grants found"
    );
  } else parts.push(countsPhrase(report).replace(/^./, (c) => c.toUpperCase()));
  const suppressed = report.findings.length - active.length;
  if (suppressed > 0) parts.push(`${suppressed} suppressed`);
  const problems = coverageProblems(report);
  if (problems.length > 0)
    parts.push(`scan incomplete (${plural(problems.length, "scope")} not fully scanned)`);
  return clip(parts.join(" \xB7 "), 255);
}
function clip(s, chars) {
  const cps = [...s];
  return cps.length <= chars ? s : `${cps.slice(0, chars - 1).join("")}\u2026`;
}
function clipBytes(s, bytes) {
  if (byteLength(s) <= bytes) return s;
  const buf = Buffer.from(s, "utf8");
  let end = bytes - 3;
  while (end > 0 && (buf[end] & 192) === 128) end--;
  return `${buf.subarray(0, end).toString("utf8")}\u2026`;
}
function annotation(f) {
  const loc = f.location;
  const where = f.resource.arn ? `

Resource: ${f.resource.arn}` : "";
  const details = [
    `Fix: ${f.remediation.summary}`,
    ...f.remediation.commands?.length ? ["", ...f.remediation.commands] : [],
    "",
    `${f.rule} ${RULES[f.rule].name}: ${RULES[f.rule].helpUri}`,
    `Fingerprint: ${f.fingerprint}`
  ].join("\n");
  const a = {
    path: loc.path,
    start_line: loc.startLine,
    end_line: Math.max(loc.endLine, loc.startLine),
    annotation_level: ANNOTATION_LEVEL[f.severity],
    title: clip(`${f.rule} (${f.severity}): ${f.title} \u2014 ${resourceLabel(f)}`, MAX_ANNOTATION_TITLE_CHARS),
    message: clipBytes(`${f.message}${where}`, MAX_ANNOTATION_DETAIL_BYTES),
    raw_details: clipBytes(details, MAX_ANNOTATION_DETAIL_BYTES)
  };
  if (loc.startLine === loc.endLine && loc.startColumn !== void 0 && loc.endColumn !== void 0) {
    a.start_column = loc.startColumn;
    a.end_column = loc.endColumn;
  }
  return a;
}
function toAnnotations(report) {
  return activeFindings(report).filter((f) => f.location).map(annotation);
}
function batchAnnotations(items, size = MAX_ANNOTATIONS_PER_REQUEST) {
  if (!(size >= 1)) throw new RangeError("batch size must be at least 1");
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
function checkRunText(report, opts = {}) {
  const max = opts.maxLength ?? MAX_OUTPUT_CHARS;
  const artifact = opts.artifactName ?? DEFAULT_ARTIFACT_NAME;
  const full = buildHandoff(report, opts);
  const intro = (p) => `The full report (JSON, schema lambda-guard/report@1) is the workflow run's artifact \`${artifact}\`.${p.truncated ? ` The machine-readable list below holds ${p.findings.length} of ${full.findings.length} findings.` : ""}

`;
  const render = (p) => `${intro(p)}${handoffMarker(p)}
`;
  const fits = (p) => byteLength(render(p)) <= max;
  if (fits(full)) return { text: render(full), handoff: full };
  let lo = 0;
  let hi = full.findings.length - 1;
  let best = { ...full, truncated: true, findings: [] };
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
function checkRunOutput(report, opts) {
  const max = opts.maxLength ?? MAX_OUTPUT_CHARS;
  const { text, handoff } = checkRunText(report, { ...opts, maxLength: max });
  return {
    conclusion: checkConclusion(report, opts),
    title: checkTitle(report),
    summary: renderMarkdown(report, {
      maxLength: max,
      artifactName: opts.artifactName ?? DEFAULT_ARTIFACT_NAME
    }),
    text,
    annotationBatches: batchAnnotations(toAnnotations(report)),
    handoff,
    highestSeverity: highestSeverity(activeFindings(report).map((f) => f.severity))
  };
}

export {
  HANDOFF_PREFIX,
  HandoffPayloadSchema,
  parseHandoffMarker,
  MAX_OUTPUT_CHARS,
  checkRunOutput
};
