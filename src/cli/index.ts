#!/usr/bin/env node
import { main } from "./main.js";
import { tuneForShortRun } from "./short-run.js";

const argv = process.argv.slice(2);
// Process-wide tuning is the executable's business, not main()'s (tests drive main() in their own process).
if (argv[0] === "iac" || argv[0] === "fix") await tuneForShortRun();
process.exitCode = await main(argv);
