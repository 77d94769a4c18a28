import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  AwsClients,
  mergeReports,
  renderJson,
  renderSarif,
  scanAccount
} from "../chunks/chunk-ZHJV6PSO.js";
import {
  repoPrefix,
  scanIac
} from "../chunks/chunk-EQO75VRR.js";
import "../chunks/chunk-5RPVK5YB.js";
import "../chunks/chunk-GQOB2N7Z.js";
import "../chunks/chunk-V55NQNZI.js";
import "../chunks/chunk-YK5OR6JL.js";
import "../chunks/chunk-U5GZZNFQ.js";
import "../chunks/chunk-IB6KOAYE.js";
import {
  describeChecksError,
  error,
  getOctokit,
  info,
  octokitChecks,
  parseCheckInputs,
  parseInputs,
  readContext,
  saveState,
  setFailed,
  setOutput,
  statePath,
  summary,
  warning,
  writeState
} from "../chunks/chunk-7X4LZV6T.js";
import "../chunks/chunk-75E5FFQV.js";
import {
  MAX_OUTPUT_CHARS,
  checkRunOutput
} from "../chunks/chunk-7UB6RAKB.js";
import {
  renderMarkdown
} from "../chunks/chunk-BO5MT2CP.js";
import {
  DEFAULT_CONFIG_PATH,
  defaultConfig,
  loadConfig
} from "../chunks/chunk-ZQ6YMG2R.js";
import {
  InputError,
  RULE_IDS,
  VERSION,
  activeFindings,
  buildReport,
  errorMessage,
  summarize
} from "../chunks/chunk-WAXEVTA2.js";
import "../chunks/chunk-6KU2NTFT.js";
import "../chunks/chunk-G2XEM326.js";
import "../chunks/chunk-DAP5CXRL.js";
import "../chunks/chunk-LYD5ERHY.js";

// src/action/main.ts
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve as resolve2 } from "node:path";

// src/action/scan.ts
import { resolve } from "node:path";
async function account(req) {
  const clients = new AwsClients({
    apiBudget: req.apiBudget,
    ...req.endpointUrl ? { endpointUrl: req.endpointUrl } : {},
    ...req.credentials ? { credentials: req.credentials } : {},
    ...req.homeRegion ? { homeRegion: req.homeRegion } : {}
  });
  try {
    return await scanAccount({
      clients,
      regions: req.regions,
      lookbackDays: req.lookbackDays,
      rules: req.rules ?? [...RULE_IDS],
      config: req.config,
      confirmWithSimulator: false
    });
  } finally {
    clients.destroy();
  }
}
async function iac(req) {
  const root = resolve(req.workspace, req.iacPath);
  const { report } = await scanIac(root, { config: req.config, prefix: repoPrefix(req.workspace, root) });
  const rules = req.rules;
  if (!rules) return report;
  const findings = report.findings.filter((f) => rules.includes(f.rule));
  return { ...report, findings, summary: summarize(findings) };
}
var defaultScan = async (req) => {
  switch (req.mode) {
    case "account":
      return account(req);
    case "iac":
      return iac(req);
    case "both": {
      const [a, i] = await Promise.all([account(req), iac(req)]);
      return mergeReports([a, i]);
    }
  }
};

