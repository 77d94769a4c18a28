import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineAt } from "../../src/iac/lines.js";

/** The definition: one plus the newlines before the offset. */
function counted(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

describe("lineAt", () => {
  it("counts the newlines before the offset, whatever the offset", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "\n", "\r", "é", " ") }),
        fc.integer({ min: -2, max: 40 }),
        (text, offset) => lineAt(text, offset) === counted(text, offset),
      ),
    );
  });

  it("puts a newline on the line it ends", () => {
    expect(lineAt("a\nb", 1)).toBe(1);
    expect(lineAt("a\nb", 2)).toBe(2);
    expect(lineAt("", 5)).toBe(1);
  });
});
