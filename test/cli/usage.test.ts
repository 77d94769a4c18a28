import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { internalError, main } from "../../src/cli/main.js";
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
    [["scan", "--api-budget", "0"], /--api-budget: must be a decimal number above 0/],
    [["scan", "--api-budget", "lots"], /--api-budget: .*got 'lots'/],
    [
      ["scan", "--api-budget", "-1"],
      /^lambda-guard: --api-budget: must be a decimal number above 0 such as 0\.9 .*got '-1'\n$/,
    ],
    [
      ["scan", "--api-budget", "0x10"],
      /^lambda-guard: --api-budget: must be a decimal number above 0 .*got '0x10'\n$/,
    ],
    [["scan", "--api-budget", "1e3"], /--api-budget: .*got '1e3'/],
    [
      ["scan", "--timeout", "30"],
      /^lambda-guard: --timeout: must be a duration from 1s to 24h such as 30m, 1h30m or 90s, got '30'\n$/,
    ],
    [["scan", "--timeout", "soon"], /--timeout: .*got 'soon'/],
    [["scan", "--timeout", "-5m"], /--timeout: .*got '-5m'/],
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

  it("rejects a YAML alias bomb in the config in one line, exit 2", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lg-cli-"));
    await mkdir(join(dir, ".github"));
    const levels = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < levels.length; i++) {
      const ref = `*${levels[i - 1]}`;
      lines.push(`${levels[i]}: &${levels[i]} [${Array(9).fill(ref).join(",")}]`);
    }
    await writeFile(join(dir, ".github/lambda-guard.yml"), lines.join("\n") + "\n");
    const r = await run(["iac", "."], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^lambda-guard: .*\.github\/lambda-guard\.yml: invalid YAML: too many alias \(\*name\) expansions .* — write the values out instead of repeating anchors\n$/,
    );
  });

  it.each([
    ['failOn: "high\nlookbackDays: 30\nregions: all\n', 1],
    ["regions: [us-east-1,\nlookbackDays: 3\n", 1],
    ["failOn: high\nallow:\n  - rule: LG001\n   resource: x\n", 4],
    ["failOn: high\nregions all\nlookbackDays: 30\n", 2],
  ] as const)("reports a YAML syntax error on the line of the mistake: %j → line %d", async (text, line) => {
    const dir = await mkdtemp(join(tmpdir(), "lg-cli-"));
    await writeFile(join(dir, "lg.yml"), text);
    const r = await run(["iac", ".", "--config", "lg.yml"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      new RegExp(`^lambda-guard: .*lg\\.yml:${line}: invalid YAML: .* — fix the syntax on that line\n$`),
    );
  });

  it("rejects --output under a path that is a file before scanning, exit 2", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lg-cli-"));
    await writeFile(join(dir, "report"), "I am a file");
    const r = await run(["iac", ".", "--output", "report/out.json"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^lambda-guard: --output: cannot create 'report\/out\.json': '.*\/report' is a file, not a directory — choose a path whose folders are folders\n$/,
    );
    const scan = await run(
      ["scan", "--endpoint-url", "http://127.0.0.1:9", "--output", "report/x/y.json"],
      dir,
    );
    expect(scan.code).toBe(2);
    expect(scan.err).toMatch(/--output: cannot create 'report\/x\/y\.json': '.*\/report' is a file/);
    const isDir = await run(["iac", ".", "--output", "."], dir);
    expect(isDir.err).toMatch(/--output: '\.' is a directory — give a file name/);
  });

  it("an internal error exits 4 with one line; the stack only with LAMBDA_GUARD_DEBUG=1", async () => {
    const boom = new TypeError("Cannot read properties of undefined (reading 'x')");
    const io = fakeIo();
    expect(internalError(io, boom)).toBe(4);
    expect(io.stderr()).toMatch(
      /^lambda-guard: internal error \(a bug in lambda-guard, not in your input\): Cannot read properties of undefined \(reading 'x'\) — rerun with LAMBDA_GUARD_DEBUG=1 for the stack and report it\n$/,
    );
    const dbg = fakeIo();
    dbg.env.LAMBDA_GUARD_DEBUG = "1";
    internalError(dbg, boom);
    expect(dbg.stderr()).toContain("at ");
    expect(dbg.stderr().split("\n").length).toBeGreaterThan(3);
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