// src/action/main.ts
var JOB_SUMMARY_MAX = 9e5;
var CheckSession = class _CheckSession {
  constructor(api, id, url, state, ctx) {
    this.api = api;
    this.id = id;
    this.url = url;
    this.state = state;
    this.ctx = ctx;
  }
  api;
  id;
  url;
  state;
  ctx;
  completed = false;
  /** The completing update is saved for the finalizer: nothing here may complete the run any more. */
  deferred = false;
  static async start(api, ctx, name, statePathFor, now) {
    try {
      const created = await api.create({
        name,
        head_sha: ctx.headSha,
        status: "in_progress",
        started_at: now.toISOString(),
        ...ctx.detailsUrl ? { details_url: ctx.detailsUrl } : {},
        ...ctx.runId ? { external_id: `${ctx.runId}/${ctx.runAttempt ?? "1"}` } : {},
        output: {
          title: "Scanning\u2026",
          summary: "Lambda Guard is scanning. This check completes when the scan ends."
        }
      });
      const session = new _CheckSession(api, created.id, created.html_url, statePathFor, ctx);
      try {
        writeState(statePathFor, {
          checkRunId: created.id,
          owner: ctx.owner,
          repo: ctx.repo,
          completed: false
        });
        if (process.env.GITHUB_STATE) saveState("check-run-id", String(created.id));
      } catch (err) {
        warning(`could not record the check run for the finalizer: ${errorMessage(err)}`);
      }
      return { session };
    } catch (err) {
      try {
        writeState(statePathFor, { checkRunId: 0, owner: ctx.owner, repo: ctx.repo, completed: true });
      } catch {
      }
      return {
        session: null,
        problem: describeChecksError(err, `create the check run '${name}' on ${ctx.headSha}`)
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
  async finish(out, completedAt, defer = false) {
    const problems = [];
    const base = { title: out.title, summary: out.summary, text: out.text };
    const batches = out.annotationBatches;
    const last = batches.length > 0 ? batches[batches.length - 1] : void 0;
    for (const batch of defer ? batches : batches.slice(0, -1)) {
      try {
        await this.api.update(this.id, { output: { ...base, annotations: batch } });
      } catch (err) {
        problems.push(describeChecksError(err, `add ${batch.length} annotations`));
        break;
      }
    }
    const done = {
      status: "completed",
      conclusion: out.conclusion,
      completed_at: completedAt.toISOString()
    };
    if (defer) {
      try {
        this.writeRecord({
          completed: false,
          pending: { conclusion: done.conclusion, completed_at: done.completed_at, output: base }
        });
        this.deferred = true;
        info(
          `Check run ${this.id}: the finalizer completes it (${out.conclusion}) after the report upload.`
        );
        return problems;
      } catch (err) {
        problems.push(
          `could not leave the check run to the finalizer, completing it now: ${errorMessage(err)}`
        );
      }
    }
    const attempts = [
      ...last && problems.length === 0 && !defer ? [{ ...base, annotations: last }] : [],
      base,
      {
        title: out.title,
        summary: "The summary could not be attached; see the job summary and the report artifact."
      }
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
  async abort(reason, conclusion, completedAt) {
    if (this.completed || this.deferred) return;
    try {
      await this.api.update(this.id, {
        status: "completed",
        conclusion,
        completed_at: completedAt.toISOString(),
        output: {
          title: "Lambda Guard could not run",
          summary: `${reason.slice(0, 6e4)}${this.ctx.detailsUrl ? `

See the [job log](${this.ctx.detailsUrl}).` : ""}`
        }
      });
      this.markCompleted();
    } catch (err) {
      warning(describeChecksError(err, "complete the check run"));
    }
  }
  markCompleted() {
    this.completed = true;
    try {
      this.writeRecord({ completed: true });
    } catch {
    }
  }
  writeRecord(rest) {
    writeState(this.state, { checkRunId: this.id, owner: this.ctx.owner, repo: this.ctx.repo, ...rest });
  }
};
async function loadActionConfig(file, workspace) {
  const abs = resolve2(workspace, file);
  if (file === DEFAULT_CONFIG_PATH && !existsSync(abs)) return { config: defaultConfig() };
  try {
    const { config } = await loadConfig(abs);
    return { config, path: abs };
  } catch (err) {
    if (err instanceof InputError) throw new InputError(err.message.replace(abs, file), "input 'config'");
    throw err;
  }
}
function failedReport(inputs, ctx, reason, now) {
  return buildReport({
    version: VERSION,
    target: inputs.mode === "iac" ? { kind: "iac", root: inputs.iacPath, repository: ctx.repository, commit: ctx.headSha } : {
      kind: "aws-account",
      accountId: "unknown",
      partition: "aws",
      regions: [],
      repository: ctx.repository,
      commit: ctx.headSha
    },
    coverage: [{ scope: `${inputs.mode}/scan`, status: "failed", detail: reason }],
    findings: [],
    now
  });
}
function credentialsFrom(env) {
  const accessKeyId = env.LAMBDA_GUARD_AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.LAMBDA_GUARD_AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) return void 0;
  const sessionToken = env.LAMBDA_GUARD_AWS_SESSION_TOKEN;
  return { accessKeyId, secretAccessKey, ...sessionToken ? { sessionToken } : {} };
}
async function writeJobSummary(markdown, notes) {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const prefix = notes.map((n) => `> [!WARNING]
> ${n.replace(/\n/g, "\n> ")}

`).join("");
  try {
    await summary.addRaw(prefix + markdown, true).write();
  } catch (err) {
    warning(`could not write the job summary: ${errorMessage(err)}`);
  }
}
var DEFER_COMPLETION_ENV = "LAMBDA_GUARD_DEFER_COMPLETION";
function deferCompletion(env) {
  return /^(true|1)$/i.test((env[DEFER_COMPLETION_ENV] ?? "").trim());
}
async function run(deps = {}) {
  const env = process.env;
  const now = deps.now ?? (() => /* @__PURE__ */ new Date());
  let session = null;
  let incompletePolicy = "failure";
  try {
    const checkInputs = parseCheckInputs(env);
    const ctx = readContext(env, checkInputs.headSha);
    const notes = [];
    if (!checkInputs.githubToken) {
      notes.push(
        "No GitHub token: set 'github-token' (default github.token) so the check run can be reported."
      );
      warning(notes[notes.length - 1]);
    } else if (!ctx.headSha) {
      notes.push("No commit to report on: set 'head-sha' or run on an event with a commit.");
      warning(notes[notes.length - 1]);
    } else {
      const api = deps.checks ? deps.checks(ctx, checkInputs.githubToken) : octokitChecks(
        getOctokit(checkInputs.githubToken, {
          ...env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {},
          ...deps.octokitOptions ?? {}
        }),
        ctx.owner,
        ctx.repo
      );
      const started = await CheckSession.start(
        api,
        ctx,
        checkInputs.checkName,
        statePath(env, checkInputs.checkName, ctx.headSha),
        now()
      );
      session = started.session;
      if (started.problem) {
        notes.push(started.problem);
        warning(started.problem);
      } else if (session) {
        setOutput("check-run-id", String(session.id));
        info(
          `Check run '${checkInputs.checkName}' created on ${ctx.headSha}${session.url ? `: ${session.url}` : ""}`
        );
      }
    }
    let inputs;
    let config;
    let configPath;
    try {
      inputs = parseInputs(env);
      incompletePolicy = inputs.incomplete;
      ({ config, path: configPath } = await loadActionConfig(inputs.config, ctx.workspace));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      const message = `${err.message}`;
      await session?.abort(`Invalid input: ${message}`, "failure", now());
      await writeJobSummary(`## Lambda Guard could not run

${message}
`, notes);
      setFailed(message);
      return void 0;
    }
    const failOn = inputs.failOn ?? config.failOn;
    let report;
    const scan = deps.scan ?? defaultScan;
    try {
      info(`Scanning (${inputs.mode})\u2026`);
      const credentials = credentialsFrom(env);
      const homeRegion = env.LAMBDA_GUARD_AWS_REGION || env.AWS_REGION || env.AWS_DEFAULT_REGION;
      report = await scan({
        mode: inputs.mode,
        regions: inputs.regions ?? config.regions,
        lookbackDays: inputs.lookbackDays ?? config.lookbackDays,
        apiBudget: inputs.apiBudget,
        ...configPath ? { configPath } : {},
        config,
        iacPath: inputs.iacPath,
        workspace: ctx.workspace,
        ...inputs.endpointUrl ? { endpointUrl: inputs.endpointUrl } : {},
        ...inputs.rules ? { rules: inputs.rules } : {},
        ...credentials ? { credentials } : {},
        ...homeRegion ? { homeRegion } : {}
      });
    } catch (err) {
      const reason = errorMessage(err);
      error(`The scan failed: ${reason}`);
      report = failedReport(inputs, ctx, reason, now());
    }
    report = { ...report, target: { ...report.target, repository: ctx.repository, commit: ctx.headSha } };
    const outDir = join(env.RUNNER_TEMP || resolve2(ctx.workspace, ".lambda-guard"), "lambda-guard");
    mkdirSync(outDir, { recursive: true });
    const reportFile = join(outDir, `${inputs.artifactName}.json`);
    const sarifFile = join(outDir, "lambda-guard.sarif");
    writeFileSync(reportFile, renderJson(report));
    writeFileSync(sarifFile, `${JSON.stringify(renderSarif(report, { onlyLocated: true }), null, 2)}
`);
    const out = checkRunOutput(report, {
      failOn,
      incomplete: inputs.incomplete,
      repository: ctx.repository,
      commit: ctx.headSha,
      artifactName: inputs.artifactName,
      maxLength: MAX_OUTPUT_CHARS
    });
    if (session) {
      const problems = await session.finish(out, now(), deferCompletion(env));
      for (const p of problems) {
        warning(p);
        notes.push(p);
      }
    }
    const active = activeFindings(report);
    await writeJobSummary(
      renderMarkdown(report, { maxLength: JOB_SUMMARY_MAX, artifactName: inputs.artifactName }),
      notes
    );
    setOutput("conclusion", out.conclusion);
    setOutput("findings", String(active.length));
    setOutput("highest-severity", out.highestSeverity ?? "none");
    setOutput("report-file", reportFile);
    setOutput("sarif-file", sarifFile);
    if (!session) setOutput("check-run-id", "");
    info(`${out.title} \u2192 ${out.conclusion} (fail-on: ${failOn})`);
    if (out.conclusion === "failure") {
      setFailed(
        `Lambda Guard: ${out.title} (fail-on: ${failOn}${report.coverage.some((c) => c.status === "failed" || c.status === "partial") ? `, incomplete: ${inputs.incomplete}` : ""})`
      );
    }
    return {
      conclusion: out.conclusion,
      findings: active.length,
      highestSeverity: out.highestSeverity ?? "none",
      reportFile,
      sarifFile,
      checkRunId: session?.id ?? null,
      report
    };
  } catch (err) {
    const message = err instanceof InputError ? err.message : `unexpected error: ${errorMessage(err)}`;
    await session?.abort(message, incompletePolicy, now());
    setFailed(message);
    return void 0;
  }
}

// src/action/index.ts
await run();
