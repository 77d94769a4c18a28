import type { ApplicationFunction, Probot } from "probot";
import { handleCheckRun } from "./check-run.js";
import { handleIssueClosed, handlePullRequestClosed } from "./closed.js";
import { checkNamesFromEnv, enginePlanFixes, type AppDeps } from "./deps.js";
import { DeliveryQueue } from "./queue.js";

export type { AppDeps } from "./deps.js";

/** The bot login `<slug>[bot]`: `LAMBDA_GUARD_APP_SLUG`, or asked once from `GET /app`. */
function botLoginFor(app: Probot): () => Promise<string> {
  let cached: Promise<string> | null = null;
  return () => {
    const slug = process.env.LAMBDA_GUARD_APP_SLUG;
    if (slug) return Promise.resolve(`${slug}[bot]`);
    cached ??= (async () => {
      const octokit = await app.auth();
      const { data } = await octokit.rest.apps.getAuthenticated();
      if (!data?.slug) throw new Error("GET /app returned no slug");
      return `${data.slug}[bot]`;
    })().catch((err: unknown) => {
      cached = null;
      throw err;
    });
    return cached;
  };
}

/**
 * The lambda-guard Probot app: check runs from the lambda-guard Action become a fix pull request and
 * a tracking issue; closed PRs and issues are remembered as dismissals. `deps` replaces the engine,
 * clock, check names or bot identity in tests. The default queue works in the background, so the
 * webhook is acknowledged at once (the Lambda handler passes an inline one for its deferred run).
 */
export function createApp(overrides: Partial<AppDeps> & { queue?: DeliveryQueue } = {}): ApplicationFunction {
  return (app: Probot) => {
    const deps: AppDeps = {
      planFixes: overrides.planFixes ?? enginePlanFixes,
      now: overrides.now ?? (() => new Date()),
      checkNames: overrides.checkNames ?? checkNamesFromEnv(),
      botLogin: overrides.botLogin ?? botLoginFor(app),
    };
    const queue = overrides.queue ?? new DeliveryQueue({ background: true });
    app.on(["check_run.created", "check_run.completed"], async (context) => {
      await handleCheckRun(context, deps, queue);
    });
    app.on("pull_request.closed", async (context) => {
      await handlePullRequestClosed(context, deps.botLogin);
    });
    app.on("issues.closed", async (context) => {
      await handleIssueClosed(context, deps.botLogin);
    });
  };
}

const lambdaGuardApp: ApplicationFunction = createApp();
export default lambdaGuardApp;
