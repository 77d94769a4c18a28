import { describe, expect, it } from "vitest";
import type { OwnPr } from "../../src/app/own-items.js";
import { decidePr, planDelivery, type PrDecision } from "../../src/app/plan.js";
import { ConfigSchema } from "../../src/model/index.js";
import { principalFinding, urlFinding } from "./helpers.js";

const NOW = new Date("2026-11-23T10:00:00Z");
const a = urlFinding("a", "infra/a.tf");
const b = urlFinding("b", "infra/b.tf");
const c = principalFinding("ci");

describe("planDelivery", () => {
  it.each([
    ["defaults: every active finding goes to the engine", {}, new Map<string, number>(), [a, b, c], [], []],
    [
      "a dismissed finding is left out and named with its PR",
      {},
      new Map([[b.fingerprint, 7]]),
      [a, c],
      [],
      [[b, 7]],
    ],
    [
      "pull requests off: everything goes to the issue as code",
      { pullRequests: { enabled: false } },
      new Map<string, number>(),
      [],
      [
        [a, "code"],
        [b, "code"],
        [c, "code"],
      ],
      [],
    ],
    [
      "an allow entry still valid: suppressed, nowhere",
      {
        allow: [{ rule: "LG001", resource: "*function:a", reason: "signed webhook", expires: "2027-01-01" }],
      },
      new Map<string, number>(),
      [b, c],
      [],
      [],
    ],
    [
      "an allow entry past its date: the issue, as expired",
      {
        allow: [{ rule: "LG001", resource: "*function:a", reason: "signed webhook", expires: "2026-01-01" }],
      },
      new Map<string, number>(),
      [b, c],
      [[a, "expired"]],
      [],
    ],
  ] as const)("%s", (_name, config, dismissedBy, toFix, items, dismissed) => {
    const plan = planDelivery({
      findings: [a, b, c],
      config: ConfigSchema.parse(config),
      now: NOW,
      dismissedBy,
    });
    expect(plan.toFix.map((f) => f.fingerprint)).toEqual(toFix.map((f) => f.fingerprint));
    expect(plan.items.map((x) => [x.finding.fingerprint, x.category])).toEqual(
      items.map(([f, cat]) => [f.fingerprint, cat]),
    );
    expect(plan.dismissed.map((x) => [x.finding.fingerprint, x.pr])).toEqual(
      dismissed.map(([f, pr]) => [f.fingerprint, pr]),
    );
  });
});

const pr = (number: number, state: "open" | "closed", fps: string[], extra: Partial<OwnPr> = {}): OwnPr => ({
  number,
  state,
  merged: false,
  body: "",
  marker: { check: "Lambda Guard", digest: `d${number}`, fingerprints: fps },
  ...extra,
});

describe("decidePr", () => {
  const base = {
    hasPatch: true,
    digest: "new",
    fingerprints: ["a"],
    reported: new Set(["a"]),
    resolvable: true,
    dismissedCount: 0,
    otherFindings: 0,
  };
  it.each<[string, Partial<Parameters<typeof decidePr>[0]>, PrDecision["kind"]]>([
    ["nothing open, a patch: create", { prs: [] }, "create"],
    [
      "open PR with the same digest: unchanged",
      { prs: [pr(1, "open", ["a"], { marker: { check: "x", digest: "new", fingerprints: ["a"] } })] },
      "unchanged",
    ],
    ["open PR, new patch: update", { prs: [pr(1, "open", ["a"])] }, "update"],
    [
      "open PR with more fixes, incomplete report: keep it",
      { prs: [pr(1, "open", ["a", "b"])], resolvable: false },
      "unchanged",
    ],
    ["open PR with more fixes, complete report: update", { prs: [pr(1, "open", ["a", "b"])] }, "update"],
    ["only dismissed findings in the patch: dismissed", { prs: [pr(2, "closed", ["a"])] }, "dismissed"],
    ["a merged PR is not a dismissal: create", { prs: [pr(2, "closed", ["a"], { merged: true })] }, "create"],
    [
      "closed as resolved by the app is not a dismissal: create",
      {
        prs: [
          pr(2, "closed", ["a"], {
            marker: { check: "x", digest: "d", fingerprints: ["a"], resolved: true },
          }),
        ],
      },
      "create",
    ],
    [
      "no patch, open PR whose findings are gone, complete report: close",
      { hasPatch: false, prs: [pr(1, "open", ["z"])] },
      "close-resolved",
    ],
    [
      "no patch, open PR whose findings are gone, incomplete report: keep",
      { hasPatch: false, resolvable: false, prs: [pr(1, "open", ["z"])] },
      "keep-open",
    ],
    ["no patch, open PR still reported: keep", { hasPatch: false, prs: [pr(1, "open", ["a"])] }, "keep-open"],
    [
      "no patch, only dismissed findings: dismissed",
      { hasPatch: false, prs: [], dismissedCount: 1, firstDismissedPr: 4 },
      "dismissed",
    ],
    [
      "no patch, dismissed and unfixed ones: none",
      { hasPatch: false, prs: [], dismissedCount: 1, otherFindings: 1 },
      "none",
    ],
    ["no patch, nothing: none", { hasPatch: false, prs: [] }, "none"],
  ])("%s", (_name, facts, kind) => {
    expect(decidePr({ ...base, prs: [], ...facts }).kind).toBe(kind);
  });
});
