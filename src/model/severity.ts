export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** `--fail-on` / `failOn` also accepts `none` (never fail on findings). */
export const FAIL_ON_VALUES = [...SEVERITIES, "none"] as const;
export type FailOn = (typeof FAIL_ON_VALUES)[number];

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/** True when `s` is at or above the `failOn` threshold. */
export function meetsThreshold(s: Severity, failOn: FailOn): boolean {
  return failOn !== "none" && RANK[s] >= RANK[failOn];
}

/** Highest severity first. */
export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[b] - RANK[a];
}

export function highestSeverity(list: Iterable<Severity>): Severity | null {
  let best: Severity | null = null;
  for (const s of list) if (best === null || RANK[s] > RANK[best]) best = s;
  return best;
}
