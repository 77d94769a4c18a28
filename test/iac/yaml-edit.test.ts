import { describe, expect, it } from "vitest";
import {
  applyRangeEdits,
  isMap,
  isScalar,
  isSeq,
  lineAt,
  parseYaml,
  sequenceIndent,
  yamlAppendToSeq,
  yamlInsertPair,
  yamlLines,
  yamlNodeAt,
  yamlPairAt,
  yamlRemovePair,
  yamlRemoveSeqItem,
  yamlReplaceScalar,
  yamlScalarToSeq,
  type YAMLMap,
  type YAMLSeq,
} from "../../src/iac/yaml-edit.js";

const CFN = `# header comment
Resources:
  Url:
    Type: AWS::Lambda::Url   # trailing
    Properties:
      AuthType: !Ref Auth
      Other: !If [IsProd, AWS_IAM, "NONE"]
      Target: !GetAtt Fn.Arn
      Joined: !Join
        - ""
        - [a, b]
      Flow: {a: 1, b: 2}

  Next:
    Type: X
`;

function map(src: ReturnType<typeof parseYaml>, path: (string | number)[]): YAMLMap {
  const n = yamlNodeAt(src, path);
  if (!isMap(n)) throw new Error(`no map at ${path.join(".")}`);
  return n;
}

function seq(src: ReturnType<typeof parseYaml>, path: (string | number)[]): YAMLSeq {
  const n = yamlNodeAt(src, path);
  if (!isSeq(n)) throw new Error(`no seq at ${path.join(".")}`);
  return n;
}

