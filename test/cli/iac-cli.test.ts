import { cp, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { writeFixes } from "../../src/iac/index.js";
import { ReportSchema } from "../../src/model/index.js";
import { fakeIo } from "./helpers.js";

async function repo(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "lg-repo-"));
  await cp(new URL("../../examples/infra/terraform", import.meta.url), join(dir, "infra"), {
    recursive: true,
  });
  return dir;
}

describe("lambda-guard iac and fix on a directory inside the repository", () => {
  it("names files from the working directory, so SARIF and annotations land on repository paths", async () => {
    const dir = await repo();
    const io = fakeIo(dir);
    const code = await main(["iac", "infra", "--format", "json"], io);
    expect(code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(io.stdout()));
    const paths = report.findings.map((f) => f.location?.path);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) expect(p).toMatch(/^infra\//);
  });

  it("fix --write patches the files under DIR and a re-scan is clean of what it fixed", async () => {
    const dir = await repo();
    const before = await readFile(join(dir, "infra/main.tf"), "utf8");
    const io = fakeIo(dir);
    expect(await main(["fix", "infra", "--write"], io)).toBe(0);
    expect(io.stderr()).toMatch(/patched \d+ files? under/);
    const after = await readFile(join(dir, "infra/main.tf"), "utf8");
    expect(after).not.toBe(before);
    expect(after).toContain('"AWS_IAM"');
    const again = fakeIo(dir);
    await main(["iac", "infra", "--format", "json", "--fail-on", "none"], again);
    const report = ReportSchema.parse(JSON.parse(again.stdout()));
    expect(report.findings.filter((f) => f.rule === "LG001" && !f.suppression)).toEqual([]);
  });

  it("fix without --write prints a unified diff and changes nothing", async () => {
    const dir = await repo();
    const before = await readFile(join(dir, "infra/main.tf"), "utf8");
    const io = fakeIo(dir);
    expect(await main(["fix", "infra"], io)).toBe(0);
    expect(io.stdout()).toMatch(/^--- a\/infra\/main\.tf\n\+\+\+ b\/infra\/main\.tf/m);
    expect(await readFile(join(dir, "infra/main.tf"), "utf8")).toBe(before);
  });

  it("writeFixes refuses a change outside its prefix", async () => {
    const dir = await repo();
    const plan = {
      changes: [{ path: "other/main.tf", before: "", after: "x", diff: "" }],
      fixed: [],
      unfixed: [],
    };
    await expect(writeFixes(join(dir, "infra"), plan, { prefix: "infra" })).rejects.toThrow(
      /not under infra\//,
    );
  });
});
