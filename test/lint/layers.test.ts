import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: new URL("../..", import.meta.url).pathname });
const errors = async (filePath: string, spec: string) => {
  const [r] = await eslint.lintText(`import "${spec}";\n`, { filePath });
  return r!.messages.filter((m) => m.ruleId === "no-restricted-imports").length;
};

describe("import direction (eslint)", () => {
  it("catches an upward import at every depth, including the exposure layer", async () => {
    expect(await errors("src/iac/probe.ts", "../app/index.js")).toBe(1);
    expect(await errors("src/iac/terraform/probe.ts", "../../app/index.js")).toBe(1);
    expect(await errors("src/iac/terraform/deep/probe.ts", "../../../cli/main.js")).toBe(1);
    expect(await errors("src/exposure/probe.ts", "../aws/scan.js")).toBe(1);
    expect(await errors("src/policy/probe.ts", "../exposure/index.js")).toBe(1);
    expect(await errors("src/model/probe.ts", "../policy/index.js")).toBe(1);
  });

  it("allows imports that point down", async () => {
    expect(await errors("src/iac/terraform/probe.ts", "../../exposure/index.js")).toBe(0);
    expect(await errors("src/exposure/probe.ts", "../policy/index.js")).toBe(0);
    expect(await errors("src/aws/probe.ts", "../model/index.js")).toBe(0);
  });
});
