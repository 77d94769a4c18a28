import { z } from "zod";
import type { Finding, Report } from "../model/index.js";
import { activeFindings, isIncomplete, RuleIdSchema, SeveritySchema, SummarySchema } from "../model/index.js";
import { DEFAULT_ARTIFACT_NAME, HANDOFF_PREFIX, HANDOFF_SUFFIX } from "./handoff-names.js";

export {
  ACTIONS_APP_SLUG,
  DEFAULT_ARTIFACT_NAME,
  DEFAULT_CHECK_NAME,
  HANDOFF_MARKER,
  HANDOFF_PREFIX,
  HANDOFF_SUFFIX,
} from "./handoff-names.js";

/** Repository-relative, forward slashes, no `..`, not absolute: the app reads files by this path. */
const RelativePath = z
  .string()
  .min(1)
  .max(4096)
  .refine(
    (p) => !p.startsWith("/") && !p.includes("\\") && !p.split("/").includes("..") && !/^[a-z]+:/i.test(p),
    {
      message: "must be a repository-relative path",
    },
  );

const Str = (max: number) => z.string().max(max);

const STACK_TAG_KEY = "aws:cloudformation:stack-name";
const LOGICAL_ID_TAG_KEY = "aws:cloudformation:logical-id";

/** Bounds of the per-finding text the marker carries (the check run's text is 65,535 characters in all). */
const MESSAGE_CHARS = 1_000;
const COMMAND_CHARS = 500;
const MAX_COMMANDS = 5;
const EVIDENCE_CHARS = 2_000;

export const CompactFindingSchema = z.object({
  fingerprint: z.string().regex(/^lg1:[0-9a-f]{16,64}$/),
  rule: RuleIdSchema,
  severity: SeveritySchema,
  resource: z.object({
    kind: z.enum(["function-url", "function", "principal", "policy-statement"]),
    arn: Str(2048).optional(),
    /** The finding's account (organization reports). */
    accountId: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
    functionName: Str(256).optional(),
    qualifier: Str(256).nullable().optional(),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/)
      .optional(),
    iac: z.object({ address: Str(1024), flavour: Str(32).optional() }).optional(),
    /** Only the CloudFormation tags: the fix engine locates a live function in templates and CDK by them. */
    tags: z.partialRecord(z.enum([STACK_TAG_KEY, LOGICAL_ID_TAG_KEY]), Str(256)).optional(),
  }),
  location: z
    .object({
      path: RelativePath,
      startLine: z.number().int().positive(),
      endLine: z.number().int().positive(),
    })
    .optional(),
  // Added in place (optional, so older markers still parse): what the detector said about this very
  // finding, so the app's pull request explains it without downloading the artifact.
  message: Str(MESSAGE_CHARS).optional(),
  fix: Str(MESSAGE_CHARS).optional(),
  commands: z.array(Str(COMMAND_CHARS)).max(MAX_COMMANDS).optional(),
  evidence: z
    .record(Str(100), z.unknown())
    .refine((e) => JSON.stringify(e).length <= EVIDENCE_CHARS, {
      message: `evidence longer than ${EVIDENCE_CHARS} characters`,
    })
    .optional(),
});
export type CompactFinding = z.infer<typeof CompactFindingSchema>;

export const HandoffPayloadSchema = z.object({
  artifact: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/),
  truncated: z.boolean(),
  complete: z.boolean(),
  repository: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/)
    .optional(),
  commit: z
    .string()
    .regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/)
    .optional(),
  tool: z.object({ version: Str(64) }).optional(),
  target: z
    .object({
      kind: z.enum(["aws-account", "iac", "aws-organization"]),
      accountId: z
        .string()
        .regex(/^\d{12}$/)
        .optional(),
      partition: Str(32).optional(),
    })
    .optional(),
  summary: SummarySchema.optional(),
  /**
   * Added in place: the workflow run that wrote the check run (GITHUB_RUN_ID/ATTEMPT), so the app finds
   * the artifact without the check run's `details_url`, which GitHub may drop.
   */
  run: z
    .object({
      id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
      attempt: z.number().int().positive().max(1_000).optional(),
    })
    .optional(),
  findings: z.array(CompactFindingSchema).max(10_000),
});
export type HandoffPayload = z.infer<typeof HandoffPayloadSchema>;

