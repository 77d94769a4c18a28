// `npm run bench`: speed and memory targets live here, not in timed unit tests.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { benchLambda } from "./lambda.js";

type Bench = () => Promise<Record<string, string | number | boolean>>;

async function optional(file: string, name: string): Promise<Bench | null> {
  const path = fileURLToPath(new URL(file, import.meta.url));
  if (!existsSync(path)) return null;
  const mod = (await import(path)) as Record<string, Bench>;
  return mod[name] ?? null;
}

const only = process.argv[2];
const benches: [string, Bench | null][] = [
  ["lambda", () => benchLambda()],
  ["lg004", await optional("./lg004.ts", "benchLg004")],
  ["iac", await optional("./iac.ts", "benchIac")],
];

let failed = false;
for (const [name, bench] of benches) {
  if (only && only !== name) continue;
  if (!bench) continue;
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
