import * as core from "@actions/core";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  activeFindings,
  buildReport,
  DEFAULT_CONFIG_PATH,
  defaultConfig,
  errorMessage,
  InputError,
  isIncomplete,
  loadConfig,
  VERSION,
  type Config,
  type Report,
} from "../model/index.js";
import { checkRunOutput, type CheckRunOutput, MAX_OUTPUT_CHARS } from "../report/check-run.js";
import { renderJson, renderMarkdown, renderSarif } from "../report/index.js";
import { checksFor, describeChecksError, type ChecksApi, type OctokitOptions } from "./checks.js";
import { readContext, type RunContext } from "./context.js";
import { parseCheckInputs, parseInputs, resolveIacPath, type ActionInputs } from "./inputs.js";
import type { ScanFn } from "./scan.js";
import { readState, statePath, writeState, type ActionState } from "./state.js";
import {
  CredentialsProblem,
  credentialsSummary,
  credentialsTitle,
  type CredentialsFacts,
} from "./credentials.js";

export interface RunDeps {
  scan?: ScanFn;
  /** Extra Octokit options (tests inject `request: { fetch }` so nock sees the calls). */
  octokitOptions?: OctokitOptions;
  /** Replace the Checks API client entirely (unit tests). */
  checks?: (ctx: RunContext, token: string) => ChecksApi;
  now?: () => Date;
}

export interface RunResult {
  conclusion: CheckRunOutput["conclusion"];
  findings: number;
  highestSeverity: string;
  reportFile: string;
  sarifFile: string;
  checkRunId: number | null;
  report: Report;
}

/** Step summary files are limited to 1 MiB; stay well inside. */
const JOB_SUMMARY_MAX = 900_000;

type Env = Record<string, string | undefined>;

/** Keeps track of the check run so that it is always completed, whatever happens after it is created. */
class CheckSession {
  private completed = false;
  /** The completing update is saved for the finalizer: nothing here may complete the run any more. */
  private deferred = false;
  constructor(
    readonly api: ChecksApi,
    readonly id: number,
    readonly url: string | null,
    private readonly state: string,
    private readonly ctx: RunContext,
  ) {}

  static async start(
    api: ChecksApi,
    ctx: RunContext,
    name: string,
    statePathFor: string,
    now: Date,
  ): Promise<{ session: CheckSession | null; problem?: string; reused?: boolean }> {
    // action.yml's `start` step created it before asking AWS for credentials: carry on with that one.
    const earlier = readState(statePathFor);
    if (earlier && earlier.checkRunId > 0 && !earlier.completed && !earlier.pending) {
      return { session: new CheckSession(api, earlier.checkRunId, null, statePathFor, ctx), reused: true };
    }
    try {
      const created = await api.create({
        name,
        head_sha: ctx.headSha,
        status: "in_progress",
        started_at: now.toISOString(),
        ...(ctx.detailsUrl ? { details_url: ctx.detailsUrl } : {}),
        ...(ctx.runId ? { external_id: `${ctx.runId}/${ctx.runAttempt ?? "1"}` } : {}),
        output: {
          title: "Scanning…",
          summary: "Lambda Guard is scanning. This check completes when the scan ends.",
        },
      });
      const session = new CheckSession(api, created.id, created.html_url, statePathFor, ctx);
      try {
        writeState(statePathFor, {
          checkRunId: created.id,
          owner: ctx.owner,
          repo: ctx.repo,
          completed: false,
        });
        // Also for a JavaScript action's `post` (harmless in a composite step).
        if (process.env.GITHUB_STATE) core.saveState("check-run-id", String(created.id));
      } catch (err) {
        core.warning(`could not record the check run for the finalizer: ${errorMessage(err)}`);
      }
      return { session };
    } catch (err) {
      try {
        // Nothing for the finalizer to close.
        writeState(statePathFor, { checkRunId: 0, owner: ctx.owner, repo: ctx.repo, completed: true });
      } catch {
        // ignore
      }
      return {
        session: null,
        problem: describeChecksError(err, `create the check run '${name}' on ${ctx.headSha}`),
      };
    }
  }

