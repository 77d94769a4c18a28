import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigSchema, defaultConfig, InputError, loadConfig, parseConfig } from "../../src/model/index.js";

describe("config file", () => {
  it("parses the CONTRACTS.md §4 example", () => {
    const c = parseConfig(`
failOn: high
regions: all
lookbackDays: 90
rules: { LG003: low }
allow:
  - rule: LG001
    resource: arn:aws:lambda:us-east-1:111122223333:function:stripe-webhook
    reason: Stripe signs every request; the handler verifies the signature
    expires: 2027-06-30
pullRequests: { enabled: true, labels: [security], reviewers: [] }
issues: { enabled: true, labels: [security] }
`);
    expect(c.failOn).toBe("high");
    expect(c.rules.LG003).toBe("low");
    expect(c.allow[0]).toMatchObject({ rule: "LG001", expires: "2027-06-30" });
    expect(c.pullRequests.labels).toEqual(["security"]);
  });

  it("defaults without a file to exactly what an empty file parses to", () => {
    expect(defaultConfig()).toStrictEqual(ConfigSchema.parse({}));
    expect(defaultConfig()).toStrictEqual(parseConfig(""));
    // A fresh object each time: callers may adjust the one they get.
    expect(defaultConfig().allow).not.toBe(defaultConfig().allow);
  });

  it("fills defaults for an empty file", () => {
    const c = parseConfig("");
    expect(c).toMatchObject({ failOn: "high", regions: "all", lookbackDays: 90, allow: [] });
    expect(c.issues.enabled).toBe(true);
  });

  const bad: [string, string, RegExp][] = [
    ["failOn: severe\n", "failOn", /lambda-guard\.yml:1: failOn: .*critical, high, medium, low, none/],
    ["lookbackDays: 120\n", "lookbackDays", /:1: lookbackDays: .*1 to 90/],
    ["regions: [us-east-1, Mars]\n", "regions", /regions\[1\]/],
    ["allow:\n  - rule: LG001\n    resource: x\n", "reason", /:2: allow\[0\]\.reason/],
    ["allow:\n  - rule: LG009\n    resource: x\n    reason: y\n", "rule", /allow\[0\]\.rule/],
    [
      "allow:\n  - rule: LG001\n    resource: x\n    reason: y\n    expires: soon\n",
      "expires",
      /:5: allow\[0\]\.expires: must be a date written YYYY-MM-DD/,
    ],
    ["failon: high\n", "unknown", /:1: failon: unknown field 'failon'.*check the spelling/],
    ["rules: { LG003: loud }\n", "rules", /rules\.LG003/],
    ["failOn: [high\n", "yaml", /lambda-guard\.yml:\d+: invalid YAML: .* — fix the syntax/],
    ["- a\n- b\n", "mapping", /must be a YAML mapping/],
  ];
  it.each(bad)("rejects %j naming the field (%s) and the fix", (text, _field, re) => {
    let err: unknown;
    try {
      parseConfig(text, ".github/lambda-guard.yml");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(re);
    expect((err as Error).message).toContain(".github/lambda-guard.yml");
  });

  it("loads the default path relative to cwd, and defaults when it is absent", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lg-config-"));
    expect((await loadConfig(undefined, dir)).path).toBeNull();
    await mkdir(join(dir, ".github"));
    await writeFile(join(dir, ".github/lambda-guard.yml"), "failOn: medium\n");
    const { config, path } = await loadConfig(undefined, dir);
    expect(config.failOn).toBe("medium");
    expect(path).toBe(join(dir, ".github/lambda-guard.yml"));
  });

  it("fails when an explicit config file is missing", async () => {
    await expect(loadConfig("/nonexistent/lg.yml")).rejects.toThrow(
      /\/nonexistent\/lg\.yml: cannot read the config file \(ENOENT\)/,
    );
  });
});