export function compactFinding(f: Finding): CompactFinding {
  const r = f.resource;
  const resource: CompactFinding["resource"] = { kind: r.kind };
  if (r.arn !== undefined) resource.arn = r.arn;
  if (r.accountId !== undefined) resource.accountId = r.accountId;
  if (r.functionName !== undefined) resource.functionName = r.functionName;
  if (r.qualifier !== undefined) resource.qualifier = r.qualifier;
  if (r.region !== undefined) resource.region = r.region;
  if (r.iac) resource.iac = { address: r.iac.address, ...(r.iac.flavour ? { flavour: r.iac.flavour } : {}) };
  const tags: Record<string, string> = {};
  for (const k of [STACK_TAG_KEY, LOGICAL_ID_TAG_KEY] as const) {
    const v = r.tags?.[k];
    if (typeof v === "string" && v.length <= 256) tags[k] = v;
  }
  if (Object.keys(tags).length) resource.tags = tags;
  const out: CompactFinding = { fingerprint: f.fingerprint, rule: f.rule, severity: f.severity, resource };
  if (f.location)
    out.location = { path: f.location.path, startLine: f.location.startLine, endLine: f.location.endLine };
  if (f.message) out.message = clipChars(f.message, MESSAGE_CHARS);
  if (f.remediation.summary) out.fix = clipChars(f.remediation.summary, MESSAGE_CHARS);
  const commands = (f.remediation.commands ?? []).filter((c) => c.length <= COMMAND_CHARS);
  if (commands.length) out.commands = commands.slice(0, MAX_COMMANDS);
  const evidence = f.evidence ?? {};
  const keys = Object.keys(evidence);
  if (
    keys.length > 0 &&
    keys.every((k) => k.length <= 100) &&
    JSON.stringify(evidence).length <= EVIDENCE_CHARS
  )
    out.evidence = evidence;
  return out;
}

function clipChars(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export interface HandoffOptions {
  artifactName?: string;
  repository?: string;
  commit?: string;
  /** The workflow run writing the check run (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT). */
  run?: { id: number; attempt?: number };
}

/**
 * The full payload: every unsuppressed finding, `truncated: false`. Whatever the parser would reject (an
 * unknown account id, a path outside the repository) is left out here, so the marker always parses; a
 * finding left out that way sets `truncated`, sending the app to the artifact.
 */
export function buildHandoff(report: Report, opts: HandoffOptions = {}): HandoffPayload {
  const t = report.target;
  const repository = opts.repository ?? t.repository;
  const commit = opts.commit ?? t.commit;
  const ok = <T>(schema: z.ZodType<T>, v: unknown): v is T => v !== undefined && schema.safeParse(v).success;
  const shape = HandoffPayloadSchema.shape;
  const compact = activeFindings(report).map(compactFinding);
  const findings = compact.filter((f) => CompactFindingSchema.safeParse(f).success);
  const target: NonNullable<HandoffPayload["target"]> = { kind: t.kind };
  if (t.kind === "aws-account") {
    if (/^\d{12}$/.test(t.accountId)) target.accountId = t.accountId;
    if (t.partition) target.partition = t.partition.slice(0, 32);
  }
  if (t.kind === "aws-organization" && t.partition) target.partition = t.partition.slice(0, 32);
  return {
    artifact: ok(shape.artifact, opts.artifactName) ? opts.artifactName : DEFAULT_ARTIFACT_NAME,
    truncated: findings.length < compact.length,
    complete: !isIncomplete(report.coverage),
    ...(ok(shape.repository, repository) ? { repository } : {}),
    ...(ok(shape.commit, commit) ? { commit } : {}),
    tool: { version: report.tool.version.slice(0, 64) },
    target,
    summary: { ...report.summary },
    ...(opts.run && shape.run.safeParse(opts.run).success ? { run: opts.run } : {}),
    findings,
  };
}

/** `<!-- lambda-guard:report@1 {json} -->`; `--` is escaped inside JSON strings so it cannot close the comment. */
export function handoffMarker(payload: HandoffPayload): string {
  const json = JSON.stringify(payload).replace(/--/g, "-\\u002d");
  return `${HANDOFF_PREFIX}${json}${HANDOFF_SUFFIX}`;
}

const MAX_TEXT = 1_000_000;

/** Finds and validates the marker in untrusted text (a check run's `output.text`); null when absent or invalid. */
export function parseHandoffMarker(text: unknown): HandoffPayload | null {
  if (typeof text !== "string" || text.length > MAX_TEXT) return null;
  const start = text.indexOf(HANDOFF_PREFIX);
  if (start < 0) return null;
  const from = start + HANDOFF_PREFIX.length;
  const end = text.indexOf(HANDOFF_SUFFIX, from);
  if (end < 0) return null;
  const json = text.slice(from, end);
  if (json.includes("\n")) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = HandoffPayloadSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