  /**
   * Sends the annotations 50 per request, then completes the run. Never throws.
   *
   * With `defer`, every annotation batch is sent but the completing update is not: it is saved in the
   * state file for the finalizer, which sends it after the report artifact is uploaded (the app reacts
   * to `check_run.completed` and may download that artifact). If it cannot be saved, completes now.
   */
  async finish(out: CheckRunOutput, completedAt: Date, defer = false): Promise<string[]> {
    const problems: string[] = [];
    const base = { title: out.title, summary: out.summary, text: out.text };
    const batches = out.annotationBatches;
    const last = batches.length > 0 ? batches[batches.length - 1] : undefined;
    for (const batch of defer ? batches : batches.slice(0, -1)) {
      try {
        await this.api.update(this.id, { output: { ...base, annotations: batch } });
      } catch (err) {
        problems.push(describeChecksError(err, `add ${batch.length} annotations`));
        break;
      }
    }
    const done = {
      status: "completed" as const,
      conclusion: out.conclusion,
      completed_at: completedAt.toISOString(),
    };
    if (defer) {
      try {
        this.writeRecord({
          completed: false,
          pending: { conclusion: done.conclusion, completed_at: done.completed_at, output: base },
        });
        this.deferred = true;
        core.info(
          `Check run ${this.id}: the finalizer completes it (${out.conclusion}) after the report upload.`,
        );
        return problems;
      } catch (err) {
        problems.push(
          `could not leave the check run to the finalizer, completing it now: ${errorMessage(err)}`,
        );
      }
    }
    const attempts: CheckOutputAttempt[] = [
      ...(last && problems.length === 0 && !defer ? [{ ...base, annotations: last }] : []),
      base,
      {
        title: out.title,
        summary: "The summary could not be attached; see the job summary and the report artifact.",
      },
    ];
    for (const output of attempts) {
      try {
        await this.api.update(this.id, { ...done, output });
        this.markCompleted();
        return problems;
      } catch (err) {
        problems.push(describeChecksError(err, "complete the check run"));
      }
    }
    return problems;
  }

  async abort(
    reason: string,
    conclusion: "failure" | "neutral",
    completedAt: Date,
    title = "Lambda Guard could not run",
  ): Promise<void> {
    if (this.completed || this.deferred) return;
    try {
      await this.api.update(this.id, {
        status: "completed",
        conclusion,
        completed_at: completedAt.toISOString(),
        output: {
          title,
          summary: `${reason.slice(0, 60_000)}${this.ctx.detailsUrl ? `\n\nSee the [job log](${this.ctx.detailsUrl}).` : ""}`,
        },
      });
      this.markCompleted();
    } catch (err) {
      core.warning(describeChecksError(err, "complete the check run"));
    }
  }

  private markCompleted(): void {
    this.completed = true;
    try {
      this.writeRecord({ completed: true });
    } catch {
      // The finalizer would complete it a second time: harmless.
    }
  }

  private writeRecord(rest: Pick<ActionState, "completed" | "pending">): void {
    writeState(this.state, { checkRunId: this.id, owner: this.ctx.owner, repo: this.ctx.repo, ...rest });
  }
}

type CheckOutputAttempt = Parameters<ChecksApi["update"]>[1]["output"];

async function loadActionConfig(file: string, workspace: string): Promise<{ config: Config; path?: string }> {
  const abs = resolve(workspace, file);
  if (file === DEFAULT_CONFIG_PATH && !existsSync(abs)) return { config: defaultConfig() };
  try {
    const { config } = await loadConfig(abs);
    return { config, path: abs };
  } catch (err) {
    if (err instanceof InputError) throw new InputError(err.message.replace(abs, file), "input 'config'");
    throw err;
  }
}

/** A report that says the scan failed, so the same renderers, outputs and check flow apply. */
function failedReport(inputs: ActionInputs, ctx: RunContext, reason: string, now: Date): Report {
  return buildReport({
    version: VERSION,
    target:
      inputs.mode === "iac"
        ? { kind: "iac", root: inputs.iacPath, repository: ctx.repository, commit: ctx.headSha }
        : {
            kind: "aws-account",
            accountId: "unknown",
            partition: "aws",
            regions: [],
            repository: ctx.repository,
            commit: ctx.headSha,
          },
    coverage: [{ scope: `${inputs.mode}/scan`, status: "failed", detail: reason }],
    findings: [],
    now,
  });
}

/** This workflow run, for the marker: the app finds the artifact by it (no `details_url` needed). */
function runOf(ctx: RunContext): { run?: { id: number; attempt?: number } } {
  const id = Number(ctx.runId);
  if (!Number.isSafeInteger(id) || id <= 0) return {};
  const attempt = Number(ctx.runAttempt);
  return { run: { id, ...(Number.isSafeInteger(attempt) && attempt > 0 ? { attempt } : {}) } };
}

function credentialsFrom(env: Env) {
  const accessKeyId = env.LAMBDA_GUARD_AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.LAMBDA_GUARD_AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) return undefined;
  const sessionToken = env.LAMBDA_GUARD_AWS_SESSION_TOKEN;
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

async function writeJobSummary(markdown: string, notes: string[]): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const prefix = notes.map((n) => `> [!WARNING]\n> ${n.replace(/\n/g, "\n> ")}\n\n`).join("");
  try {
    await core.summary.addRaw(prefix + markdown, true).write();
  } catch (err) {
    core.warning(`could not write the job summary: ${errorMessage(err)}`);
  }
}

