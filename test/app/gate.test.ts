import { describe, expect, it } from "vitest";
import { checkNamesFromEnv } from "../../src/app/deps.js";
import { gate, type CheckRunContext } from "../../src/app/check-run.js";
import { FakeGitHub } from "../helpers/github-fake.js";
import { checkRunEvent, outputText, report, urlFinding } from "./helpers.js";

const fake = new FakeGitHub({ files: { "infra/main.tf": "" } });
const marked = outputText(report([urlFinding("webhook", "infra/main.tf", 7)]));

function payload(o: Parameters<typeof checkRunEvent>[1]): CheckRunContext["payload"] {
  return (checkRunEvent(fake, o) as unknown as { payload: CheckRunContext["payload"] }).payload;
}

describe("which check runs the app acts on (payload only)", () => {
  it.each([
    // name, slug, configured names, text, expected act / level
    ["Lambda Guard", "github-actions", [], marked, true, undefined],
    ["Lambda Guard (prod)", "github-actions", [], marked, true, undefined],
    ["security scan", "github-actions", [], marked, true, undefined],
    ["Lambda Guard (prod)", "github-actions", ["lambda guard*"], marked, true, undefined],
    ["LAMBDA GUARD", "github-actions", ["lambda guard"], marked, true, undefined],
    ["build", "github-actions", ["lambda guard*"], marked, false, "info"],
    ["Lambda Guard", "github-actions", [], "no marker", false, "debug"],
    ["Lambda Guard", "github-actions", [], null, false, "debug"],
    ["Lambda Guard", "my-ci-app", [], marked, false, "warn"],
    ["Lambda Guard", "my-ci-app", [], "no marker", false, "debug"],
  ] as const)("%s by %s, names %j → act %s", (name, slug, names, text, act, level) => {
    const v = gate(payload({ name, slug, text }), names);
    expect(v.act).toBe(act);
    if (!v.act) expect(v.level).toBe(level);
  });

  it("an unfinished run is ignored", () => {
    const v = gate(payload({ text: marked, status: "in_progress", action: "created" }), []);
    expect(v).toMatchObject({ act: false, reason: "status is in_progress" });
  });

  it("a marker from another app's token is refused with what to change", () => {
    const v = gate(payload({ text: marked, slug: "my-ci-app" }), []);
    expect(v.act).toBe(false);
    if (!v.act) {
      expect(v.reason).toContain('created by app "my-ci-app"');
      expect(v.reason).toContain("github-token");
      expect(v.reason).toContain("checks: write");
    }
  });

  it("LAMBDA_GUARD_CHECK_NAMES is optional: unset or empty accepts every name", () => {
    expect(checkNamesFromEnv({})).toEqual([]);
    expect(checkNamesFromEnv({ LAMBDA_GUARD_CHECK_NAMES: " , " })).toEqual([]);
    expect(checkNamesFromEnv({ LAMBDA_GUARD_CHECK_NAMES: "Lambda Guard*, audit" })).toEqual([
      "Lambda Guard*",
      "audit",
    ]);
  });
});