describe("yaml-edit", () => {
  it("parses CloudFormation short-form tags without errors or warnings, keeping the tags", () => {
    const src = parseYaml(CFN, { cloudformation: true });
    expect(src.errors).toEqual([]);
    expect(src.doc.warnings).toEqual([]);
    expect(yamlNodeAt(src, ["Resources", "Url", "Properties", "AuthType"])?.tag).toBe("!Ref");
    expect(yamlNodeAt(src, ["Resources", "Url", "Properties", "Other"])?.tag).toBe("!If");
    expect(yamlNodeAt(src, ["Resources", "Url", "Properties", "Joined"])?.tag).toBe("!Join");
  });

  it("reports syntax errors with 1-based line and column", () => {
    const src = parseYaml("a: [1, 2\nb: 3\n");
    expect(src.errors[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(src.errors[0]!.line).toBeGreaterThanOrEqual(1);
  });

  it("gives node and pair lines", () => {
    const src = parseYaml(CFN, { cloudformation: true });
    const pair = yamlPairAt(src, ["Resources", "Url"])!;
    expect(yamlLines(src, pair)).toEqual({ startLine: 3, endLine: 12 });
    expect(lineAt(CFN, CFN.indexOf("Next:"))).toBe(14);
  });

  it("replaces a scalar keeping its quote style and the trailing comment", () => {
    const text = `a: NONE  # c\nb: 'NONE'\nc: "NONE"\n`;
    const src = parseYaml(text);
    const edits = ["a", "b", "c"].map((k) => {
      const n = yamlNodeAt(src, [k]);
      if (!isScalar(n)) throw new Error();
      return yamlReplaceScalar(text, n, "AWS_IAM");
    });
    expect(applyRangeEdits(text, edits)).toBe(`a: AWS_IAM  # c\nb: 'AWS_IAM'\nc: "AWS_IAM"\n`);
  });

  it("quotes new plain values that YAML would read differently", () => {
    const text = `a: x\n`;
    const src = parseYaml(text);
    const n = yamlNodeAt(src, ["a"]);
    if (!isScalar(n)) throw new Error();
    expect(yamlReplaceScalar(text, n, "*").newText).toBe('"*"');
    expect(yamlReplaceScalar(text, n, "true").newText).toBe('"true"');
    expect(yamlReplaceScalar(text, n, "lambda:ListTags").newText).toBe("lambda:ListTags");
  });

  it("removes a block mapping entry with its whole lines, and one surrounding blank line", () => {
    const src = parseYaml(CFN, { cloudformation: true });
    const res = map(src, ["Resources"]);
    const e = yamlRemovePair(CFN, res, yamlPairAt(src, ["Resources", "Url"])!);
    expect(applyRangeEdits(CFN, [e])).toBe("# header comment\nResources:\n\n  Next:\n    Type: X\n");
    const e2 = yamlRemovePair(CFN, res, yamlPairAt(src, ["Resources", "Next"])!);
    expect(applyRangeEdits(CFN, [e2]).endsWith("      Flow: {a: 1, b: 2}\n\n")).toBe(true);
  });

  it("removes a flow mapping entry with its comma", () => {
    const src = parseYaml(CFN, { cloudformation: true });
    const flow = map(src, ["Resources", "Url", "Properties", "Flow"]);
    const first = yamlRemovePair(CFN, flow, flow.items[0]!);
    expect(applyRangeEdits(CFN, [first])).toContain("Flow: {b: 2}\n");
    const last = yamlRemovePair(CFN, flow, flow.items[1]!);
    expect(applyRangeEdits(CFN, [last])).toContain("Flow: {a: 1}\n");
  });

  it("removes block and flow sequence items", () => {
    const text = `s:\n  - a\n  - b: 1\n    c: 2\n  - d\nf: [x, y, z]\n`;
    const src = parseYaml(text);
    const s = seq(src, ["s"]);
    expect(applyRangeEdits(text, [yamlRemoveSeqItem(text, s, 1)!])).toBe(`s:\n  - a\n  - d\nf: [x, y, z]\n`);
    const f = seq(src, ["f"]);
    expect(applyRangeEdits(text, [yamlRemoveSeqItem(text, f, 1)!])).toContain("f: [x, z]");
    expect(applyRangeEdits(text, [yamlRemoveSeqItem(text, f, 2)!])).toContain("f: [x, y]");
  });

  it("appends to block sequences at the item indentation, and to flow sequences inline", () => {
    const text = `a:\n- one\n- "two"\nb:\n    - x # c\nc: [p, q]\n`;
    const src = parseYaml(text);
    const out = applyRangeEdits(text, [
      yamlAppendToSeq(text, seq(src, ["a"]), "three")!,
      yamlAppendToSeq(text, seq(src, ["b"]), "y")!,
      yamlAppendToSeq(text, seq(src, ["c"]), "r")!,
    ]);
    expect(out).toBe(`a:\n- one\n- "two"\n- "three"\nb:\n    - x # c\n    - y\nc: [p, q, r]\n`);
  });

  it("keeps CRLF line endings", () => {
    const text = "a:\r\n  - one\r\nb: 1\r\n";
    const src = parseYaml(text);
    expect(applyRangeEdits(text, [yamlAppendToSeq(text, seq(src, ["a"]), "two")!])).toBe(
      "a:\r\n  - one\r\n  - two\r\nb: 1\r\n",
    );
  });

  it("turns a scalar into a block sequence using the document's sequence indentation", () => {
    for (const [text, expected] of [
      [
        `S:\n  - Action: lambda:GetFunction  # why\n    Resource: "*"\n`,
        `S:\n  - Action:\n      - lambda:GetFunction  # why\n      - lambda:ListTags\n    Resource: "*"\n`,
      ],
      [
        `S:\n- Action: 'lambda:GetFunction'\n  Resource: x\n`,
        `S:\n- Action:\n  - 'lambda:GetFunction'\n  - 'lambda:ListTags'\n  Resource: x\n`,
      ],
    ] as const) {
      const src = parseYaml(text);
      const stmt = map(src, ["S", 0]);
      const pair = stmt.items.find((p) => isScalar(p.key) && p.key.value === "Action")!;
      expect(applyRangeEdits(text, [yamlScalarToSeq(src, stmt, pair, "lambda:ListTags")!])).toBe(expected);
    }
    expect(sequenceIndent(parseYaml("a:\n- x\n"))).toBe(0);
    expect(sequenceIndent(parseYaml("a:\n    - x\n"))).toBe(4);
  });

  it("uses a flow sequence in flow mappings, beside flow siblings, or when asked", () => {
    const text = `s: { Action: lambda:GetFunction, Resource: "*" }\nt:\n  Action: x\n  Resource: [a]\n`;
    const src = parseYaml(text);
    const s = map(src, ["s"]);
    const t = map(src, ["t"]);
    const out = applyRangeEdits(text, [
      yamlScalarToSeq(src, s, s.items[0]!, "lambda:ListTags")!,
      yamlScalarToSeq(src, t, t.items[0]!, "y")!,
    ]);
    expect(out).toBe(
      `s: { Action: [lambda:GetFunction, lambda:ListTags], Resource: "*" }\nt:\n  Action: [x, y]\n  Resource: [a]\n`,
    );
  });

  it("inserts a mapping entry in block and flow mappings", () => {
    const text = `url:\n  cors: true\n  invokeMode: BUFFERED   # c\nother: { cors: true }\nempty: {}\n`;
    const src = parseYaml(text);
    const out = applyRangeEdits(text, [
      yamlInsertPair(text, map(src, ["url"]), "authorizer", "aws_iam")!,
      yamlInsertPair(text, map(src, ["other"]), "authorizer", "aws_iam")!,
      yamlInsertPair(text, map(src, ["empty"]), "authorizer", "aws_iam")!,
    ]);
    expect(out).toBe(
      `url:\n  cors: true\n  invokeMode: BUFFERED   # c\n  authorizer: aws_iam\nother: { cors: true, authorizer: aws_iam }\nempty: { authorizer: aws_iam }\n`,
    );
  });

  it("refuses overlapping edits", () => {
    expect(() =>
      applyRangeEdits("abcdef", [
        { start: 1, end: 4, newText: "" },
        { start: 3, end: 5, newText: "" },
      ]),
    ).toThrow(/overlapping/);
  });
});
