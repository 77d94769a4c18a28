import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { demoAccount } from "../../src/emulator/demo/account.js";
import { parseEmulatorState } from "../../src/emulator/index.js";

describe("the bundled demo account", () => {
  it("passes the state loader's checks", () => {
    expect(() => parseEmulatorState(JSON.parse(JSON.stringify(demoAccount())), "demo")).not.toThrow();
  });

  // Event times are relative to when the file was written; everything else must match exactly.
  const DATED = new Set(["eventTime", "creationDate", "LastUsedDate"]);
  const undated = (v: unknown): unknown =>
    JSON.parse(JSON.stringify(v), (k, x) => (DATED.has(k) ? "<time>" : x));

  it("is what examples/emulator-state.json holds (regenerate with npm run examples)", async () => {
    const file = JSON.parse(
      await readFile(new URL("../../examples/emulator-state.json", import.meta.url), "utf8"),
    );
    expect(undated(file)).toEqual(undated(demoAccount()));
    expect(file.cloudtrail.length).toBeGreaterThan(5);
  });
});
