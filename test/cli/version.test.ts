import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { VERSION } from "../../src/model/index.js";
import { fakeIo } from "./helpers.js";

describe("lambda-guard --version", () => {
  it("prints the package version (the build injects it; run from source, the fallback must match)", async () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    for (const flag of ["--version", "-v"]) {
      const io = fakeIo();
      expect(await main([flag], io)).toBe(0);
      expect(io.stdout()).toBe(`${pkg.version}\n`);
    }
    expect(VERSION).toBe(pkg.version);
  });
});
