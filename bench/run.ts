// `npm run bench`: speed and memory targets live here, not in timed unit tests. scripts/bench.mjs bundles
// this file and runs it on plain node, so no TypeScript loader inflates the measured memory.
import { benchApp } from "./app.js";
import { benchFix, benchIac, benchStartup } from "./iac.js";
import { benchLambda } from "./lambda.js";
import { benchLg004, writeLg004State } from "./lg004.js";
import { benchOrg } from "./org.js";
import { benchReliability } from "./reliability.js";

type Bench = () => Promise<Record<string, string | number | boolean>>;

if (process.argv[2] === "--write-lg004-state") {
  await writeLg004State(process.argv[3]!, process.argv[4]!);
} else {
  const only = process.argv[2];
  const benches: [string, Bench][] = [
    // `npm run bench -- lambda 10`: the same account at another time compression S (default 20).
    ["lambda", () => benchLambda(process.argv[3] ? { scale: Number(process.argv[3]) } : {})],
    ["lg004", () => benchLg004()],
    ["iac", () => benchIac()],
    ["fix", () => benchFix()],
    ["startup", () => benchStartup()],
    ["org", () => benchOrg()],
    ["app", () => benchApp()],
    ["reliability", () => benchReliability()],
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
