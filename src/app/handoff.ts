import {
  HANDOFF_PREFIX,
  HandoffPayloadSchema,
  parseHandoffMarker,
  type HandoffPayload,
} from "../report/handoff.js";
import { isRuleId } from "../model/index.js";
import { unsafePathReason } from "./paths.js";

export type { HandoffPayload, CompactFinding } from "../report/handoff.js";

/**
 * Reads the hand-off the Action leaves in its check run's `output.text`
 * (`<!-- lambda-guard:report@1 {json} -->`, written by src/report/handoff.ts). Validation is the
 * shared `HandoffPayloadSchema`, so the app accepts exactly what `parseHandoffMarker` accepts; this
 * wrapper only adds the reason for a refusal, for the log.
 */
export type HandoffResult =
  { ok: true; payload: HandoffPayload } | { ok: false; reason: string; absent?: boolean };

const SUFFIX = " -->";

export function readHandoff(text: string | null | undefined, maxChars: number): HandoffResult {
  if (typeof text !== "string") return { ok: false, reason: "check run has no output text", absent: true };
  if (text.length > maxChars) return { ok: false, reason: `output text longer than ${maxChars} characters` };
  const start = text.indexOf(HANDOFF_PREFIX);
  if (start < 0) return { ok: false, reason: "no lambda-guard:report@1 marker in the output", absent: true };
  const from = start + HANDOFF_PREFIX.length;
  const end = text.indexOf(SUFFIX, from);
  if (end < 0) return { ok: false, reason: "the report marker is not closed" };
  const json = text.slice(from, end);
  let raw: unknown;
  try {
    if (json.includes("\n")) throw new Error("newline");
    raw = JSON.parse(json);
  } catch {
    return { ok: false, reason: "the report marker is not valid JSON" };
  }
  const why = findingsProblem(raw);
  if (why) return { ok: false, reason: why };
  const parsed = HandoffPayloadSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `the report marker does not match lambda-guard:report@1 (${issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid"})`,
    };
  }
  // Belt and braces: the shared parser must agree.
  if (!parseHandoffMarker(text))
    return { ok: false, reason: "the report marker was refused by the shared parser" };
  return { ok: true, payload: parsed.data };
}

/** A precise reason for the two refusals worth logging: unknown rule ids and unsafe paths. */
function findingsProblem(raw: unknown): string | null {
  const findings = (raw as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(findings)) return null;
  for (const [i, f] of findings.entries()) {
    const rule = (f as { rule?: unknown } | null)?.rule;
    if (typeof rule !== "string" || !isRuleId(rule)) {
      return `finding ${i} has unknown rule id ${JSON.stringify(String(rule).slice(0, 40))}`;
    }
    const loc = (f as { location?: { path?: unknown } }).location;
    if (loc && typeof loc === "object") {
      const why = unsafePathReason(loc.path);
      if (why)
        return `finding ${i} (${rule}) names an unsafe path ${JSON.stringify(String(loc.path).slice(0, 120))}: ${why}`;
    }
  }
  return null;
}

/** The workflow run behind a check run, when its details URL names one. */
export function runIdFromDetailsUrl(detailsUrl: string | null | undefined): number | null {
  const m = detailsUrl ? /\/actions\/runs\/(\d{1,20})(?:[/?#]|$)/.exec(detailsUrl) : null;
  return m ? Number(m[1]) : null;
}
