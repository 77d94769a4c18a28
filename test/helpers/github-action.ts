import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";

const ROOT = resolve(import.meta.dirname, "../..");

export interface StepResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one bundled entry as a composite `run:` step does: a child `node` with the step's environment. */
export function runActionStep(
  dist: string,
  entry: string,
  env: Record<string, string>,
  opts: { killWhen?: () => boolean } = {},
): Promise<StepResult> {
  const child = spawn(process.execPath, [join(dist, "action", `${entry}.js`)], {
    cwd: env.GITHUB_WORKSPACE,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? tmpdir(),
      NODE_NO_WARNINGS: "1",
      AWS_EC2_METADATA_DISABLED: "true",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (b: Buffer) => (stdout += b.toString()));
  child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
  const poll = opts.killWhen
    ? setInterval(() => {
        if (opts.killWhen!()) child.kill("SIGKILL");
      }, 20)
    : undefined;
  return new Promise((r) =>
    child.on("exit", (code) => {
      if (poll) clearInterval(poll);
      r({ code, stdout, stderr });
    }),
  );
}

export interface CompositeStep {
  id: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  "continue-on-error"?: boolean;
}

/** The steps of action.yml, as the runner reads them. */
export function compositeSteps(): CompositeStep[] {
  const doc = parseYaml(readFileSync(join(ROOT, "action.yml"), "utf8")) as {
    runs: { steps: CompositeStep[] };
  };
  return doc.runs.steps;
}

/** Input defaults from action.yml (`${{ github.token }}` is given by the caller). */
export function inputDefaults(): Record<string, string> {
  const doc = parseYaml(readFileSync(join(ROOT, "action.yml"), "utf8")) as {
    inputs: Record<string, { default?: string }>;
  };
  return Object.fromEntries(Object.entries(doc.inputs).map(([k, v]) => [k, String(v.default ?? "")]));
}

/**
 * A step's `env:` as the runner evaluates it, for the plain expressions action.yml uses there:
 * `${{ inputs.x }}`, `${{ steps.<id>.outputs.x }}` and `${{ job.status }}`. Anything else throws, so a
 * new kind of expression in action.yml makes the test say so instead of passing something wrong.
 */
export function stepEnv(
  step: CompositeStep,
  ctx: {
    inputs: Record<string, string>;
    outputs: Record<string, Record<string, string>>;
    /** `steps.<id>.outcome`: success, failure or skipped. */
    outcomes?: Record<string, string>;
    jobStatus?: string;
  },
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, raw] of Object.entries(step.env ?? {})) {
    const v = String(raw);
    const m = /^\$\{\{\s*(.+?)\s*\}\}$/.exec(v);
    if (!m) {
      if (v.includes("${{")) throw new Error(`unsupported expression in ${step.id}.env.${k}: ${v}`);
      out[k] = v;
      continue;
    }
    const expr = m[1]!;
    let x: RegExpExecArray | null;
    if ((x = /^inputs\.([a-z0-9-]+)$/.exec(expr))) {
      if (!(x[1]! in ctx.inputs)) throw new Error(`action.yml has no input ${x[1]}`);
      out[k] = ctx.inputs[x[1]!]!;
    } else if ((x = /^steps\.([a-z0-9-]+)\.outputs\.([a-z0-9-]+)$/.exec(expr))) {
      out[k] = ctx.outputs[x[1]!]?.[x[2]!] ?? "";
    } else if ((x = /^steps\.([a-z0-9-]+)\.outcome$/.exec(expr))) {
      out[k] = ctx.outcomes?.[x[1]!] ?? "";
    } else if (expr === "job.status") {
      out[k] = ctx.jobStatus ?? "success";
    } else throw new Error(`unsupported expression in ${step.id}.env.${k}: ${v}`);
  }
  return out;
}

/** The bundled entry a `run:` step starts (`node "$GITHUB_ACTION_PATH/dist/action/<entry>.js"`). */
export function runEntry(step: CompositeStep): string | null {
  const m = /dist\/action\/([a-z-]+)\.js/.exec(step.run ?? "");
  return m ? m[1]! : null;
}

export interface CompositeRun {
  steps: { id: string; result: StepResult }[];
  outputs: Record<string, Record<string, string>>;
}

/**
 * Runs action.yml's steps in order, as a runner does: `run:` steps are the bundled entries with the
 * `env:` action.yml gives them; the `uses:` steps are stood in for. configure-aws-credentials yields
 * `aws` (its outputs) or fails (`continue-on-error`, outcome `failure`); upload-artifact hands the
 * report file to `onArtifact`; upload-sarif is skipped. A step after a failed one runs only if its
 * `if:` says always().
 */
export async function runComposite(
  dist: string,
  opts: {
    inputs: Record<string, string>;
    /** The runner's environment (GITHUB_*, RUNNER_TEMP, the output file…). */
    env: Record<string, string>;
    outputFile: string;
    aws?: Record<string, string> | "failure";
    onArtifact?: (file: string, name: string) => void;
  },
): Promise<CompositeRun> {
  const inputs = { ...inputDefaults(), ...opts.inputs };
  const outputs: Record<string, Record<string, string>> = {};
  const outcomes: Record<string, string> = {};
  const steps: CompositeRun["steps"] = [];
  let jobStatus = "success";
  for (const step of compositeSteps()) {
    const always = /always\(\)/.test(step.if ?? "");
    if (jobStatus !== "success" && !always) {
      outcomes[step.id] = "skipped";
      continue;
    }
    if (step.uses?.startsWith("aws-actions/configure-aws-credentials")) {
      if (!inputs["role-to-assume"] || inputs.mode === "iac") {
        outcomes[step.id] = "skipped";
        continue;
      }
      if (opts.aws === "failure") {
        outcomes[step.id] = "failure";
        if (!step["continue-on-error"]) jobStatus = "failure";
        continue;
      }
      outputs[step.id] = opts.aws ?? {};
      outcomes[step.id] = "success";
      continue;
    }
    if (step.uses?.startsWith("actions/upload-artifact")) {
      const file = outputs.scan?.["report-file"];
      if (inputs["upload-artifact"] === "true" && file) opts.onArtifact?.(file, inputs["artifact-name"]!);
      continue;
    }
    const entry = runEntry(step);
    if (!entry) continue;
    writeFileSync(opts.outputFile, ""); // each step gets its own GITHUB_OUTPUT file
    const env = { ...opts.env, ...stepEnv(step, { inputs, outputs, outcomes, jobStatus }) };
    const result = await runActionStep(dist, entry, env);
    steps.push({ id: step.id, result });
    outputs[step.id] = readOutputFile(opts.outputFile);
    outcomes[step.id] = result.code === 0 ? "success" : "failure";
    if (result.code !== 0) jobStatus = "failure";
  }
  return { steps, outputs };
}

/** Parses GITHUB_OUTPUT (`name<<DELIM\nvalue\nDELIM`). */
function readOutputFile(file: string): Record<string, string> {
  const text = readFileSync(file, "utf8");
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]!] = m[3]!;
  return out;
}
