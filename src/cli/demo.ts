import { mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AwsClients } from "../aws/clients.js";
import { scanAccount } from "../aws/scan.js";
import { syncSecurityHub } from "../aws/security-hub.js";
import { demoAccount } from "../emulator/demo/account.js";
import { applyRemediations } from "../emulator/demo/apply-fixes.js";
import { startEmulator } from "../emulator/index.js";
import { planFixes, readIacTree, repoPrefix, scanIac } from "../iac/index.js";
import { defaultConfig, RULE_IDS } from "../model/index.js";
import { renderReport } from "../report/index.js";
import type { Io } from "./io.js";
import { progressReporter } from "./progress.js";
import { securityHubLine } from "./security-hub.js";

/** The example repository ships beside dist/ and src/ alike (one level up from either). */
function examplesDir(): string {
  for (const rel of ["../examples/infra", "../../examples/infra"]) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  return resolve("examples/infra");
}

/**
 * Starts the sample account in-process, scans it with the real scanner over HTTP, scans and fixes the
 * bundled example IaC, and writes every report format to a folder it names.
 */
export async function runDemo(io: Io, opts: { outputDir?: string | undefined }): Promise<number> {
  // The SDK's notice about its future Node 22 requirement says nothing about an emulated account; keep the
  // demo's output to what it shows. (`scan` leaves the notice on: it matters where users run it.)
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const outDir = resolve(io.cwd, opts.outputDir ?? "demo-output");
  await mkdir(outDir, { recursive: true });
  const emulator = await startEmulator(demoAccount(), { port: 0 });
  const clients = new AwsClients({
    endpointUrl: emulator.url,
    apiBudget: 0.9,
    homeRegion: "us-east-1",
    credentials: { accessKeyId: "AKIADEMODEMODEMO0000", secretAccessKey: "demo-secret-not-a-real-key" },
  });
  const config = defaultConfig();
  try {
    io.out(`lambda-guard demo: emulated account ${emulator.state.accountId} at ${emulator.url}\n\n`);
    const scan = async () => {
      const progress = progressReporter(io);
      const r = await scanAccount({
        clients,
        regions: "all",
        lookbackDays: 90,
        rules: [...RULE_IDS],
        config,
        confirmWithSimulator: true,
        onProgress: progress.onProgress,
      });
      progress.finish();
      return r;
    };
    const report = await scan();
    io.out(`── Account scan ─────────────────────────────────────────────\n`);
    io.out(renderReport(report, "text"));
    // As `scan --security-hub` would: imported before the fixes, updated and archived after them.
    const hubBefore = await syncSecurityHub({ clients, report, rules: RULE_IDS });

    // Prove the fixes: apply each finding's remediation to the emulated account and scan again.
    const applied = applyRemediations(emulator.state, report.findings);
    const after = await scan();
    io.out(
      `\n── The fixes, applied to the emulated account (${applied.length} changes), then scanned again ──\n`,
    );
    for (const a of applied) io.out(`  ${a}\n`);
    io.out(`\n${renderReport(after, "text")}`);
    io.out(
      "What remains needs more than the printed fix: an explicit Deny or a permissions boundary still wins over\n" +
        "the new Allow (the finding's evidence names it), and another account's callers are fixed in that account.\n",
    );
    const hubAfter = await syncSecurityHub({ clients, report: after, rules: RULE_IDS });
    io.out(`\n── Security Hub (lambda-guard scan --security-hub) ──────────────────\n`);
    io.out(`  first scan:       ${securityHubLine(hubBefore)}\n`);
    io.out(`  after the fixes:  ${securityHubLine(hubAfter)}\n`);

    const written: string[] = [];
    const write = async (name: string, text: string) => {
      await writeFile(join(outDir, name), text);
      written.push(name);
    };
    await write("report.json", renderReport(report, "json"));
    await write("report.sarif", renderReport(report, "sarif"));
    await write("report.asff.json", renderReport(report, "asff", { asffRegion: clients.homeRegion }));
    await write("report.md", renderReport(report, "markdown"));
    await write("report-after-fixes.json", renderReport(after, "json"));

    const infra = examplesDir();
    const prefix = repoPrefix(io.cwd, infra);
    const iac = await scanIac(infra, { config, prefix });
    io.out(`\n── IaC scan of ${relative(io.cwd, infra) || infra} ──────────────────────────\n`);
    io.out(renderReport(iac.report, "text"));
    await write("iac-report.json", renderReport(iac.report, "json"));
    await write("iac-report.sarif", renderReport(iac.report, "sarif"));

    const { files } = await readIacTree(infra, { prefix });
    const plan = await planFixes(files, { config });
    const diff = plan.changes.map((c) => c.diff).join("");
    io.out(`\n── Fixes (lambda-guard fix ${relative(io.cwd, infra) || infra}) ─────────────────────\n`);
    io.out(diff || "(no changes)\n");
    for (const { finding, notes } of plan.fixed)
      for (const n of notes) io.out(`note (${finding.rule}): ${n}\n`);
    await write("fix.diff", diff);

    io.out(`\nReports written to ${relative(io.cwd, outDir) || "."}/: ${written.join(", ")}\n`);
    return 0;
  } finally {
    clients.destroy();
    await emulator.close();
  }
}
