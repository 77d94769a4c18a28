import { describe, expect, it } from "vitest";
import { applyUnifiedDiff, diffLines, unifiedDiff } from "../../src/iac/diff.js";

describe("unified diff", () => {
  it("produces git-style hunks with context", () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join("\n") + "\n";
    const after = before.replace("line 10\n", "line ten\n");
    expect(unifiedDiff("a.tf", before, after)).toBe(
      [
        "--- a/a.tf",
        "+++ b/a.tf",
        "@@ -7,7 +7,7 @@",
        " line 7",
        " line 8",
        " line 9",
        "-line 10",
        "+line ten",
        " line 11",
        " line 12",
        " line 13",
        "",
      ].join("\n"),
    );
  });

  it("round-trips insertions, deletions, separate hunks and missing final newlines", () => {
    const base = Array.from({ length: 40 }, (_, i) => `l${i}`);
    const cases: [string, string][] = [
      [
        base.join("\n") + "\n",
        [...base.slice(0, 5), "new", ...base.slice(5, 30), ...base.slice(33)].join("\n") + "\n",
      ],
      [base.join("\n"), base.join("\n") + "\n"],
      ["", "a\nb\n"],
      ["a\nb\n", ""],
      [base.join("\n") + "\n", base.map((l, i) => (i % 13 === 0 ? l + "!" : l)).join("\n")],
    ];
    for (const [a, b] of cases) expect(applyUnifiedDiff(a, unifiedDiff("f", a, b))).toBe(b);
    expect(unifiedDiff("f", "same\n", "same\n")).toBe("");
  });

  it("finds a shortest edit script", () => {
    const ops = diffLines(["a", "b", "c", "a", "b", "b", "a"], ["c", "b", "a", "b", "a", "c"]);
    expect(ops.filter((o) => o.kind !== " ")).toHaveLength(5);
  });
});
