import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  DEFAULT_ARTIFACT_NAME,
  HANDOFF_PREFIX,
  HANDOFF_SUFFIX
} from "./chunk-74QD6PXN.js";
import {
  RuleIdSchema,
  SeveritySchema,
  SummarySchema,
  external_exports
} from "./chunk-CMKO3ROG.js";
import {
  activeFindings,
  isIncomplete
} from "./chunk-4GMCL7QT.js";

// src/report/handoff.ts
var RelativePath = external_exports.string().min(1).max(4096).refine(
  (p) => !p.startsWith("/") && !p.includes("\\") && !p.split("/").includes("..") && !/^[a-z]+:/i.test(p),
  {
    message: "must be a repository-relative path"
  }
);
var Str = (max) => external_exports.string().max(max);
var STACK_TAG_KEY = "aws:cloudformation:stack-name";
var LOGICAL_ID_TAG_KEY = "aws:cloudformation:logical-id";
var MESSAGE_CHARS = 1e3;
var COMMAND_CHARS = 500;
var MAX_COMMANDS = 5;
var EVIDENCE_CHARS = 2e3;
var CompactFindingSchema = external_exports.object({
  fingerprint: external_exports.string().regex(/^lg1:[0-9a-f]{16,64}$/),
  rule: RuleIdSchema,
  severity: SeveritySchema,
  resource: external_exports.object({
    kind: external_exports.enum(["function-url", "function", "principal", "policy-statement"]),
    arn: Str(2048).optional(),
    /** The finding's account (organization reports). */
    accountId: external_exports.string().regex(/^\d{12}$/).optional(),
    functionName: Str(256).optional(),
    qualifier: Str(256).nullable().optional(),
    region: external_exports.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/).optional(),
    iac: external_exports.object({ address: Str(1024), flavour: Str(32).optional() }).optional(),
    /** Only the CloudFormation tags: the fix engine locates a live function in templates and CDK by them. */
    tags: external_exports.partialRecord(external_exports.enum([STACK_TAG_KEY, LOGICAL_ID_TAG_KEY]), Str(256)).optional()
  }),
  location: external_exports.object({
    path: RelativePath,
    startLine: external_exports.number().int().positive(),
    endLine: external_exports.number().int().positive()
  }).optional(),
  // Added in place (optional, so older markers still parse): what the detector said about this very
  // finding, so the app's pull request explains it without downloading the artifact.
  message: Str(MESSAGE_CHARS).optional(),
  fix: Str(MESSAGE_CHARS).optional(),
  commands: external_exports.array(Str(COMMAND_CHARS)).max(MAX_COMMANDS).optional(),
  evidence: external_exports.record(Str(100), external_exports.unknown()).refine((e) => JSON.stringify(e).length <= EVIDENCE_CHARS, {
    message: `evidence longer than ${EVIDENCE_CHARS} characters`
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
    kind: external_exports.enum(["aws-account", "iac", "aws-organization"]),
    accountId: external_exports.string().regex(/^\d{12}$/).optional(),
    partition: Str(32).optional()
  }).optional(),
  summary: SummarySchema.optional(),
  /**
   * Added in place: the workflow run that wrote the check run (GITHUB_RUN_ID/ATTEMPT), so the app finds
   * the artifact without the check run's `details_url`, which GitHub may drop.
   */
  run: external_exports.object({
    id: external_exports.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    attempt: external_exports.number().int().positive().max(1e3).optional()
  }).optional(),
  findings: external_exports.array(CompactFindingSchema).max(1e4)
});
function compactFinding(f) {
  const r = f.resource;
  const resource = { kind: r.kind };
  if (r.arn !== void 0) resource.arn = r.arn;
  if (r.accountId !== void 0) resource.accountId = r.accountId;
  if (r.functionName !== void 0) resource.functionName = r.functionName;
  if (r.qualifier !== void 0) resource.qualifier = r.qualifier;
  if (r.region !== void 0) resource.region = r.region;
  if (r.iac) resource.iac = { address: r.iac.address, ...r.iac.flavour ? { flavour: r.iac.flavour } : {} };
  const tags = {};
  for (const k of [STACK_TAG_KEY, LOGICAL_ID_TAG_KEY]) {
    const v = r.tags?.[k];
    if (typeof v === "string" && v.length <= 256) tags[k] = v;
  }
  if (Object.keys(tags).length) resource.tags = tags;
  const out = { fingerprint: f.fingerprint, rule: f.rule, severity: f.severity, resource };
  if (f.location)
    out.location = { path: f.location.path, startLine: f.location.startLine, endLine: f.location.endLine };
  if (f.message) out.message = clipChars(f.message, MESSAGE_CHARS);
  if (f.remediation.summary) out.fix = clipChars(f.remediation.summary, MESSAGE_CHARS);
  const commands = (f.remediation.commands ?? []).filter((c) => c.length <= COMMAND_CHARS);
  if (commands.length) out.commands = commands.slice(0, MAX_COMMANDS);
  const evidence = f.evidence ?? {};
  const keys = Object.keys(evidence);
  if (keys.length > 0 && keys.every((k) => k.length <= 100) && JSON.stringify(evidence).length <= EVIDENCE_CHARS)
    out.evidence = evidence;
  return out;
}
function clipChars(s, max) {
  return s.length <= max ? s : `${s.slice(0, max - 1)}\u2026`;
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
  if (t.kind === "aws-organization" && t.partition) target.partition = t.partition.slice(0, 32);
  return {
    artifact: ok(shape.artifact, opts.artifactName) ? opts.artifactName : DEFAULT_ARTIFACT_NAME,
    truncated: findings.length < compact.length,
    complete: !isIncomplete(report.coverage),
    ...ok(shape.repository, repository) ? { repository } : {},
    ...ok(shape.commit, commit) ? { commit } : {},
    tool: { version: report.tool.version.slice(0, 64) },
    target,
    summary: { ...report.summary },
    ...opts.run && shape.run.safeParse(opts.run).success ? { run: opts.run } : {},
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

export {
  HandoffPayloadSchema,
  buildHandoff,
  handoffMarker,
  parseHandoffMarker
};
