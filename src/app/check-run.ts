import type { Context } from "probot";
import type { FileChange } from "../iac/types.js";
import { ConfigSchema, globMatch, type Config, type Finding, type Report } from "../model/index.js";
import { ACTIONS_APP_SLUG, HANDOFF_MARKER, HANDOFF_PREFIX } from "../report/handoff.js";
import { downloadReportArtifact } from "./artifact.js";
import type { AppDeps } from "./deps.js";
import { readHandoff, runIdFromDetailsUrl } from "./handoff.js";
import { readIacFiles, type RepoSnapshot } from "./iac-files.js";
import { reconcileIssue, type IssueOutcome } from "./issue.js";
import { LIMITS } from "./limits.js";
import { listOwnItems } from "./own-items.js";
import { planDelivery } from "./plan.js";
import type { DeliveryQueue } from "./queue.js";
import { reportProblem, type Problem } from "./problems.js";
import { errorText, httpStatus, type Log, type Octokit } from "./octokit.js";
import { dismissedFingerprints, reconcilePr, type OwnPr, type PrOutcome } from "./pull-request.js";
import { isResolvable, reportFromHandoff, unsafePathReason, validateReportText } from "./trust.js";

export const CONFIG_FILE = "lambda-guard.yml";

export type CheckRunContext = Context<"check_run.created" | "check_run.completed">;

export interface CheckRunOutcome {
  ignored?: string;
  rejected?: string;
  /** Background mode: the work runs after the webhook is acknowledged. */
  queued?: boolean;
  /** Every attempt failed; reported in the tracking issue. */
  failed?: string;
  pr?: PrOutcome;
  issue?: IssueOutcome;
}

export type GateVerdict = { act: true } | { act: false; reason: string; level: "debug" | "info" | "warn" };

/** `LAMBDA_GUARD_CHECK_NAMES` globs, case-insensitive; an empty list accepts every name. */
export function checkNameAllowed(name: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return true;
  const n = name.toLowerCase();
  return patterns.some((p) => globMatch(p.toLowerCase(), n));
}

/**
 * The payload-only gate, before any API call. The Action's check runs are recognised by the hand-off
 * marker, whatever their name (matrix jobs name them `Lambda Guard (prod)` and so on); configured
 * names only narrow that. A marker in a check run another app created is refused loudly: only a
 * check run written with a workflow's own token (owned by GitHub Actions) ties the report to a
 * workflow run of this repository and its artifact.
 */
export function gate(payload: CheckRunContext["payload"], checkNames: readonly string[]): GateVerdict {
  const cr = payload.check_run;
  if (cr.status !== "completed") return { act: false, level: "debug", reason: `status is ${cr.status}` };
  const text = cr.output?.text;
  if (typeof text !== "string" || !text.includes(HANDOFF_PREFIX))
    return { act: false, level: "debug", reason: `no ${HANDOFF_MARKER} marker in the output` };
  const slug = cr.app?.slug ?? null;
  if (slug !== ACTIONS_APP_SLUG) {
    return {
      act: false,
      level: "warn",
      reason:
        `check run ${JSON.stringify(cr.name.slice(0, 100))} carries the ${HANDOFF_MARKER} report but was created by app ` +
        `${JSON.stringify(slug)}, not GitHub Actions; lambda-guard only trusts reports written with the workflow's own token. ` +
        `Leave the Action's 'github-token' input at its default (github.token) and give the job 'permissions: checks: write'.`,
    };
  }
  if (!checkNameAllowed(cr.name, checkNames))
    return {
      act: false,
      level: "info",
      reason: `check name ${JSON.stringify(cr.name.slice(0, 100))} does not match LAMBDA_GUARD_CHECK_NAMES (${checkNames.join(", ").slice(0, 200)})`,
    };
  return { act: true };
}

/**
 * Reads `.github/lambda-guard.yml` from the default branch (context.config) and validates it. An
 * invalid file is a problem for the repository's people, not only for the log: it comes back as a
 * `Problem` for the tracking issue.
 */
