/**
 * The names of the hand-off from the Action to the app (./handoff.ts re-exports them): one definition,
 * imported by both entry points (src/action and src/app), so their defaults cannot drift apart. A module of
 * its own, without zod, because the Markdown renderer names the artifact too and `lambda-guard iac` loads
 * the renderers but never reads a hand-off.
 *
 * The hand-off itself is hidden and versioned, carried in the check run's `output.text`:
 * `<!-- lambda-guard:report@1 {json} -->`. It holds the compact unsuppressed findings and the name of the
 * artifact with the full report. The app recognises the Action's check runs by this marker, whatever the
 * check's name, and must treat it as untrusted input: anyone who can run a workflow in the repository
 * can write a check run.
 */
export const HANDOFF_MARKER = "lambda-guard:report@1";
/** The Action's `check-name` default. The app does not depend on it (it matches by marker). */
export const DEFAULT_CHECK_NAME = "Lambda Guard";
/** The Action's `artifact-name` default; the marker names the artifact actually uploaded. */
export const DEFAULT_ARTIFACT_NAME = "lambda-guard-report";
/** The GitHub App that owns check runs created with a workflow's `GITHUB_TOKEN`. */
export const ACTIONS_APP_SLUG = "github-actions";

export const HANDOFF_PREFIX = `<!-- ${HANDOFF_MARKER} `;
export const HANDOFF_SUFFIX = " -->";
