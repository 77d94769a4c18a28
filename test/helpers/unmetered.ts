import type { EmulatorState } from "../../src/emulator/index.js";

/**
 * The account without AWS's request quotas, for tests that check what a scan finds rather than how it paces
 * itself: scanned at a high --api-budget, it needs no waiting. Pacing and throttling have tests of their own
 * (test/aws/ratelimit, lg004, scan-reliability), which keep the documented quotas.
 */
export function unmetered(state: EmulatorState): EmulatorState {
  return { ...state, behaviour: { ...state.behaviour, quotas: "unlimited" } };
}

/** The --api-budget those tests scan at: far above any documented quota, harmless against an unmetered account. */
export const UNMETERED_BUDGET = 50;