export async function loadRepoConfig(
  context: Pick<CheckRunContext, "config">,
  log: Log,
): Promise<{ config: Config } | { problem: Problem }> {
  let raw: unknown;
  try {
    raw = await context.config<Record<string, unknown>>(CONFIG_FILE);
  } catch (err) {
    const why = errorText(err).slice(0, 300);
    log.warn({ err: why }, `cannot read .github/${CONFIG_FILE}; not acting`);
    return {
      problem: {
        title: `.github/${CONFIG_FILE} could not be read`,
        lines: [why, "Fix the file (it must be YAML) so lambda-guard can act on the next report."],
      },
    };
  }
  const parsed = ConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 10);
    log.warn(
      { field: issues[0]?.path.join("."), problem: issues[0]?.message },
      `.github/${CONFIG_FILE} is invalid; not acting`,
    );
    return {
      problem: {
        title: `.github/${CONFIG_FILE} is invalid, so lambda-guard did not act on this report`,
        lines: [
          ...issues.map((i) => `${i.path.join(".") || "(top level)"}: ${i.message}`),
          "",
          "Fix the file on the default branch (run `lambda-guard scan --config .github/lambda-guard.yml` locally to see every error); the next report will then be acted on.",
        ],
      },
    };
  }
  return { config: parsed.data };
}

/** A one-line, bounded description of an engine error, for the log and the tracking issue. */
export function shortError(err: unknown): string {
  const name = err instanceof Error && err.name && err.name !== "Error" ? `${err.name}: ` : "";
  const raw = err instanceof Error ? err.message : String(err);
  const line = `${name}${raw}`.replace(/\s+/g, " ").trim() || "unknown error";
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true)));
}

export async function handleCheckRun(
  context: CheckRunContext,
  deps: AppDeps,
  queue: DeliveryQueue,
): Promise<CheckRunOutcome> {
  const payload = context.payload;
  const log: Log = context.log;
  const verdict = gate(payload, deps.checkNames);
  if (!verdict.act) {
    const check = payload.check_run.name.slice(0, 100);
    if (verdict.level === "warn") {
      log.warn({ check }, `refusing check run: ${verdict.reason}`);
      return { rejected: verdict.reason };
    }
    log[verdict.level]({ check }, `ignoring check run: ${verdict.reason}`);
    return { ignored: verdict.reason };
  }
  const cr = payload.check_run;
  const handoff = readHandoff(cr.output?.text, LIMITS.markerChars);
  if (!handoff.ok) {
    if (handoff.absent) log.info({ check: cr.name }, `ignoring check run: ${handoff.reason}`);
    else log.warn({ check: cr.name }, `rejecting report: ${handoff.reason}`);
    return handoff.absent ? { ignored: handoff.reason } : { rejected: handoff.reason };
  }
  const repository = payload.repository;
  // Payload-only trust checks, still before any API call.
  const foreign =
    handoff.payload.repository &&
    handoff.payload.repository.toLowerCase() !== repository.full_name.toLowerCase()
      ? `report is for repository ${handoff.payload.repository}, not ${repository.full_name}`
      : handoff.payload.commit && handoff.payload.commit !== cr.head_sha
        ? `report is for commit ${handoff.payload.commit}, not the check run's ${cr.head_sha}`
        : null;
  if (foreign) {
    log.warn({ check: cr.name }, `rejecting report: ${foreign}`);
    return { rejected: foreign };
  }
  let outcome: CheckRunOutcome = { queued: true };
  await queue.run(
    repository.full_name.toLowerCase(),
    async () => {
      outcome = await act(context, deps, handoff.payload);
    },
    async (err, attempts) => {
      const message = shortError(err);
      log.error(
        { check: cr.name, sha: cr.head_sha, attempts, error: message },
        "giving up on this check run",
      );
      outcome = { failed: message };
      await reportProblem(context.octokit, {
        repo: { owner: repository.owner.login, repo: repository.name },
        check: cr.name,
        botLogin: await deps.botLogin(),
        headSha: cr.head_sha,
        problem: {
          title: `lambda-guard could not finish acting on this report (${attempts} attempts)`,
          lines: [message, "It tries again on the next report; nothing was lost from the report itself."],
        },
        log,
      });
    },
  );
  return outcome;
}

