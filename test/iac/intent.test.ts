import { describe, expect, it } from "vitest";
import { directivesFor, parseDirective } from "../../src/iac/intent.js";

describe("inline intent", () => {
  it("parses allow directives in #, // and block comments", () => {
    expect(parseDirective("# lambda-guard:allow LG001 signed webhook", 1)).toMatchObject({
      rules: ["LG001"],
      reason: "signed webhook",
      source: "inline",
    });
    expect(parseDirective("  x = 1 // lambda-guard:allow LG001,LG003 both", 2)).toMatchObject({
      rules: ["LG001", "LG003"],
      reason: "both",
    });
    expect(parseDirective("/* lambda-guard:allow LG002 svc */", 3)).toMatchObject({
      rules: ["LG002"],
      reason: "svc",
    });
    expect(parseDirective("#checkov:skip=CKV_AWS_258:Public status", 4)).toMatchObject({
      rules: ["LG001"],
      source: "checkov",
      reason: "Public status",
    });
    expect(parseDirective("#checkov:skip=CKV_AWS_999:other", 5)).toBeNull();
    expect(parseDirective('name = "lambda-guard:allow LG001 not a comment"', 6)).toBeNull();
  });

  it("looks inside the resource and in the comment block directly above it", () => {
    const lines = [
      "# lambda-guard:allow LG001 above",
      "resource {",
      "}",
      "",
      "# unrelated",
      "",
      "resource {",
      "  # lambda-guard:allow LG005 inside",
      "}",
    ];
    expect(directivesFor(lines, 2, 3).map((d) => d.rules[0])).toEqual(["LG001"]);
    expect(directivesFor(lines, 7, 9).map((d) => d.rules[0])).toEqual(["LG005"]);
  });
});