/**
 * Set by action.yml on the scan step: the `finalize` step, which runs after the report artifact is
 * uploaded, sends the completing update. Unset (dist/action/index.js run on its own), `run()` completes it.
 */
export const DEFER_COMPLETION_ENV = "LAMBDA_GUARD_DEFER_COMPLETION";

/** Set by action.yml to the configure-aws-credentials step's outcome (`failure` when it could not). */
export const CREDENTIALS_OUTCOME_ENV = "LAMBDA_GUARD_CREDENTIALS_OUTCOME";

function deferCompletion(env: Env): boolean {
  return /^(true|1)$/i.test((env[DEFER_COMPLETION_ENV] ?? "").trim());
}

/**
 * Creates the check run `in_progress` (or picks up the one the `start` step created), so a required
 * check is visible from the first second, before credentials or the scan can fail.
 */
async function openCheck(
  env: Env,
  deps: RunDeps,
  now: () => Date,
): Promise<{
  session: CheckSession | null;
  ctx: RunContext;
  checkInputs: ReturnType<typeof parseCheckInputs>;
  notes: string[];
}> {
  const checkInputs = parseCheckInputs(env);
  const ctx = readContext(env, checkInputs.headSha);
  const notes: string[] = [];
  let session: CheckSession | null = null;
  if (!checkInputs.githubToken) {
    notes.push(
      "No GitHub token: set 'github-token' (default github.token) so the check run can be reported.",
    );
    core.warning(notes[notes.length - 1]!);
  } else if (!ctx.headSha) {
    notes.push("No commit to report on: set 'head-sha' or run on an event with a commit.");
    core.warning(notes[notes.length - 1]!);
  } else {
    const api = deps.checks
      ? deps.checks(ctx, checkInputs.githubToken)
      : checksFor(checkInputs.githubToken, ctx.owner, ctx.repo, env, deps.octokitOptions);
    const started = await CheckSession.start(
      api,
      ctx,
      checkInputs.checkName,
      statePath(env, checkInputs.checkName, ctx.headSha),
      now(),
    );
    session = started.session;
    if (started.problem) {
      notes.push(started.problem);
      core.warning(started.problem);
    } else if (session) {
      core.setOutput("check-run-id", String(session.id));
      core.info(
        started.reused
          ? `Check run ${session.id} ('${checkInputs.checkName}'), created by the start step: scanning now.`
          : `Check run '${checkInputs.checkName}' created on ${ctx.headSha}${session.url ? `: ${session.url}` : ""}`,
      );
    }
  }
  return { session, ctx, checkInputs, notes };
}

/**
 * action.yml's first step: only creates the check run, before configure-aws-credentials runs, so that
 * refused credentials still end in a completed, failing check (the scan step completes it). Never fails
 * the job: without a check run the scan step still reports through the job summary.
 */
export async function start(deps: RunDeps = {}): Promise<number | null> {
  const now = deps.now ?? (() => new Date());
  try {
    // Problems (a read-only token) are warned about here; the scan step repeats them in the job summary.
    const { session } = await openCheck(process.env, deps, now);
    return session?.id ?? null;
  } catch (err) {
    core.warning(`could not create the check run yet: ${errorMessage(err)}; the scan step tries again`);
    return null;
  }
}

