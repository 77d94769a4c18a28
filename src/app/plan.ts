import { applyAllowList, applyRuleOverrides, isExpired, type Config, type Finding } from "../model/index.js";
import type { IssueItem } from "./body.js";
import type { OwnPr } from "./own-items.js";

// Deciding, apart from doing: these functions read facts (the report, the config, what the app
// already opened) and say what to do; check-run.ts, pull-request.ts and issue.ts do it.

/**
 * Findings dismissed by a person: the fingerprints of the app's pull requests closed without merging
 * (and not closed by the app itself as resolved), each mapped to the newest such pull request.
 */
export function dismissedFingerprints(prs: readonly OwnPr[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const pr of prs) {
    if (pr.state !== "closed" || pr.merged || pr.marker.resolved) continue;
    for (const fp of pr.marker.fingerprints) if (!out.has(fp)) out.set(fp, pr.number);
  }
  return out;
}

export interface DeliveryPlan {
  /** Straight to the tracking issue: intended exposure past its date; with PRs off, everything. */
  items: IssueItem[];
  /** For the fix engine. */
  toFix: Finding[];
  /** Left out because a closed, unmerged PR of the app dismissed them. */
  dismissed: { finding: Finding; pr: number }[];
  /** Every active finding's fingerprint: what a PR or issue is still needed for. */
  reported: Set<string>;
}

function expiredIntent(f: Finding, now: Date): { expires: string; reason: string } | null {
  const ea = f.evidence?.expiredAllow as { expires?: unknown; reason?: unknown } | undefined;
  if (ea && typeof ea === "object")
    return { expires: String(ea.expires ?? "?"), reason: String(ea.reason ?? "") };
  if (f.suppression?.expires && isExpired({ expires: f.suppression.expires }, now)) {
    return { expires: f.suppression.expires, reason: f.suppression.reason };
  }
  return null;
}

/**
 * Sorts a report's findings: the repository's rule overrides and allow-list first, then intended
 * exposure whose allowance expired → issue; dismissed by a person → left alone; the rest → the engine
 * (or, with pull requests off, the issue).
 */
export function planDelivery(args: {
  findings: readonly Finding[];
  config: Config;
  now: Date;
  /** Fingerprint → the app's PR that a person closed unmerged (dismissedFingerprints). */
  dismissedBy: ReadonlyMap<string, number>;
}): DeliveryPlan {
  const { config, now } = args;
  const findings = applyAllowList(applyRuleOverrides([...args.findings], config), config, now);
  const items: IssueItem[] = [];
  const toFix: Finding[] = [];
  const dismissed: DeliveryPlan["dismissed"] = [];
  for (const f of findings) {
    const exp = expiredIntent(f, now);
    if (exp) {
      items.push({
        finding: f,
        category: "expired",
        reason: `Allowed until ${exp.expires}${exp.reason ? ` ("${exp.reason}")` : ""}; that date has passed.`,
      });
      continue;
    }
    if (f.suppression) continue;
    if (!config.pullRequests.enabled) {
      items.push({ finding: f, category: "code", reason: f.remediation.summary });
      continue;
    }
    const pr = args.dismissedBy.get(f.fingerprint);
    if (pr === undefined) toFix.push(f);
    else dismissed.push({ finding: f, pr });
  }
  const reported = new Set(findings.filter((f) => !f.suppression).map((f) => f.fingerprint));
  return { items, toFix, dismissed, reported };
}

export type PrDecision =
  | { kind: "close-resolved"; pr: OwnPr }
  | { kind: "keep-open"; pr: OwnPr }
  | { kind: "dismissed"; number?: number }
  | { kind: "none" }
  | { kind: "unchanged"; pr: OwnPr; why: "same-digest" | "incomplete-report" }
  | { kind: "update"; pr: OwnPr }
  | { kind: "create" };

/**
 * What to do with the one fix PR per check, from the facts: the app's PRs (newest first), the patch's
 * digest and fingerprints, and the report's completeness. Races (a concurrent delivery creating the
 * branch or PR first) are the doer's: it re-reads and asks again.
 */
export function decidePr(f: {
  prs: readonly OwnPr[];
  /** The engine produced a patch (changes and a snapshot to base it on). */
  hasPatch: boolean;
  digest: string;
  fingerprints: readonly string[];
  reported: ReadonlySet<string>;
  resolvable: boolean;
  /** Findings left out as dismissed, and whether anything else was fixed or not. */
  dismissedCount: number;
  firstDismissedPr?: number | undefined;
  otherFindings: number;
}): PrDecision {
  const open = f.prs.find((p) => p.state === "open");
  if (!f.hasPatch) {
    if (open && f.resolvable && !open.marker.fingerprints.some((fp) => f.reported.has(fp)))
      return { kind: "close-resolved", pr: open };
    if (open) return { kind: "keep-open", pr: open };
    if (f.dismissedCount > 0 && f.otherFindings === 0)
      return {
        kind: "dismissed",
        ...(f.firstDismissedPr !== undefined ? { number: f.firstDismissedPr } : {}),
      };
    return { kind: "none" };
  }
  if (open) {
    if (open.marker.digest === f.digest) return { kind: "unchanged", pr: open, why: "same-digest" };
    if (!f.resolvable && f.fingerprints.every((fp) => open.marker.fingerprints.includes(fp)))
      return { kind: "unchanged", pr: open, why: "incomplete-report" };
    return { kind: "update", pr: open };
  }
  // Dismissed findings are kept from the engine; this guards a patch with nothing new in it.
  const dismissed = dismissedFingerprints(f.prs);
  if (dismissed.size > 0 && f.fingerprints.every((fp) => dismissed.has(fp))) {
    const number = dismissed.get(f.fingerprints[0] ?? "") ?? f.prs.find((p) => p.state === "closed")?.number;
    return { kind: "dismissed", ...(number !== undefined ? { number } : {}) };
  }
  return { kind: "create" };
}
