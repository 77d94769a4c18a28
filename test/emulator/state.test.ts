import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/model/errors.js";
import { loadEmulatorState, parseEmulatorState } from "../../src/emulator/index.js";
import { baseStateJson } from "./helpers.js";

function parseError(mutate: (json: Record<string, unknown>) => void): InputError {
  const json = baseStateJson();
  mutate(json);
  try {
    parseEmulatorState(json, "state.json");
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error("expected an InputError");
}

const fns = (j: Record<string, unknown>) => j.functions as Array<Record<string, unknown>>;

describe("emulator state", () => {
  it("accepts the contract's example shape with defaults filled in", () => {
    const state = parseEmulatorState(baseStateJson(), "state.json");
    expect(state.partition).toBe("aws");
    expect(state.functions[1]!.urls).toEqual([]);
    expect(state.behaviour.latencyMs).toBe(0);
    expect(state.behaviour.faults).toEqual([]);
  });

  it.each([
    ["schema", (j: Record<string, unknown>) => (j.schema = "v2"), /lambda-guard\/emulator-state@1/],
    ["accountId", (j: Record<string, unknown>) => (j.accountId = 1234), /12-digit/],
    ["functions[1].name", (j: Record<string, unknown>) => (fns(j)[1]!.name = "bad name!"), /letters, digits/],
    [
      "functions[0].urls[0].authType",
      (j: Record<string, unknown>) =>
        ((fns(j)[0]!.urls as Array<Record<string, unknown>>)[0]!.authType = "PUBLIC"),
      /"NONE" or "AWS_IAM"/,
    ],
    [
      "behaviour.faults[0].rate",
      (j: Record<string, unknown>) =>
        ((j.behaviour as Record<string, unknown>).faults = [{ error: "reset", rate: 2 }]),
      /0 to 1/,
    ],
    [
      "functions[2].region",
      (j: Record<string, unknown>) => (fns(j)[2]!.region = "mars-1"),
      /add it to "regions"/,
    ],
    [
      "functions[0].urls[1].qualifier",
      (j: Record<string, unknown>) =>
        ((fns(j)[0]!.urls as Array<Record<string, unknown>>)[1]!.qualifier = "nonexistent"),
      /not an alias/,
    ],
  ])("names the field %s and the fix", (field, mutate, fix) => {
    const err = parseError(mutate);
    expect(err.message).toContain("state.json");
    expect(err.message).toContain(`field "${field}"`);
    expect(err.message).toMatch(fix);
  });

  it("treats versions named by aliases or numeric policy keys as existing (CONTRACTS.md §5 does not list them)", () => {
    const j = baseStateJson();
    const fn = fns(j)[0]!;
    (fn.aliases as Array<Record<string, unknown>>)[0]!.version = "9";
    (fn.policies as Record<string, unknown>)["7"] = { Version: "2012-10-17", Statement: [] };
    const state = parseEmulatorState(j, "state.json");
    expect(state.functions[0]!.versions).toEqual(expect.arrayContaining(["9", "7"]));
  });

  it("loads files and explains missing files and JSON syntax errors with a position", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lg-emu-"));
    const good = join(dir, "good.json");
    await writeFile(good, JSON.stringify(baseStateJson()));
    expect((await loadEmulatorState(good)).accountId).toBe("111122223333");

    const missing = join(dir, "missing.json");
    await expect(loadEmulatorState(missing)).rejects.toThrow(`${missing}: no such file`);

    const bad = join(dir, "bad.json");
    await writeFile(bad, '{\n  "schema": "lambda-guard/emulator-state@1",\n  "accountId": 111,,\n}');
    const err = await loadEmulatorState(bad).catch((e: unknown) => e as InputError);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(
      new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3:\\d+: not valid JSON`),
    );

    const wrong = join(dir, "wrong.json");
    await writeFile(wrong, JSON.stringify({ ...baseStateJson(), regions: [] }));
    await expect(loadEmulatorState(wrong)).rejects.toThrow(/field "regions"/);
  });
});
