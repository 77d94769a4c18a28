import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { patchFile } from "../../src/iac/fix.js";
import { syntaxError } from "../../src/iac/reparse.js";
import {
  applyJsonEdits,
  detectJsonFormatting,
  jsonAppendString,
  jsonInsertProperty,
  jsonNodeAt,
  jsonPathOf,
  jsonRemove,
  jsonReplaceValue,
  parseJson,
} from "../../src/iac/json-edit.js";
import { applyRangeEdits } from "../../src/iac/yaml-edit.js";

const TEXT = `{
  "A": {
    "Type": "X",
    "List": ["a", "b"],
    "Multi": [
      "m1",
      "m2"
    ]
  },
  "B": { "Type": "Y" },
  "C": {
    "Type": "Z"
  }
}
`;

describe("json-edit", () => {
  it("parses with positions and reports errors with line and column", () => {
    const src = parseJson(TEXT);
    expect(src.errors).toEqual([]);
    expect(jsonNodeAt(src, ["A", "Type"])?.value).toBe("X");
    const bad = parseJson('{\n  "a": 1\n  "b": 2\n}');
    expect(bad.errors[0]).toMatchObject({ message: "CommaExpected", line: 3, column: 3 });
  });

  it("computes the path of a node", () => {
    const src = parseJson(TEXT);
    expect(jsonPathOf(jsonNodeAt(src, ["A", "Multi", 1])!)).toEqual(["A", "Multi", 1]);
  });

  it("replaces a value", () => {
    const src = parseJson(TEXT);
    const out = applyRangeEdits(TEXT, [jsonReplaceValue(jsonNodeAt(src, ["A", "Type"])!, "W")]);
    expect(out).toBe(TEXT.replace('"Type": "X"', '"Type": "W"'));
  });

  it("removes members on their own lines as whole lines, fixing the comma of the last one", () => {
    const src = parseJson(TEXT);
    const middle = applyRangeEdits(TEXT, [jsonRemove(src, ["B"])!]);
    expect(middle).toBe(TEXT.replace('  "B": { "Type": "Y" },\n', ""));
    const last = applyJsonEdits(TEXT, [jsonRemove(src, ["C"])!]);
    expect(last).toBe(TEXT.replace(',\n  "C": {\n    "Type": "Z"\n  }', ""));
    expect(JSON.parse(last)).toEqual({ A: JSON.parse(TEXT).A, B: { Type: "Y" } });
    const item = applyJsonEdits(TEXT, [jsonRemove(src, ["A", "Multi", 1])!]);
    expect(item).toContain('"Multi": [\n      "m1"\n    ]');
    const inline = applyRangeEdits(TEXT, [jsonRemove(src, ["A", "List", 0])!]);
    expect(inline).toContain('"List": ["b"],');
  });

  it("appends strings inline or on a new line, and turns a string into a list", () => {
    const src = parseJson(TEXT);
    const out = applyRangeEdits(TEXT, [
      jsonAppendString(src, jsonNodeAt(src, ["A", "List"])!, "c")!,
      jsonAppendString(src, jsonNodeAt(src, ["A", "Multi"])!, "m3")!,
      jsonAppendString(src, jsonNodeAt(src, ["A", "Type"])!, "X2")!,
    ]);
    expect(out).toContain('"Type": ["X", "X2"],');
    expect(out).toContain('"List": ["a", "b", "c"],');
    expect(out).toContain('"Multi": [\n      "m1",\n      "m2",\n      "m3"\n    ]');
    expect(() => JSON.parse(out)).not.toThrow();
  });

  it("inserts a property with the document's indentation", () => {
    expect(detectJsonFormatting(TEXT)).toMatchObject({ insertSpaces: true, tabSize: 2 });
    const src = parseJson(TEXT);
    const out = applyRangeEdits(TEXT, [jsonInsertProperty(src, ["C"], "New", "v")!]);
    expect(JSON.parse(out).C).toEqual({ Type: "Z", New: "v" });
    expect(out).toContain('    "Type": "Z",\n    "New": "v"\n');
  });
});