async function act(
  context: CheckRunContext,
  deps: AppDeps,
  handoff: Extract<ReturnType<typeof readHandoff>, { ok: true }>["payload"],
): Promise<CheckRunOutcome> {
  const { payload, log } = context;
  const octokit: Octokit = context.octokit;
  const cr = payload.check_run;
  const repository = payload.repository;
  const r = { owner: repository.owner.login, repo: repository.name };
  const defaultBranch = repository.default_branch;
  const headBranch = cr.check_suite?.head_branch ?? null;
  const reject = (reason: string): CheckRunOutcome => {
    log.warn({ check: cr.name, sha: cr.head_sha }, `rejecting report: ${reason}`);
    return { rejected: reason };
  };

  const loaded = await loadRepoConfig(context, log);
  if ("problem" in loaded) {
    await reportProblem(octokit, {
      repo: r,
      check: cr.name,
      botLogin: await deps.botLogin(),
      headSha: cr.head_sha,
      problem: loaded.problem,
      log,
    });
    return { rejected: loaded.problem.title };
  }
  const config = loaded.config;
  if (!config.pullRequests.enabled && !config.issues.enabled)
    return { ignored: "pull requests and issues are disabled" };

  if (!headBranch || (headBranch !== defaultBranch && !config.branches.includes(headBranch))) {
    log.info({ branch: headBranch }, "ignoring check run: not for the default branch or a configured branch");
    return { ignored: `branch ${headBranch ?? "(none)"}` };
  }
  // The head branch in the payload names the push; make sure the commit really is on that branch.
  // Compared from the branch, the answer also names the branch's head commit and tree: the base of a
  // fix for the default branch, without another request.
  let branchHead: { commitSha: string; treeSha: string } | null = null;
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      ...r,
      basehead: `${headBranch}...${cr.head_sha}`,
      per_page: 1,
    });
    if (data.status !== "identical" && data.status !== "behind") {
      return reject(`commit ${cr.head_sha} is not on ${headBranch} (${data.status})`);
    }
    const base = data.base_commit;
    if (base?.sha && base.commit?.tree?.sha)
      branchHead = { commitSha: base.sha, treeSha: base.commit.tree.sha };
  } catch (err) {
    if (httpStatus(err) === 404) return reject(`commit ${cr.head_sha} or branch ${headBranch} not found`);
    throw err;
  }

  const trust = { repository: repository.full_name, headSha: cr.head_sha };
  let verdict;
  if (handoff.truncated) {
    const art = await downloadReportArtifact(octokit, {
      ...r,
      markerRunId: handoff.run?.id,
      checkSuiteId: cr.check_suite?.id,
      detailsRunId: runIdFromDetailsUrl(cr.details_url),
      name: handoff.artifact,
      headSha: cr.head_sha,
      log,
    });
    if (!art.ok) return reject(art.reason);
    verdict = validateReportText(art.text, trust);
  } else {
    verdict = reportFromHandoff(handoff, {
      ...trust,
      generatedAt: cr.completed_at ?? new Date(0).toISOString(),
    });
  }
  if (!verdict.ok) return reject(verdict.reason);
  const report: Report = verdict.value;
  const resolvable = isResolvable(report, handoff.complete);
  const now = deps.now();
  const botLogin = await deps.botLogin();

  // The app's pull requests and issues for this check, listed once: the PRs tell which findings a
  // person dismissed (closed unmerged); reconcilePr and reconcileIssue reuse the lists.
  const own = await listOwnItems(octokit, r, cr.name, botLogin);
  const prs: OwnPr[] = config.pullRequests.enabled ? own.prs : [];
  const { items, toFix, dismissed, reported } = planDelivery({
    findings: report.findings,
    config,
    now,
    dismissedBy: dismissedFingerprints(prs),
  });

  let snapshot: RepoSnapshot | null = null;
  let changes: FileChange[] = [];
  let fixed: { finding: Finding; notes: string[] }[] = [];
  let unfixed: { finding: Finding; reason: string }[] = [];
  let engineFailed = false;
  if (config.pullRequests.enabled && toFix.length > 0) {
    const preferred = new Set(toFix.flatMap((f) => (f.location ? [f.location.path] : [])));
    let base = headBranch === defaultBranch ? branchHead : null;
    if (!base) {
      const { data: b } = await octokit.rest.repos.getBranch({ ...r, branch: defaultBranch });
      base = { commitSha: b.commit.sha, treeSha: b.commit.commit.tree.sha };
    }
    snapshot = await readIacFiles(octokit, { ...r, ...base, preferred, log });
    let plan: Awaited<ReturnType<AppDeps["planFixes"]>>;
    try {
      plan = await deps.planFixes(snapshot.files, {
        config,
        report: { ...report, findings: toFix },
        now,
      });
    } catch (err) {
      // A bug or an input the engine did not expect: no pull request, but nothing is lost either.
      const message = shortError(err);
      log.error(
        { check: cr.name, sha: cr.head_sha, findings: toFix.length, error: message },
        "the fix engine failed; listing its findings in the tracking issue instead of opening a pull request",
      );
      snapshot = null;
      plan = {
        changes: [],
        fixed: [],
        unfixed: toFix.map((finding) => ({
          finding,
          reason: `the fix engine could not patch the code: ${message}`,
        })),
      };
      engineFailed = true;
    }
    const read = new Map((snapshot?.files ?? []).map((f) => [f.path, f.text]));
    changes = plan.changes.filter((c) => {
      const ok = read.get(c.path) === c.before && !unsafePathReason(c.path) && c.after !== c.before;
      if (!ok)
        log.warn(
          { path: c.path.slice(0, 200) },
          "dropping a change the engine made to a file it was not given",
        );
      return ok;
    });
    const byFp = new Map(toFix.map((f) => [f.fingerprint, f]));
    for (const x of plan.fixed) {
      if (!byFp.has(x.finding.fingerprint)) continue;
      if (changes.length === 0)
        unfixed.push({ finding: x.finding, reason: "no change could be made safely" });
      else fixed.push(x);
    }
    for (const x of plan.unfixed) {
      if (byFp.has(x.finding.fingerprint) && !x.finding.suppression) unfixed.push(x);
    }
    fixed = uniqueBy(fixed, (x) => x.finding.fingerprint);
    const fixedFps = new Set(fixed.map((x) => x.finding.fingerprint));
    unfixed = uniqueBy(
      unfixed.filter((x) => !fixedFps.has(x.finding.fingerprint)),
      (x) => x.finding.fingerprint,
    );
    const seen = new Set([...fixedFps, ...unfixed.map((x) => x.finding.fingerprint)]);
    for (const f of toFix) {
      if (!seen.has(f.fingerprint))
        unfixed.push({ finding: f, reason: "not found in this repository's IaC" });
    }
    for (const x of unfixed) {
      items.push({
        finding: x.finding,
        category: engineFailed ? "engine" : x.finding.rule === "LG004" ? "principal" : "unlocated",
        reason: x.reason,
      });
    }
  }

  const source = { check: cr.name, headSha: cr.head_sha, checkRunUrl: cr.html_url ?? undefined };
  const outcome: CheckRunOutcome = {};
  if (config.issues.enabled) {
    outcome.issue = await reconcileIssue(octokit, {
      ...source,
      repo: r,
      botLogin,
      config,
      items,
      resolvable,
      issues: own.issues,
      log,
    });
  }
  if (config.pullRequests.enabled) {
    outcome.pr = await reconcilePr(octokit, {
      ...source,
      repo: r,
      defaultBranch,
      botLogin,
      config,
      snapshot,
      changes,
      fixed,
      unfixed,
      dismissed,
      prs,
      reported,
      resolvable,
      issueNumber: outcome.issue?.number,
      log,
    });
  }
  log.info({ check: cr.name, pr: outcome.pr, issue: outcome.issue, resolvable }, "check run handled");
  return outcome;
}
