import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { fakeIo } from "./helpers.js";

async function run(args: string[], cwd?: string) {
  const io = fakeIo(cwd);
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe("CLI usage errors exit 2 and name the flag and the fix", () => {
  const cases: [string[], RegExp][] = [
    [["scan", "--format", "xml"], /--format: must be one of text, json, sarif, markdown, asff, got 'xml'/],
    [["scan", "--fail-on", "severe"], /--fail-on: must be one of critical, high, medium, low, none/],
    [["scan", "--regions", "us-east-1,Mars"], /--regions: 'Mars' is not a region name/],
    [["scan", "--lookback-days", "91"], /--lookback-days: must be a whole number of days from 1 to 90/],
    [["scan", "--rules", "LG001,LG042"], /--rules: unknown rule 'LG042'/],
    [["scan", "--api-budget", "0"], /--api-budget: must be a number above 0/],
    [["scan", "--api-budget", "lots"], /--api-budget: .*got 'lots'/],
    [["scan", "--endpoint-url", "ftp://x"], /--endpoint-url: must be an http\(s\) URL/],
    [["scan", "--bogus"], /scan: Unknown option '--bogus'.*see 'lambda-guard --help'/],
    [["scan", "extra"], /unexpected argument 'extra'/],
    [["scan", "--config", "/nonexistent/x.yml"], /\/nonexistent\/x\.yml: cannot read the config file/],
    [["frobnicate"], /unknown command 'frobnicate' — use scan, iac, fix, emulate, demo, accounts or merge/],
    [["emulate"], /--state FILE is required/],
    [["iac", "/nonexistent/infra"], /iac \/nonexistent\/infra: no such directory — pass the folder/],
    [["fix", "/etc/hostname"], /fix \/etc\/hostname: not a directory/],
    [["emulate", "--state", "/nonexistent/state.json"], /\/nonexistent\/state\.json/],
  ];
  it.each(cases)("%j", async (args, re) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(re);
    expect(r.err).not.toMatch(/unexpected error/);
  });

  it("prints usage with --help (exit 0) and without a command (exit 2)", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("lambda-guard scan");
    expect(help.out).toContain("Exit codes");
    expect((await run([])).code).toBe(2);
  });

  it("rejects a config file with a bad field before touching AWS", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lg-cli-"));
    await writeFile(join(dir, "lg.yml"), "failOn: high\nlookbackDays: 0\n");
    const r = await run(["scan", "--config", "lg.yml"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/lg\.yml:2: lookbackDays/);
  });

  it("rejects a --report that is not a lambda-guard report", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lg-cli-"));
    await writeFile(join(dir, "r.json"), JSON.stringify({ schema: "something-else" }));
    const r = await run(["fix", dir, "--report", join(dir, "r.json")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/r\.json: not a lambda-guard report: schema/);
    await writeFile(join(dir, "bad.json"), "{");
    const r2 = await run(["fix", dir, "--report", join(dir, "bad.json")]);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/bad\.json: cannot read the report as JSON/);
  });
});
