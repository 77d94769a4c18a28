import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "../../src/model/index.js";

describe("parseDuration", () => {
  it.each([
    ["30m", 1_800_000],
    ["1h", 3_600_000],
    ["1h30m", 5_400_000],
    ["90s", 90_000],
    ["2h5m10s", 7_510_000],
    [" 45S ", 45_000],
  ] as const)("%j → %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
    expect(parseDuration(formatDuration(ms))).toBe(ms);
  });
  it.each(["", "30", "m", "-5m", "1.5h", "30 m", "1d", "h30m1"])("%j is not a duration", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
