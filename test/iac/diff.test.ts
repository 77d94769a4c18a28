import fc from "fast-check";
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

describe("unified diff on many scattered changes", () => {
  it("round-trips random edits of large texts (anchored diff) and of small ones (Myers)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 3000 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom("del", "ins", "rep", "dup")), { maxLength: 60 }),
        fc.boolean(),
        (size, changes, finalNewline) => {
          // Real files repeat lines (`}`, blank lines) between unique ones.
          const lines = Array.from({ length: size }, (_, i) => (i % 3 === 0 ? "}" : `line ${i}`));
          const after = [...lines];
          for (const [at, kind] of changes) {
            const k = at % Math.max(1, after.length);
            if (kind === "del") after.splice(k, 1);
            else if (kind === "ins") after.splice(k, 0, `new ${at}`);
            else if (kind === "rep") after[k] = `changed ${at}`;
            else after.splice(k, 0, "}");
          }
          const before = lines.join("\n") + (finalNewline ? "\n" : "");
          const text = after.join("\n") + "\n";
          expect(applyUnifiedDiff(before, unifiedDiff("f.tf", before, text))).toBe(text);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("keeps a diff of 2,000 one-line changes small and fast enough to build", () => {
    const before = Array.from({ length: 8000 }, (_, i) => (i % 4 === 3 ? "}" : `  attr_${i} = "NONE"`)).join(
      "\n",
    );
    const after = before.replace(/attr_(\d+) = "NONE"/g, (m, d: string) =>
      Number(d) % 4 === 0 ? `attr_${d} = "AWS_IAM"` : m,
    );
    const d = unifiedDiff("main.tf", before, after);
    expect(d.split("\n").filter((l) => l.startsWith("-") && !l.startsWith("---"))).toHaveLength(2000);
    expect(applyUnifiedDiff(before, d)).toBe(after);
  });
});
