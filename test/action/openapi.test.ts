import { describe, expect, it } from "vitest";
import { validateCheckRequest } from "./openapi.js";

const ann = { path: "a.tf", start_line: 1, end_line: 1, annotation_level: "failure", message: "m" };

describe("the OpenAPI request validator catches what GitHub rejects", () => {
  it("accepts a valid create and update", () => {
    expect(
      validateCheckRequest("POST", { name: "Lambda Guard", head_sha: "a".repeat(40), status: "in_progress" }),
    ).toEqual([]);
    expect(
      validateCheckRequest("PATCH", {
        status: "completed",
        conclusion: "success",
        output: { title: "t", summary: "s", annotations: Array(50).fill(ann) },
      }),
    ).toEqual([]);
  });
  it.each([
    [
      "a 51st annotation",
      { output: { title: "t", summary: "s", annotations: Array(51).fill(ann) } },
      /maxItems 50/,
    ],
    [
      "a 65,536-character summary",
      { output: { title: "t", summary: "s".repeat(65_536) } },
      /maxLength 65535/,
    ],
    ["a bad conclusion", { conclusion: "error" }, /not one of/],
    [
      "a bad level",
      { output: { title: "t", summary: "s", annotations: [{ ...ann, annotation_level: "error" }] } },
      /not one of/,
    ],
    [
      "a missing line",
      { output: { title: "t", summary: "s", annotations: [{ ...ann, start_line: undefined }] } },
      /start_line/,
    ],
    [
      "a long title",
      { output: { title: "t", summary: "s", annotations: [{ ...ann, title: "x".repeat(256) }] } },
      /255/,
    ],
    [
      "columns across lines",
      {
        output: {
          title: "t",
          summary: "s",
          annotations: [{ ...ann, end_line: 2, start_column: 1, end_column: 2 }],
        },
      },
      /columns/,
    ],
  ])("rejects %s", (_n, body, re) => {
    const errs = validateCheckRequest("PATCH", JSON.parse(JSON.stringify(body)));
    expect(errs.join("\n")).toMatch(re);
  });
});
