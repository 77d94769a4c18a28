import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  CredentialsProblem,
  credentialsSummary,
  credentialsTitle
} from "./chunk-G2FYUFJQ.js";
import {
  byteLength,
  renderJson,
  renderMarkdown,
  renderSarif
} from "./chunk-KIWNMDSZ.js";
import {
  countsPhrase,
  coverageProblems,
  plural,
  resourceLabel
} from "./chunk-AGXIWYW7.js";
import {
  checksFor,
  describeChecksError,
  parseCheckInputs,
  parseInputs,
  readContext,
  readState,
  resolveIacPath,
  statePath,
  writeState
} from "./chunk-6WDGAD6T.js";
import {
  error,
  info,
  saveState,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunk-3IJVQIT4.js";
import {
  buildHandoff,
  handoffMarker
} from "./chunk-W33SWCQ6.js";
import {
  DEFAULT_ARTIFACT_NAME
} from "./chunk-74QD6PXN.js";
import {
  VERSION
} from "./chunk-KOHQH5XZ.js";
import {
  DEFAULT_CONFIG_PATH,
  defaultConfig,
  loadConfig
} from "./chunk-P2NUQOZL.js";
import {
  InputError,
  RULES,
  errorMessage
} from "./chunk-JAJAJYEP.js";
import {
  activeFindings,
  buildReport,
  highestSeverity,
  isIncomplete,
  meetsThreshold
} from "./chunk-4GMCL7QT.js";

// src/action/main.ts
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

// src/report/check-run.ts
var MAX_ANNOTATIONS_PER_REQUEST = 50;
var MAX_OUTPUT_CHARS = 65535;
var MAX_ANNOTATION_DETAIL_BYTES = 64 * 1024;
var MAX_ANNOTATION_TITLE_CHARS = 255;
var ANNOTATION_LEVEL = {
  critical: "failure",
  high: "failure",
  medium: "warning",
  low: "notice"
};
function checkConclusion(report, policy) {
  const active = activeFindings(report);
  if (active.some((f) => meetsThreshold(f.severity, policy.failOn))) return "failure";
  if (isIncomplete(report.coverage))
    return (policy.incomplete ?? "failure") === "failure" ? "failure" : "neutral";
  return active.length > 0 ? "neutral" : "success";
}
function checkTitle(report) {
  const active = activeFindings(report);
  const parts = [];
  const incomplete = isIncomplete(report.coverage);
  if (active.length === 0) {
    parts.push(
      incomplete ? "No findings in what could be scanned" : "No public Lambda functions or missing ListTags grants found"
    );
  } else parts.push(countsPhrase(report).replace(/^./, (c) => c.toUpperCase()));
  const suppressed = report.findings.length - active.length;
  if (suppressed > 0) parts.push(`${suppressed} suppressed`);
  const problems = coverageProblems(report);
  if (problems.length > 0)
    parts.push(`scan incomplete (${plural(problems.length, "scope")} not fully scanned)`);
  return clip(parts.join(" \xB7 "), 255);
}
function clip(s, chars) {
  const cps = [...s];
  return cps.length <= chars ? s : `${cps.slice(0, chars - 1).join("")}\u2026`;
}
function clipBytes(s, bytes) {
  if (byteLength(s) <= bytes) return s;
  const buf = Buffer.from(s, "utf8");
  let end = bytes - 3;
  while (end > 0 && (buf[end] & 192) === 128) end--;
  return `${buf.subarray(0, end).toString("utf8")}\u2026`;
}
function annotation(f) {
  const loc = f.location;
  const where = f.resource.arn ? `

Resource: ${f.resource.arn}` : "";
  const details = [
    `Fix: ${f.remediation.summary}`,
    ...f.remediation.commands?.length ? ["", ...f.remediation.commands] : [],
    "",
    `${f.rule} ${RULES[f.rule].name}: ${RULES[f.rule].helpUri}`,
    `Fingerprint: ${f.fingerprint}`
  ].join("\n");
  const a = {
    path: loc.path,
    start_line: loc.startLine,
    end_line: Math.max(loc.endLine, loc.startLine),
    annotation_level: ANNOTATION_LEVEL[f.severity],
    title: clip(`${f.rule} (${f.severity}): ${f.title} \u2014 ${resourceLabel(f)}`, MAX_ANNOTATION_TITLE_CHARS),
    message: clipBytes(`${f.message}${where}`, MAX_ANNOTATION_DETAIL_BYTES),
    raw_details: clipBytes(details, MAX_ANNOTATION_DETAIL_BYTES)
  };
  if (loc.startLine === loc.endLine && loc.startColumn !== void 0 && loc.endColumn !== void 0) {
    a.start_column = loc.startColumn;
    a.end_column = loc.endColumn;
  }
  return a;
}
function toAnnotations(report) {
  return activeFindings(report).filter((f) => f.location).map(annotation);
}
function batchAnnotations(items, size = MAX_ANNOTATIONS_PER_REQUEST) {
  if (!(size >= 1)) throw new RangeError("batch size must be at least 1");
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
function checkRunText(report, opts = {}) {
  const max = opts.maxLength ?? MAX_OUTPUT_CHARS;
  const artifact = opts.artifactName ?? DEFAULT_ARTIFACT_NAME;
  const full = buildHandoff(report, opts);
  const intro = (p) => `The full report (JSON, schema lambda-guard/report@1) is the workflow run's artifact \`${artifact}\`.${p.truncated ? ` The machine-readable list below holds ${p.findings.length} of ${full.findings.length} findings.` : ""}

`;
  const render = (p) => `${intro(p)}${handoffMarker(p)}
`;
  const fits = (p) => byteLength(render(p)) <= max;
  if (fits(full)) return { text: render(full), handoff: full };
  let lo = 0;
  let hi = full.findings.length - 1;
  let best = { ...full, truncated: true, findings: [] };
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const p = { ...full, truncated: true, findings: full.findings.slice(0, mid) };
    if (fits(p)) {
      best = p;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return { text: render(best), handoff: best };
}
function checkRunOutput(report, opts) {
  const max = opts.maxLength ?? MAX_OUTPUT_CHARS;
  const { text, handoff } = checkRunText(report, { ...opts, maxLength: max });
  return {
    conclusion: checkConclusion(report, opts),
    title: checkTitle(report),
    summary: renderMarkdown(report, {
      maxLength: max,
      artifactName: opts.artifactName ?? DEFAULT_ARTIFACT_NAME
    }),
    text,
    annotationBatches: batchAnnotations(toAnnotations(report)),
    handoff,
    highestSeverity: highestSeverity(activeFindings(report).map((f) => f.severity))
  };
}

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
    const earlier = readState(statePathFor);
    if (earlier && earlier.checkRunId > 0 && !earlier.completed && !earlier.pending) {
      return { session: new _CheckSession(api, earlier.checkRunId, null, statePathFor, ctx), reused: true };
    }
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
  async abort(reason, conclusion, completedAt, title = "Lambda Guard could not run") {
    if (this.completed || this.deferred) return;
    try {
      await this.api.update(this.id, {
        status: "completed",
        conclusion,
        completed_at: completedAt.toISOString(),
        output: {
          title,
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
function runOf(ctx) {
  const id = Number(ctx.runId);
  if (!Number.isSafeInteger(id) || id <= 0) return {};
  const attempt = Number(ctx.runAttempt);
  return { run: { id, ...Number.isSafeInteger(attempt) && attempt > 0 ? { attempt } : {} } };
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
var CREDENTIALS_OUTCOME_ENV = "LAMBDA_GUARD_CREDENTIALS_OUTCOME";
function deferCompletion(env) {
  return /^(true|1)$/i.test((env[DEFER_COMPLETION_ENV] ?? "").trim());
}
async function openCheck(env, deps, now) {
  const checkInputs = parseCheckInputs(env);
  const ctx = readContext(env, checkInputs.headSha);
  const notes = [];
  let session = null;
  if (!checkInputs.githubToken) {
    notes.push(
      "No GitHub token: set 'github-token' (default github.token) so the check run can be reported."
    );
    warning(notes[notes.length - 1]);
  } else if (!ctx.headSha) {
    notes.push("No commit to report on: set 'head-sha' or run on an event with a commit.");
    warning(notes[notes.length - 1]);
  } else {
    const api = deps.checks ? deps.checks(ctx, checkInputs.githubToken) : checksFor(checkInputs.githubToken, ctx.owner, ctx.repo, env, deps.octokitOptions);
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
        started.reused ? `Check run ${session.id} ('${checkInputs.checkName}'), created by the start step: scanning now.` : `Check run '${checkInputs.checkName}' created on ${ctx.headSha}${session.url ? `: ${session.url}` : ""}`
      );
    }
  }
  return { session, ctx, checkInputs, notes };
}
async function start(deps = {}) {
  const now = deps.now ?? (() => /* @__PURE__ */ new Date());
  try {
    const { session } = await openCheck(process.env, deps, now);
    return session?.id ?? null;
  } catch (err) {
    warning(`could not create the check run yet: ${errorMessage(err)}; the scan step tries again`);
    return null;
  }
}
async function run(deps = {}) {
  const env = process.env;
  const now = deps.now ?? (() => /* @__PURE__ */ new Date());
  let session = null;
  let incompletePolicy = "failure";
  try {
    const opened = await openCheck(env, deps, now);
    const { ctx, notes } = opened;
    session = opened.session;
    let inputs;
    let config;
    let configPath;
    try {
      inputs = parseInputs(env);
      incompletePolicy = inputs.incomplete;
      if (inputs.mode !== "account") resolveIacPath(ctx.workspace, inputs.iacPath);
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
    const scan = deps.scan ?? (await import("./scan-CEFRJHQB.js")).defaultScan;
    const facts = {
      repository: ctx.repository,
      roleToAssume: inputs.roleToAssume,
      audience: inputs.audience,
      allowedAccountIds: inputs.allowedAccountIds
    };
    try {
      if (inputs.mode !== "iac" && (env[CREDENTIALS_OUTCOME_ENV] ?? "").trim() === "failure") {
        throw new CredentialsProblem(
          "not-obtained",
          `aws-actions/configure-aws-credentials could not assume ${inputs.roleToAssume ?? "the role"} with GitHub's OIDC token.`
        );
      }
      info(`Scanning (${inputs.mode})\u2026`);
      const credentials = credentialsFrom(env);
      const homeRegion = env.LAMBDA_GUARD_AWS_REGION || env.AWS_REGION || env.AWS_DEFAULT_REGION;
      report = await scan({
        mode: inputs.mode,
        regions: inputs.regions ?? config.regions,
        lookbackDays: inputs.lookbackDays ?? config.lookbackDays,
        apiBudget: inputs.apiBudget,
        ...inputs.timeout ? { timeout: inputs.timeout } : {},
        ...configPath ? { configPath } : {},
        config,
        iacPath: inputs.iacPath,
        workspace: ctx.workspace,
        ...inputs.endpointUrl ? { endpointUrl: inputs.endpointUrl } : {},
        ...inputs.rules ? { rules: inputs.rules } : {},
        ...inputs.securityHub ? { securityHub: true } : {},
        ...credentials ? { credentials } : {},
        ...homeRegion ? { homeRegion } : {},
        ...inputs.organization ? { organization: inputs.organization } : {},
        ...inputs.reports ? { reports: inputs.reports } : {},
        ...inputs.allowedAccountIds.length ? { allowedAccountIds: inputs.allowedAccountIds } : {}
      });
    } catch (err) {
      if (err instanceof CredentialsProblem) {
        const summary2 = credentialsSummary(err, { ...facts, accountId: err.accountId });
        error(`${credentialsTitle(err.kind)}: ${err.detail}`);
        await session?.abort(summary2, "failure", now(), credentialsTitle(err.kind));
        await writeJobSummary(`## ${credentialsTitle(err.kind)}

${summary2}
`, notes);
        setOutput("conclusion", "failure");
        if (!session) setOutput("check-run-id", "");
        setFailed(`${credentialsTitle(err.kind)}: ${err.detail}`);
        return void 0;
      }
      const reason = errorMessage(err);
      error(`The scan failed: ${reason}`);
      report = failedReport(inputs, ctx, reason, now());
    }
    report = { ...report, target: { ...report.target, repository: ctx.repository, commit: ctx.headSha } };
    const outDir = join(env.RUNNER_TEMP || resolve(ctx.workspace, ".lambda-guard"), "lambda-guard");
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
      ...runOf(ctx),
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
        `Lambda Guard: ${out.title} (fail-on: ${failOn}${isIncomplete(report.coverage) ? `, incomplete: ${inputs.incomplete}` : ""})`
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

export {
  start,
  run
};
