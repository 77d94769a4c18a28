import { describe, expect, it } from "vitest";
import {
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
    const last = applyRangeEdits(TEXT, [jsonRemove(src, ["C"])!]);
    expect(last).toBe(TEXT.replace(',\n  "C": {\n    "Type": "Z"\n  }', ""));
    expect(JSON.parse(last)).toEqual({ A: JSON.parse(TEXT).A, B: { Type: "Y" } });
    const item = applyRangeEdits(TEXT, [jsonRemove(src, ["A", "Multi", 1])!]);
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
