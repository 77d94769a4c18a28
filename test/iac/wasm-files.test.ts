import { describe, expect, it } from "vitest";
import { WASM_FILES } from "../../src/iac/wasm.js";
// @ts-expect-error: a plain .mjs build helper without types
import { WASM } from "../../scripts/wasm-files.mjs";

describe("wasm files", () => {
  it("the build copies every wasm file the engine loads", () => {
    expect([...(WASM as string[])].sort()).toEqual(Object.values(WASM_FILES).sort());
  });
});
