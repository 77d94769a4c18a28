import type { FixPlan, SourceFile } from "../iac/types.js";
import type { Config, Report } from "../model/index.js";

export type PlanFixes = (
  files: SourceFile[],
  opts: { config: Config; report?: Report; now?: Date },
) => Promise<FixPlan>;

/** What the handlers need from outside, injectable for tests. */
export interface AppDeps {
  /** The fix engine (`lambda-guard fix`). */
  planFixes: PlanFixes;
  now: () => Date;
  /**
   * `LAMBDA_GUARD_CHECK_NAMES`: optional, comma-separated, case-insensitive globs that narrow which of
   * the Action's check runs the app acts on. Empty (the default): every check run that carries the
   * hand-off marker, whatever its name (`Lambda Guard`, `Lambda Guard (prod)`, …).
   */
  checkNames: string[];
  /** The app's bot login (`<slug>[bot]`), to recognise its own PRs, issues and commits. */
  botLogin: () => Promise<string>;
}

export function checkNamesFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.LAMBDA_GUARD_CHECK_NAMES ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 100);
}

/** The real engine, loaded on first use so a cold start that ignores the event stays cheap. */
export const enginePlanFixes: PlanFixes = async (files, opts) => {
  const engine = await import("../iac/index.js");
  return engine.planFixes(files, opts);
};
