#!/usr/bin/env node
import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  parseApiBudget,
  parseEndpointUrl,
  parseFailOn,
  parseFormat,
  parseLookbackDays,
  parseRegions,
  parseRules,
  parseTimeout
} from "./chunks/chunk-L76ACB3Q.js";
import {
  LOOKBACK_MAX_DAYS
} from "./chunks/chunk-NXJRENZE.js";
import {
  VERSION
} from "./chunks/chunk-KOHQH5XZ.js";
import {
  loadConfig
} from "./chunks/chunk-P2NUQOZL.js";
import {
  InputError,
  RULE_IDS,
  errorMessage
} from "./chunks/chunk-JAJAJYEP.js";
import {
  activeFindings,
  isIncomplete,
  meetsThreshold
} from "./chunks/chunk-4GMCL7QT.js";
import "./chunks/chunk-LYD5ERHY.js";

// src/cli/main.ts
import { mkdir, stat, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";

// src/cli/io.ts
function processIo() {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    // A getter: touching process.stderr builds its stream (net or tty), a cost only `scan` progress needs.
    get errIsTTY() {
      return Boolean(process.stderr.isTTY) && !process.env.CI;
    },
    cwd: process.cwd(),
    env: process.env
  };
}

// src/cli/main.ts
var USAGE = `lambda-guard ${VERSION} \u2014 public Lambda function URLs and missing lambda:ListTags grants

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
  --lookback-days N                       CloudTrail window for LG004, 1\u201390 (default 90)
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

Exit codes: 0 nothing at or above --fail-on \xB7 1 findings at or above it \xB7 2 bad usage, config or input \xB7
            3 the scan was incomplete and nothing reached --fail-on \xB7 4 an internal error (a bug)
`;
var COMMON = {
  format: { type: "string" },
  output: { type: "string" },
  config: { type: "string" },
  "fail-on": { type: "string" },
  help: { type: "boolean", short: "h" }
};
var OPTIONS = {
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
    timeout: { type: "string" }
  },
  accounts: {
    format: { type: "string" },
    output: { type: "string" },
    include: { type: "string" },
    exclude: { type: "string" },
    "endpoint-url": { type: "string" },
    help: { type: "boolean", short: "h" }
  },
  merge: { ...COMMON },
  iac: { ...COMMON },
  fix: { ...COMMON, report: { type: "string" }, write: { type: "boolean" } },
  emulate: {
    state: { type: "string" },
    port: { type: "string" },
    verbose: { type: "boolean" },
    help: { type: "boolean", short: "h" }
  },
  demo: { "output-dir": { type: "string" }, help: { type: "boolean", short: "h" } }
};
function joinNegativeValues(command, args) {
  const opts = OPTIONS[command];
  const out = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = args[i + 1];
    if (a.startsWith("--") && opts[a.slice(2)]?.type === "string" && next !== void 0 && /^-[\d.]/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}
function parse(command, args) {
  try {
    return parseArgs({
      args: joinNegativeValues(command, args),
      options: OPTIONS[command],
      allowPositionals: true,
      strict: true
    });
  } catch (err) {
    throw new InputError(
      `${errorMessage(err).replace(/\. To specify.*$/s, "")} \u2014 see 'lambda-guard --help'`,
      command
    );
  }
}
function exitCodeFor(report, failOn) {
  if (activeFindings(report).some((f) => meetsThreshold(f.severity, failOn))) return 1;
  if (isIncomplete(report.coverage)) return 3;
  return 0;
}
async function checkOutput(io, output) {
  if (output === void 0) return;
  const path = resolve(io.cwd, output);
  const existing = await stat(path).catch(() => void 0);
  if (existing?.isDirectory()) {
    throw new InputError(
      `'${output}' is a directory \u2014 give a file name, e.g. ${output}/report.json`,
      "--output"
    );
  }
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const s = await stat(dir).catch(() => void 0);
    if (s) {
      if (!s.isDirectory()) {
        throw new InputError(
          `cannot create '${output}': '${dir}' is a file, not a directory \u2014 choose a path whose folders are folders`,
          "--output"
        );
      }
      return;
    }
    if (dirname(dir) === dir) return;
  }
}
async function emit(io, text, output) {
  if (output === void 0) return io.out(text);
  await checkOutput(io, output);
  const path = resolve(io.cwd, output);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  } catch (err) {
    const code = err.code ?? "error";
    throw new InputError(
      `cannot write '${output}' (${code}: ${errorMessage(err).split("\n")[0]}) \u2014 choose a writable path`,
      "--output"
    );
  }
}
async function configFor(io, file) {
  return loadConfig(file === void 0 ? void 0 : resolve(io.cwd, file), io.cwd);
}
async function main(argv2, io = processIo()) {
  const [command, ...rest] = argv2;
  try {
    if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
      io.out(USAGE);
      return command === void 0 ? 2 : 0;
    }
    if (command === "--version" || command === "-v") {
      io.out(`${VERSION}
`);
      return 0;
    }
    if (!(command in OPTIONS)) {
      throw new InputError(
        `unknown command '${command}' \u2014 use scan, iac, fix, emulate, demo, accounts or merge (see --help)`
      );
    }
    const { values, positionals } = parse(command, rest);
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    switch (command) {
      case "scan":
        return await scanCommand(io, values, positionals);
      case "iac":
        return await iacCommand(io, values, positionals);
      case "fix":
        return await fixCommand(io, values, positionals);
      case "emulate": {
        const { runEmulate } = await import("./chunks/emulate-O5YUEMOD.js");
        return await runEmulate(io, values);
      }
      case "accounts": {
        const av = values;
        const { runAccounts } = await import("./chunks/accounts-BIIALF2R.js");
        return await runAccounts(io, av, (text) => emit(io, text, av.output));
      }
      case "merge":
        return await mergeCommand(io, values, positionals);
      case "demo": {
        const { runDemo } = await import("./chunks/demo-H4TKGNX7.js");
        return await runDemo(io, { outputDir: values["output-dir"] });
      }
    }
  } catch (err) {
    if (err instanceof InputError) {
      io.err(`lambda-guard: ${err.message}
`);
      return 2;
    }
    return internalError(io, err);
  }
  return 2;
}
function internalError(io, err) {
  const first = (errorMessage(err).split("\n")[0] ?? "").slice(0, 300);
  io.err(
    `lambda-guard: internal error (a bug in lambda-guard, not in your input): ${first} \u2014 rerun with LAMBDA_GUARD_DEBUG=1 for the stack and report it
`
  );
  if (io.env.LAMBDA_GUARD_DEBUG === "1" && err instanceof Error && err.stack) io.err(`${err.stack}
`);
  return 4;
}
async function directoryArg(io, command, arg) {
  const root = resolve(io.cwd, arg ?? ".");
  let isDir = false;
  try {
    isDir = (await stat(root)).isDirectory();
  } catch {
    throw new InputError(
      `no such directory \u2014 pass the folder that holds your IaC (default .)`,
      `${command} ${arg ?? "."}`
    );
  }
  if (!isDir)
    throw new InputError(
      `not a directory \u2014 pass the folder that holds your IaC (default .)`,
      `${command} ${arg}`
    );
  return root;
}
function noPositionals(command, positionals, max) {
  if (positionals.length > max) {
    throw new InputError(
      `unexpected argument '${positionals[max]}' \u2014 see 'lambda-guard ${command} --help'`,
      command
    );
  }
}
async function scanCommand(io, v, pos) {
  noPositionals("scan", pos, 0);
  const format = parseFormat(v.format);
  const failOnFlag = parseFailOn(v["fail-on"]);
  const regionsFlag = parseRegions(v.regions);
  const lookbackFlag = parseLookbackDays(
    v["lookback-days"],
    v["cloudtrail-lake"] === void 0 ? LOOKBACK_MAX_DAYS.lookupEvents : LOOKBACK_MAX_DAYS.cloudtrailLake
  );
  const rules = parseRules(v.rules) ?? [...RULE_IDS];
  const apiBudget = parseApiBudget(v["api-budget"]);
  const endpointUrl = parseEndpointUrl(v["endpoint-url"]);
  const timeoutMs = parseTimeout(v.timeout);
  const { config } = await configFor(io, v.config);
  await checkOutput(io, v.output);
  const [{ AwsClients }, { scanAccount }, { renderReport }, { progressReporter }] = await Promise.all([
    import("./chunks/clients-2OZWITMV.js"),
    import("./chunks/scan-OCI6CMB6.js"),
    import("./chunks/report-PDJRWMBL.js"),
    import("./chunks/progress-4F6S4GBF.js")
  ]);
  const clients = new AwsClients({
    apiBudget,
    ...endpointUrl ? { endpointUrl } : {},
    // An unref'd timer: it ends the scan at the deadline but never keeps the process alive by itself.
    ...timeoutMs !== void 0 ? { signal: AbortSignal.timeout(timeoutMs) } : {}
  });
  const progress = progressReporter(io);
  const common = {
    regions: regionsFlag ?? config.regions,
    lookbackDays: lookbackFlag ?? config.lookbackDays,
    rules,
    config,
    confirmWithSimulator: Boolean(v["confirm-with-simulator"]),
    ...timeoutMs !== void 0 ? { timeoutLabel: `--timeout ${v.timeout}` } : {}
  };
  const { parseAccountsFlag, parseEventDataStore } = await import("./chunks/org-scan-ODD6UM5D.js");
  const accounts = parseAccountsFlag(v.accounts);
  const eds = parseEventDataStore(v["cloudtrail-lake"]);
  try {
    const report = accounts ? await (await import("./chunks/org-scan-ODD6UM5D.js")).runOrgScan(io, clients, { accounts, v, base: common }) : eds ? await (await import("./chunks/lake-lg004-RYVI2ZVT.js")).scanAccountWithLake(
      { clients, ...common, onProgress: progress.onProgress },
      { eventDataStore: eds }
    ) : await scanAccount({ clients, ...common, onProgress: progress.onProgress });
    progress.finish();
    if (v["security-hub"] && !accounts) {
      const { importIntoSecurityHub } = await import("./chunks/security-hub-IP5LDLXL.js");
      await importIntoSecurityHub(io, clients, report, rules);
    }
    const text = renderReport(report, format, { asffRegion: clients.homeRegion });
    await emit(io, text, v.output);
    return exitCodeFor(report, failOnFlag ?? config.failOn);
  } finally {
    clients.destroy();
  }
}
async function iacCommand(io, v, pos) {
  noPositionals("iac", pos, 1);
  const format = parseFormat(v.format);
  const failOnFlag = parseFailOn(v["fail-on"]);
  const root = await directoryArg(io, "iac", pos[0]);
  const { config } = await configFor(io, v.config);
  const [{ repoPrefix, scanIac }, { renderReport }] = await Promise.all([
    import("./chunks/scan-PETQMN6S.js"),
    import("./chunks/report-PDJRWMBL.js")
  ]);
  if (format === "asff") {
    throw new InputError(
      "ASFF findings belong to an AWS account \u2014 use --format asff with 'lambda-guard scan'",
      "--format asff"
    );
  }
  const { report } = await scanIac(root, { config, prefix: repoPrefix(io.cwd, root) });
  await emit(io, renderReport(report, format), v.output);
  return exitCodeFor(report, failOnFlag ?? config.failOn);
}
async function fixCommand(io, v, pos) {
  noPositionals("fix", pos, 1);
  const root = await directoryArg(io, "fix", pos[0]);
  const { config } = await configFor(io, v.config);
  const report = v.report ? await (await import("./chunks/report-file-7Z47E5Q4.js")).readReportFile(io, v.report) : void 0;
  const { planFixes, readIacTree, repoPrefix, writeFixes } = await import("./chunks/iac-BZLO6V2U.js");
  const prefix = repoPrefix(io.cwd, root);
  const { files } = await readIacTree(root, { prefix });
  const plan = await planFixes(files, { config, ...report ? { report } : {} });
  const diff = plan.changes.map((c) => c.diff).join("");
  if (v.write) {
    await writeFixes(root, plan, { prefix });
    io.err(
      `lambda-guard: patched ${plan.changes.length} file${plan.changes.length === 1 ? "" : "s"} under ${root}
`
    );
  } else {
    await emit(io, diff, v.output);
  }
  for (const { finding, notes } of plan.fixed) {
    for (const n of notes)
      io.err(
        `note (${finding.rule} ${finding.resource.iac?.address ?? finding.resource.functionName ?? ""}): ${n}
`
      );
  }
  for (const { finding, reason } of plan.unfixed) {
    io.err(
      `not fixed (${finding.rule} ${finding.resource.iac?.address ?? finding.resource.arn ?? ""}): ${reason}
`
    );
  }
  return 0;
}
async function mergeCommand(io, v, files) {
  const format = parseFormat(v.format);
  const failOnFlag = parseFailOn(v["fail-on"]);
  const { config } = await configFor(io, v.config);
  const [{ mergeReportFiles }, { renderReport }] = await Promise.all([
    import("./chunks/merge-J4RRSMAC.js"),
    import("./chunks/report-PDJRWMBL.js")
  ]);
  const report = await mergeReportFiles(io, files);
  await emit(io, renderReport(report, format), v.output);
  return exitCodeFor(report, failOnFlag ?? config.failOn);
}

// src/cli/short-run.ts
async function tuneForShortRun() {
  const { setFlagsFromString } = await import("node:v8");
  setFlagsFromString(`--interrupt-budget=${8 * 67584}`);
}

// src/cli/index.ts
var argv = process.argv.slice(2);
if (argv[0] === "iac" || argv[0] === "fix") await tuneForShortRun();
process.exitCode = await main(argv);
