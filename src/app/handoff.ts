import { z } from "zod";
import { LocationSchema, ResourceSchema, SeveritySchema } from "../model/index.js";

/**
 * The hand-off the Action leaves in its check run's `output.text`:
 * `<!-- lambda-guard:report@1 {json} -->`. Written against the shape agreed with src/report/check-run.ts
 * (compact findings, artifact, truncated, complete); every field is untrusted input.
 */
export const MARKER_PREFIX = "<!-- lambda-guard:report@1 ";
const MARKER_SUFFIX = " -->";

export const CompactFindingSchema = z.looseObject({
  fingerprint: z.string(),
  // A plain string here so an unknown rule id is rejected with a log line that names it (trust.ts).
  rule: z.string(),
  severity: SeveritySchema,
  resource: ResourceSchema,
  location: LocationSchema.optional(),
  title: z.string().optional(),
  suppressed: z.boolean().optional(),
  suppression: z.unknown().optional(),
  evidence: z.record(z.string(), z.unknown()).optional(),
});
export type CompactFinding = z.infer<typeof CompactFindingSchema>;

const ArtifactRefSchema = z.union([
  z.string().min(1),
  z.looseObject({
    name: z.string().min(1).optional(),
    id: z.number().int().positive().optional(),
    runId: z.number().int().positive().optional(),
  }),
]);

export const HandoffSchema = z.looseObject({
  findings: z.array(CompactFindingSchema).default([]),
  artifact: ArtifactRefSchema.nullable().optional(),
  truncated: z.boolean().default(false),
  complete: z.boolean().default(false),
  repository: z.string().optional(),
  commit: z.string().optional(),
  runId: z.number().int().positive().optional(),
  generatedAt: z.string().optional(),
});
export type HandoffPayload = z.infer<typeof HandoffSchema>;

export type HandoffResult =
  | { ok: true; payload: HandoffPayload }
  | { ok: false; reason: string; absent?: boolean };

/** Finds and validates the marker. `absent` tells "no marker" apart from "a marker we refuse". */
export function readHandoff(text: string | null | undefined, maxChars: number): HandoffResult {
  if (typeof text !== "string") return { ok: false, reason: "check run has no output text", absent: true };
  if (text.length > maxChars) return { ok: false, reason: `output text longer than ${maxChars} characters` };
  const start = text.indexOf(MARKER_PREFIX);
  if (start < 0) return { ok: false, reason: "no lambda-guard:report@1 marker in the output", absent: true };
  const from = start + MARKER_PREFIX.length;
  // JSON may legitimately contain " -->" inside strings: try each candidate end until one parses.
  let end = text.indexOf(MARKER_SUFFIX, from);
  let raw: unknown = undefined;
  let parsedOnce = false;
  while (end >= 0) {
    try {
      raw = JSON.parse(text.slice(from, end));
      parsedOnce = true;
      break;
    } catch {
      end = text.indexOf(MARKER_SUFFIX, end + 1);
    }
  }
  if (!parsedOnce) return { ok: false, reason: "the report marker is not valid JSON" };
  const parsed = HandoffSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `the report marker does not match lambda-guard:report@1 (${issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid"})`,
    };
  }
  return { ok: true, payload: parsed.data };
}

/** The artifact name and run to download when the hand-off was truncated. */
export function artifactRef(
  payload: HandoffPayload,
  detailsUrl: string | null | undefined,
): { name: string; runId: number | null; artifactId: number | null } {
  const a = payload.artifact;
  const name = typeof a === "string" ? a : (a?.name ?? "lambda-guard-report");
  let runId = (typeof a === "object" && a ? a.runId : undefined) ?? payload.runId ?? null;
  if (runId === null && detailsUrl) {
    const m = /\/actions\/runs\/(\d{1,20})(?:\/|$)/.exec(detailsUrl);
    if (m) runId = Number(m[1]);
  }
  const artifactId = typeof a === "object" && a?.id ? a.id : null;
  return { name, runId, artifactId };
}
