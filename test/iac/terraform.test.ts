import { join } from "node:path";
import { describe, it } from "vitest";
import { caseDirs, FIXTURES, runCase } from "./harness.js";

describe("terraform fixtures", () => {
  for (const name of caseDirs("terraform")) {
    it(name, async () => {
      await runCase(join(FIXTURES, "terraform", name));
    });
  }
});
