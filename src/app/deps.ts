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
  /** Check-run names (globs) the app acts on: `LAMBDA_GUARD_CHECK_NAMES`, default `lambda-guard`. */
  checkNames: string[];
  /** The app's bot login (`<slug>[bot]`), to recognise its own PRs, issues and commits. */
  botLogin: () => Promise<string>;
}

export function checkNamesFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const names = (env.LAMBDA_GUARD_CHECK_NAMES ?? "lambda-guard")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return names.length ? names : ["lambda-guard"];
}

/** The real engine, loaded on first use so a cold start that ignores the event stays cheap. */
export const enginePlanFixes: PlanFixes = async (files, opts) => {
  const engine = await import("../iac/index.js");
  return engine.planFixes(files, opts);
};