/** Prints JSON with each container inline or on lines of its own, as `multiline` says in turn. */
function printMixed(v: unknown, multiline: readonly boolean[], indent: string): string {
  let n = 0;
  const nextStyle = () => multiline[n++ % Math.max(1, multiline.length)] ?? true;
  const pr = (x: unknown, depth: number): string => {
    if (x === null || typeof x !== "object") return JSON.stringify(x);
    const entries = Array.isArray(x)
      ? x.map((e) => pr(e, depth + 1))
      : Object.entries(x).map(([k, e]) => `${JSON.stringify(k)}: ${pr(e, depth + 1)}`);
    const [open, close] = Array.isArray(x) ? ["[", "]"] : ["{", "}"];
    if (entries.length === 0) return `${open}${close}`;
    if (!nextStyle()) return `${open}${entries.join(", ")}${close}`;
    const pad = indent.repeat(depth + 1);
    return `${open}\n${entries.map((e) => pad + e).join(",\n")}\n${indent.repeat(depth)}${close}`;
  };
  return pr(v, 0) + "\n";
}

/** Paths of every member and item below the root. */
function memberPaths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== "object") return [];
  const keys: (string | number)[] = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return keys.flatMap((k) => [
    [...at, k],
    ...memberPaths((v as Record<string | number, unknown>)[k], [...at, k]),
  ]);
}

function withoutPaths(v: unknown, paths: (string | number)[][]): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  // Deepest and highest index first, so earlier removals do not shift later paths.
  const sorted = [...paths].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (a[i] !== b[i]) return typeof a[i] === "number" ? (b[i] as number) - (a[i] as number) : 0;
    }
    return b.length - a.length;
  });
  for (const p of sorted) {
    let c: Record<string | number, unknown> = copy;
    for (const k of p.slice(0, -1)) c = c[k] as Record<string | number, unknown>;
    const last = p[p.length - 1]!;
    if (Array.isArray(c)) c.splice(last as number, 1);
    else delete c[last];
  }
  return copy;
}

describe("json-edit: removals compose into valid JSON", () => {
  const container = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.integer(),
      fc.string({ maxLength: 6 }),
      fc.constant(null),
      tie("array"),
      tie("object"),
    ),
    array: fc.array(tie("value"), { maxLength: 5 }),
    object: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie("value"), { maxKeys: 5 }),
  }));

  it("removing any set of members (none inside another) re-parses to the value without them", async () => {
    await fc.assert(
      fc.asyncProperty(
        container.object,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.constantFrom("  ", "    ", "\t"),
        fc.infiniteStream(fc.boolean()),
        async (value, styles, indent, picks) => {
          const text = printMixed(value, styles, indent);
          const all = memberPaths(value);
          const chosen: (string | number)[][] = [];
          for (const p of all) {
            const insideChosen = chosen.some((c) => c.every((k, i) => p[i] === k));
            if (!insideChosen && picks.next().value) chosen.push(p);
          }
          const src = parseJson(text);
          const edits = chosen.map((p) => ({ path: "t.json", ...jsonRemove(src, p)! }));
          const out = patchFile("t.json", text, edits);
          expect(await syntaxError("t.json", out)).toBeNull();
          expect(JSON.parse(out)).toEqual(withoutPaths(value, chosen));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("removes the last entries of Resources as CDK lays a template out, without a dangling comma", () => {
    const template = JSON.stringify(
      {
        Resources: {
          Fn: { Type: "AWS::Lambda::Function" },
          PermA: { Type: "AWS::Lambda::Permission", Properties: { Principal: "*" } },
          PermB: { Type: "AWS::Lambda::Permission", Properties: { Principal: "*" } },
        },
        Outputs: {},
      },
      null,
      1,
    );
    const src = parseJson(template);
    const out = patchFile("cdk.out.json", template, [
      { path: "cdk.out.json", ...jsonRemove(src, ["Resources", "PermA"])! },
      { path: "cdk.out.json", ...jsonRemove(src, ["Resources", "PermB"])! },
    ]);
    expect(out).toContain('"Fn": {\n   "Type": "AWS::Lambda::Function"\n  }\n },');
    expect(JSON.parse(out)).toEqual({ Resources: { Fn: { Type: "AWS::Lambda::Function" } }, Outputs: {} });
  });

  it("keeps a document that already uses trailing commas in its style", () => {
    const text = '{\n  "a": 1,\n  "b": 2,\n  "c": 3,\n}\n';
    const out = applyJsonEdits(text, [jsonRemove(parseJson(text), ["b"])!]);
    expect(out).toBe('{\n  "a": 1,\n  "c": 3,\n}\n');
  });
});
