// `npm run bench`: speed and memory targets live here, not in timed unit tests. scripts/bench.mjs bundles
// this file and runs it on plain node, so no TypeScript loader inflates the measured memory. Each benchmark is
// imported when it runs: a scan's peak RSS must not include the app's Probot or the IaC engine's grammars.

type Bench = () => Promise<Record<string, string | number | boolean>>;

if (process.argv[2] === "--write-lg004-state") {
  await (await import("./lg004.js")).writeLg004State(process.argv[3]!, process.argv[4]!);
} else {
  const only = process.argv[2];
  const benches: [string, Bench][] = [
    // `npm run bench -- lambda 10`: the same account at another time compression S (default 20).
    [
      "lambda",
      async () =>
        (await import("./lambda.js")).benchLambda(process.argv[3] ? { scale: Number(process.argv[3]) } : {}),
    ],
    ["lg004", async () => (await import("./lg004.js")).benchLg004()],
    ["iac", async () => (await import("./iac.js")).benchIac()],
    ["fix", async () => (await import("./iac.js")).benchFix()],
    ["startup", async () => (await import("./iac.js")).benchStartup()],
    ["org", async () => (await import("./org.js")).benchOrg()],
    ["app", async () => (await import("./app.js")).benchApp()],
    ["reliability", async () => (await import("./reliability.js")).benchReliability()],
  ];
  let failed = false;
  for (const [name, bench] of benches) {
    if (only && only !== name) continue;
    process.stdout.write(`\n## ${name}\n`);
    try {
      const out = await bench();
      for (const [k, v] of Object.entries(out)) process.stdout.write(`${k.padEnd(62)} ${v}\n`);
    } catch (err) {
      failed = true;
      process.stdout.write(`${name} failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}