export async function run(deps: RunDeps = {}): Promise<RunResult | undefined> {
  const env: Env = process.env;
  const now = deps.now ?? (() => new Date());
  let session: CheckSession | null = null;
  let incompletePolicy: "failure" | "neutral" = "failure";
  try {
    const opened = await openCheck(env, deps, now);
    const { ctx, notes } = opened;
    session = opened.session;

    let inputs: ActionInputs;
    let config: Config;
    let configPath: string | undefined;
    try {
      inputs = parseInputs(env);
      incompletePolicy = inputs.incomplete;
      if (inputs.mode !== "account") resolveIacPath(ctx.workspace, inputs.iacPath);
      ({ config, path: configPath } = await loadActionConfig(inputs.config, ctx.workspace));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      const message = `${err.message}`;
      await session?.abort(`Invalid input: ${message}`, "failure", now());
      await writeJobSummary(`## Lambda Guard could not run\n\n${message}\n`, notes);
      core.setFailed(message);
      return undefined;
    }

    const failOn = inputs.failOn ?? config.failOn;
    let report: Report;
    // Loaded here, not at the top: the start step (the same module) only creates the check run and must
    // not pay for the AWS SDK and the IaC parsers on every workflow run.
    const scan = deps.scan ?? (await import("./scan.js")).defaultScan;
    const facts: CredentialsFacts = {
      repository: ctx.repository,
      roleToAssume: inputs.roleToAssume,
      audience: inputs.audience,
      allowedAccountIds: inputs.allowedAccountIds,
    };
    try {
      if (inputs.mode !== "iac" && (env[CREDENTIALS_OUTCOME_ENV] ?? "").trim() === "failure") {
        throw new CredentialsProblem(
          "not-obtained",
          `aws-actions/configure-aws-credentials could not assume ${inputs.roleToAssume ?? "the role"} with GitHub's OIDC token.`,
        );
      }
      core.info(`Scanning (${inputs.mode})…`);
      const credentials = credentialsFrom(env);
      const homeRegion = env.LAMBDA_GUARD_AWS_REGION || env.AWS_REGION || env.AWS_DEFAULT_REGION;
      report = await scan({
        mode: inputs.mode,
        regions: inputs.regions ?? config.regions,
        lookbackDays: inputs.lookbackDays ?? config.lookbackDays,
        apiBudget: inputs.apiBudget,
        ...(inputs.timeout ? { timeout: inputs.timeout } : {}),
        ...(configPath ? { configPath } : {}),
        config,
        iacPath: inputs.iacPath,
        workspace: ctx.workspace,
        ...(inputs.endpointUrl ? { endpointUrl: inputs.endpointUrl } : {}),
        ...(inputs.rules ? { rules: inputs.rules } : {}),
        ...(inputs.securityHub ? { securityHub: true } : {}),
        ...(credentials ? { credentials } : {}),
        ...(homeRegion ? { homeRegion } : {}),
        ...(inputs.organization ? { organization: inputs.organization } : {}),
        ...(inputs.reports ? { reports: inputs.reports } : {}),
        ...(inputs.allowedAccountIds.length ? { allowedAccountIds: inputs.allowedAccountIds } : {}),
      });
    } catch (err) {
      if (err instanceof CredentialsProblem) {
        const summary = credentialsSummary(err, { ...facts, accountId: err.accountId });
        core.error(`${credentialsTitle(err.kind)}: ${err.detail}`);
        await session?.abort(summary, "failure", now(), credentialsTitle(err.kind));
        await writeJobSummary(`## ${credentialsTitle(err.kind)}\n\n${summary}\n`, notes);
        core.setOutput("conclusion", "failure");
        if (!session) core.setOutput("check-run-id", "");
        core.setFailed(`${credentialsTitle(err.kind)}: ${err.detail}`);
        return undefined;
      }
      const reason = errorMessage(err);
      core.error(`The scan failed: ${reason}`);
      report = failedReport(inputs, ctx, reason, now());
    }
    report = { ...report, target: { ...report.target, repository: ctx.repository, commit: ctx.headSha } };

    // Files for upload-artifact and upload-sarif.
    const outDir = join(env.RUNNER_TEMP || resolve(ctx.workspace, ".lambda-guard"), "lambda-guard");
    mkdirSync(outDir, { recursive: true });
    const reportFile = join(outDir, `${inputs.artifactName}.json`);
    const sarifFile = join(outDir, "lambda-guard.sarif");
    writeFileSync(reportFile, renderJson(report));
    writeFileSync(sarifFile, `${JSON.stringify(renderSarif(report, { onlyLocated: true }), null, 2)}\n`);

    const out = checkRunOutput(report, {
      failOn,
      incomplete: inputs.incomplete,
      repository: ctx.repository,
      commit: ctx.headSha,
      artifactName: inputs.artifactName,
      ...runOf(ctx),
      maxLength: MAX_OUTPUT_CHARS,
    });
    if (session) {
      const problems = await session.finish(out, now(), deferCompletion(env));
      for (const p of problems) {
        core.warning(p);
        notes.push(p);
      }
    }

    const active = activeFindings(report);
    await writeJobSummary(
      renderMarkdown(report, { maxLength: JOB_SUMMARY_MAX, artifactName: inputs.artifactName }),
      notes,
    );
    core.setOutput("conclusion", out.conclusion);
    core.setOutput("findings", String(active.length));
    core.setOutput("highest-severity", out.highestSeverity ?? "none");
    core.setOutput("report-file", reportFile);
    core.setOutput("sarif-file", sarifFile);
    if (!session) core.setOutput("check-run-id", "");
    core.info(`${out.title} → ${out.conclusion} (fail-on: ${failOn})`);

    if (out.conclusion === "failure") {
      core.setFailed(
        `Lambda Guard: ${out.title} (fail-on: ${failOn}${isIncomplete(report.coverage) ? `, incomplete: ${inputs.incomplete}` : ""})`,
      );
    }
    return {
      conclusion: out.conclusion,
      findings: active.length,
      highestSeverity: out.highestSeverity ?? "none",
      reportFile,
      sarifFile,
      checkRunId: session?.id ?? null,
      report,
    };
  } catch (err) {
    const message = err instanceof InputError ? err.message : `unexpected error: ${errorMessage(err)}`;
    await session?.abort(message, incompletePolicy, now());
    core.setFailed(message);
    return undefined;
  }
}
