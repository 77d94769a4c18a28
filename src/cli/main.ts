import { mkdir, stat, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../model/config.js";
import { errorMessage, InputError } from "../model/errors.js";
import { activeFindings, isIncomplete, type Report } from "../model/report.js";
import { RULE_IDS } from "../model/rules.js";
import { meetsThreshold, type FailOn } from "../model/severity.js";
import { VERSION } from "../model/version.js";
import { LOOKBACK_MAX_DAYS } from "../model/scan-settings.js";
import { processIo, type Io } from "./io.js";
import {
  parseApiBudget,
  parseEndpointUrl,
  parseFailOn,
  parseFormat,
  parseLookbackDays,
  parseRegions,
  parseRules,
  parseTimeout,
} from "./options.js";

export const USAGE = `lambda-guard ${VERSION} — public Lambda function URLs and missing lambda:ListTags grants

Usage:
  lambda-guard scan [options]             live scan of the account reached by the default AWS credential chain
  lambda-guard iac [DIR] [options]        static scan of the IaC files under DIR (default .)
  lambda-guard fix [DIR] [options]        patches for DIR: a unified diff on stdout, or --write to apply them
  lambda-guard emulate --state FILE [--port N] [--verbose]
                                          serve an emulated AWS account on 127.0.0.1 (--verbose logs each request)
  lambda-guard demo [--output-dir DIR]    emulate the bundled sample account, scan it, scan and fix the example IaC
  lambda-guard accounts [options]         ACTIVE accounts of the caller's AWS Organization
  lambda-guard merge REPORT... [options]  one report from many (a matrix's per-account reports)

Common options:
  --format text|json|sarif|markdown|asff  output format (default text; asff = AWS Security Finding Format, scan only)
  --output FILE                           write the output to FILE instead of stdout
  --config FILE                           config file (default .github/lambda-guard.yml when present)
  --fail-on critical|high|medium|low|none exit 1 when a finding is at or above this (default high)

scan options:
  --regions all|r1,r2                     regions to scan (default all = the account's enabled regions)
  --endpoint-url URL                      send every AWS call there (e.g. the emulator)
  --lookback-days N                       CloudTrail window for LG004, 1–90 (default 90)
  --rules LG001,LG004                     rules to run (default all: ${RULE_IDS.join(",")})
  --api-budget F                          fraction of AWS's documented API quotas to use (default 0.9)
  --timeout DURATION                      stop at e.g. 30m, 1h or 90s and report what was read; unfinished
                                          parts are marked timed-out (exit 3)
  --confirm-with-simulator                confirm LG004 principals with iam:SimulatePrincipalPolicy
  --security-hub                          import the findings into the account's Security Hub (home region; with
                                          --accounts, each account's into its own) and archive the ones a complete
                                          scan no longer reports
  --accounts all|ID,ID                    scan these accounts of the organization into one report
  --role-name NAME                        role assumed in each account (default lambda-guard-scan)
  --external-id X                         external id the member role's trust policy requires
  --accounts-in-flight N                  accounts scanned at once (default 8)
  --include L / --exclude L               with --accounts all: account ids or name globs to keep / drop
  --cloudtrail-lake EDS                   LG004 from one CloudTrail Lake query over event data store EDS

accounts options:
  --include L / --exclude L               comma-separated account ids or name globs (payments-*)
  --format text|json|matrix               matrix = one JSON line for a GitHub Actions strategy.matrix
  --endpoint-url URL                      send every AWS call there (e.g. the emulator)

fix options:
  --report FILE                           locate a report's findings in DIR instead of running the static scan
  --write                                 apply the patches

Exit codes: 0 nothing at or above --fail-on · 1 findings at or above it · 2 bad usage, config or input ·
            3 the scan was incomplete and nothing reached --fail-on · 4 an internal error (a bug)
`;

const COMMON = {
  format: { type: "string" },
  output: { type: "string" },
  config: { type: "string" },
  "fail-on": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const OPTIONS = {
  scan: {
    ...COMMON,
    regions: { type: "string" },
    "endpoint-url": { type: "string" },
    "lookback-days": { type: "string" },
    rules: { type: "string" },
    "api-budget": { type: "string" },
    "confirm-with-simulator": { type: "boolean" },
    "security-hub": { type: "boolean" },
    accounts: { type: "string" },
    "role-name": { type: "string" },
    "external-id": { type: "string" },
    "accounts-in-flight": { type: "string" },
    "cloudtrail-lake": { type: "string" },
    include: { type: "string" },
    exclude: { type: "string" },
    timeout: { type: "string" },
  },
  accounts: {
    format: { type: "string" },
    output: { type: "string" },
    include: { type: "string" },
    exclude: { type: "string" },
    "endpoint-url": { type: "string" },
    help: { type: "boolean", short: "h" },
  },
  merge: { ...COMMON },
  iac: { ...COMMON },
  fix: { ...COMMON, report: { type: "string" }, write: { type: "boolean" } },
  emulate: {
    state: { type: "string" },
    port: { type: "string" },
    verbose: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
  demo: { "output-dir": { type: "string" }, help: { type: "boolean", short: "h" } },
} as const;

type Command = keyof typeof OPTIONS;

/** `--api-budget -1` → `--api-budget=-1`, so a negative number reaches the option's own check (and its
 * message) instead of parseArgs' "argument is ambiguous". */
function joinNegativeValues(command: Command, args: string[]): string[] {
  const opts = OPTIONS[command] as Record<string, { type: string }>;
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    if (
      a.startsWith("--") &&
      opts[a.slice(2)]?.type === "string" &&
      next !== undefined &&
      /^-[\d.]/.test(next)
    ) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

function parse(command: Command, args: string[]) {
  try {
    return parseArgs({
      args: joinNegativeValues(command, args),
      options: OPTIONS[command],
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new InputError(
      `${errorMessage(err).replace(/\. To specify.*$/s, "")} — see 'lambda-guard --help'`,
      command,
    );
  }
}

export function exitCodeFor(report: Report, failOn: FailOn): number {
  if (activeFindings(report).some((f) => meetsThreshold(f.severity, failOn))) return 1;
  if (isIncomplete(report.coverage)) return 3;
  return 0;
}

/**
 * Fails early (before a long scan) when --output cannot be written: a parent that is a file, or a directory
 * where the file should go.
 */
async function checkOutput(io: Io, output: string | undefined): Promise<void> {
  if (output === undefined) return;
  const path = resolve(io.cwd, output);
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) {
    throw new InputError(
      `'${output}' is a directory — give a file name, e.g. ${output}/report.json`,
      "--output",
    );
  }
  // Bounded walk: each step goes one directory up, ending at the root.
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const s = await stat(dir).catch(() => undefined);
    if (s) {
      if (!s.isDirectory()) {
        throw new InputError(
          `cannot create '${output}': '${dir}' is a file, not a directory — choose a path whose folders are folders`,
          "--output",
        );
      }
      return;
    }
    if (dirname(dir) === dir) return;
  }
}

async function emit(io: Io, text: string, output: string | undefined): Promise<void> {
  if (output === undefined) return io.out(text);
  await checkOutput(io, output);
  const path = resolve(io.cwd, output);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "error";
    throw new InputError(
      `cannot write '${output}' (${code}: ${errorMessage(err).split("\n")[0]}) — choose a writable path`,
      "--output",
    );
  }
}

async function configFor(io: Io, file: string | undefined) {
  return loadConfig(file === undefined ? undefined : resolve(io.cwd, file), io.cwd);
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === "--version" || command === "-v") {
      io.out(`${VERSION}\n`);
      return 0;
    }
    if (!(command in OPTIONS)) {
      throw new InputError(
        `unknown command '${command}' — use scan, iac, fix, emulate, demo, accounts or merge (see --help)`,
      );
    }
    const { values, positionals } = parse(command as Command, rest);
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    // Each command loads only what it runs (the AWS SDK, the IaC engine, the emulator): `--help` and `iac`
    // do not pay for the rest of the bundle. scripts/build.mjs keeps these imports as lazily loaded chunks.
    switch (command as Command) {
      case "scan":
        return await scanCommand(io, values as Record<string, string | boolean | undefined>, positionals);
      case "iac":
        return await iacCommand(io, values as Record<string, string | boolean | undefined>, positionals);
      case "fix":
        return await fixCommand(io, values as Record<string, string | boolean | undefined>, positionals);
      case "emulate": {
        const { runEmulate } = await import("./emulate.js");
        return await runEmulate(io, values as Record<string, string | boolean | undefined>);
      }
      case "accounts": {
        const av = values as Record<string, string | boolean | undefined>;
        const { runAccounts } = await import("./accounts.js");
        return await runAccounts(io, av, (text) => emit(io, text, av.output as string | undefined));
      }
      case "merge":
        return await mergeCommand(io, values as Record<string, string | boolean | undefined>, positionals);
      case "demo": {
        const { runDemo } = await import("./demo.js");
        return await runDemo(io, { outputDir: (values as Record<string, string | undefined>)["output-dir"] });
      }
    }
  } catch (err) {
    if (err instanceof InputError) {
      io.err(`lambda-guard: ${err.message}\n`);
      return 2;
    }
    return internalError(io, err);
  }
  return 2;
}

/** A bug: one line and exit 4; the stack only with LAMBDA_GUARD_DEBUG=1. */
export function internalError(io: Io, err: unknown): number {
  const first = (errorMessage(err).split("\n")[0] ?? "").slice(0, 300);
  io.err(
    `lambda-guard: internal error (a bug in lambda-guard, not in your input): ${first} — rerun with LAMBDA_GUARD_DEBUG=1 for the stack and report it\n`,
  );
  if (io.env.LAMBDA_GUARD_DEBUG === "1" && err instanceof Error && err.stack) io.err(`${err.stack}\n`);
  return 4;
}

/** DIR for iac/fix: must be an existing directory. */
async function directoryArg(io: Io, command: string, arg: string | undefined): Promise<string> {
  const root = resolve(io.cwd, arg ?? ".");
  let isDir = false;
  try {
    isDir = (await stat(root)).isDirectory();
  } catch {
    throw new InputError(
      `no such directory — pass the folder that holds your IaC (default .)`,
      `${command} ${arg ?? "."}`,
    );
  }
  if (!isDir)
    throw new InputError(
      `not a directory — pass the folder that holds your IaC (default .)`,
      `${command} ${arg}`,
    );
  return root;
}

function noPositionals(command: string, positionals: string[], max: number): void {
  if (positionals.length > max) {
    throw new InputError(
      `unexpected argument '${positionals[max]}' — see 'lambda-guard ${command} --help'`,
      command,
    );
  }
}

async function scanCommand(
  io: Io,
  v: Record<string, string | boolean | undefined>,
  pos: string[],
): Promise<number> {
  noPositionals("scan", pos, 0);
  const format = parseFormat(v.format as string | undefined);
  const failOnFlag = parseFailOn(v["fail-on"] as string | undefined);
  const regionsFlag = parseRegions(v.regions as string | undefined);
  const lookbackFlag = parseLookbackDays(
    v["lookback-days"] as string | undefined,
    v["cloudtrail-lake"] === undefined ? LOOKBACK_MAX_DAYS.lookupEvents : LOOKBACK_MAX_DAYS.cloudtrailLake,
  );
  const rules = parseRules(v.rules as string | undefined) ?? [...RULE_IDS];
  const apiBudget = parseApiBudget(v["api-budget"] as string | undefined);
  const endpointUrl = parseEndpointUrl(v["endpoint-url"] as string | undefined);
  const timeoutMs = parseTimeout(v.timeout as string | undefined);
  const { config } = await configFor(io, v.config as string | undefined);
  await checkOutput(io, v.output as string | undefined);

  const [{ AwsClients }, { scanAccount }, { renderReport }, { progressReporter }] = await Promise.all([
    import("../aws/clients.js"),
    import("../aws/scan.js"),
    import("../report/index.js"),
    import("./progress.js"),
  ]);
  const clients = new AwsClients({
    apiBudget,
    ...(endpointUrl ? { endpointUrl } : {}),
    // An unref'd timer: it ends the scan at the deadline but never keeps the process alive by itself.
    ...(timeoutMs !== undefined ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
  });
  const progress = progressReporter(io);
  const common = {
    regions: regionsFlag ?? config.regions,
    lookbackDays: lookbackFlag ?? config.lookbackDays,
    rules,
    config,
    confirmWithSimulator: Boolean(v["confirm-with-simulator"]),
    ...(timeoutMs !== undefined ? { timeoutLabel: `--timeout ${v.timeout as string}` } : {}),
  };
  const { parseAccountsFlag, parseEventDataStore } = await import("./org-scan.js");
  const accounts = parseAccountsFlag(v.accounts as string | undefined);
  const eds = parseEventDataStore(v["cloudtrail-lake"] as string | undefined);
  try {
    const report = accounts
      ? await (await import("./org-scan.js")).runOrgScan(io, clients, { accounts, v, base: common })
      : eds
        ? await (
            await import("../aws/org/lake-lg004.js")
          ).scanAccountWithLake(
            { clients, ...common, onProgress: progress.onProgress },
            { eventDataStore: eds },
          )
        : await scanAccount({ clients, ...common, onProgress: progress.onProgress });
    progress.finish();
    // An organization's accounts imported their own findings as they finished (runOrgScan).
    if (v["security-hub"] && !accounts) {
      const { importIntoSecurityHub } = await import("./security-hub.js");
      await importIntoSecurityHub(io, clients, report, rules);
    }
    const text = renderReport(report, format, { asffRegion: clients.homeRegion });
    await emit(io, text, v.output as string | undefined);
    return exitCodeFor(report, failOnFlag ?? config.failOn);
  } finally {
    clients.destroy();
  }
}

async function iacCommand(
  io: Io,
  v: Record<string, string | boolean | undefined>,
  pos: string[],
): Promise<number> {
  noPositionals("iac", pos, 1);
  const format = parseFormat(v.format as string | undefined);
  const failOnFlag = parseFailOn(v["fail-on"] as string | undefined);
  const root = await directoryArg(io, "iac", pos[0]);
  const { config } = await configFor(io, v.config as string | undefined);
  const [{ repoPrefix, scanIac }, { renderReport }] = await Promise.all([
    import("../iac/scan.js"),
    import("../report/index.js"),
  ]);
  // Locations name files from the working directory (the repository root, usually), as SARIF needs.
  if (format === "asff") {
    throw new InputError(
      "ASFF findings belong to an AWS account — use --format asff with 'lambda-guard scan'",
      "--format asff",
    );
  }
  const { report } = await scanIac(root, { config, prefix: repoPrefix(io.cwd, root) });
  await emit(io, renderReport(report, format), v.output as string | undefined);
  return exitCodeFor(report, failOnFlag ?? config.failOn);
}

async function fixCommand(
  io: Io,
  v: Record<string, string | boolean | undefined>,
  pos: string[],
): Promise<number> {
  noPositionals("fix", pos, 1);
  const root = await directoryArg(io, "fix", pos[0]);
  const { config } = await configFor(io, v.config as string | undefined);
  const report = v.report
    ? await (await import("./report-file.js")).readReportFile(io, v.report as string)
    : undefined;
  const { planFixes, readIacTree, repoPrefix, writeFixes } = await import("../iac/index.js");
  const prefix = repoPrefix(io.cwd, root);
  const { files } = await readIacTree(root, { prefix });
  const plan = await planFixes(files, { config, ...(report ? { report } : {}) });
  const diff = plan.changes.map((c) => c.diff).join("");
  if (v.write) {
    await writeFixes(root, plan, { prefix });
    io.err(
      `lambda-guard: patched ${plan.changes.length} file${plan.changes.length === 1 ? "" : "s"} under ${root}\n`,
    );
  } else {
    await emit(io, diff, v.output as string | undefined);
  }
  for (const { finding, notes } of plan.fixed) {
    for (const n of notes)
      io.err(
        `note (${finding.rule} ${finding.resource.iac?.address ?? finding.resource.functionName ?? ""}): ${n}\n`,
      );
  }
  for (const { finding, reason } of plan.unfixed) {
    io.err(
      `not fixed (${finding.rule} ${finding.resource.iac?.address ?? finding.resource.arn ?? ""}): ${reason}\n`,
    );
  }
  return 0;
}

async function mergeCommand(
  io: Io,
  v: Record<string, string | boolean | undefined>,
  files: string[],
): Promise<number> {
  const format = parseFormat(v.format as string | undefined);
  const failOnFlag = parseFailOn(v["fail-on"] as string | undefined);
  const { config } = await configFor(io, v.config as string | undefined);
  const [{ mergeReportFiles }, { renderReport }] = await Promise.all([
    import("./merge.js"),
    import("../report/index.js"),
  ]);
  const report = await mergeReportFiles(io, files);
  await emit(io, renderReport(report, format), v.output as string | undefined);
  return exitCodeFor(report, failOnFlag ?? config.failOn);
}
