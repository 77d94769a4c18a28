import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ArchiveError, readTarGz } from "../../src/app/tarball.js";
import { makeTarGz } from "../helpers/github-fake.js";

const LIMITS = { maxBytes: 10 * 1024 * 1024, maxEntries: 1_000 };

/** What GitHub's tarball endpoint serves: `git archive --format=tar.gz --prefix=<owner>-<repo>-<sha>/ <sha>`. */
function gitArchive(files: Record<string, string>, exec: string[] = []): { gz: Buffer; sha: string } {
  const dir = mkdtempSync(join(tmpdir(), "lg-tar-"));
  try {
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: dir });
    git("init", "-q");
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), text);
      if (exec.includes(path)) chmodSync(join(dir, path), 0o755);
    }
    git("add", "-A");
    git("commit", "-qm", "x");
    const sha = git("rev-parse", "HEAD").toString().trim();
    const gz = git("archive", "--format=tar.gz", `--prefix=octo-org-payments-${sha.slice(0, 7)}/`, sha);
    return { gz, sha };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("repository archive (tarball)", () => {
  it("reads what git archive writes: paths, long paths, executables, the commit id", () => {
    const long = `infra/${"very-long-directory-name/".repeat(6)}main.tf`;
    const { gz, sha } = gitArchive(
      { "infra/main.tf": 'resource "x" "y" {}\n', [long]: "# deep\n", "bin/deploy.sh": "#!/bin/sh\n" },
      ["bin/deploy.sh"],
    );
    const { files, commit } = readTarGz(gz, LIMITS);
    expect(commit).toBe(sha);
    const byPath = Object.fromEntries(files.map((f) => [f.path, f]));
    expect(Object.keys(byPath).sort()).toEqual(["bin/deploy.sh", "infra/main.tf", long].sort());
    expect(byPath["infra/main.tf"]!.data.toString()).toBe('resource "x" "y" {}\n');
    expect(byPath[long]!.data.toString()).toBe("# deep\n");
    expect(byPath["bin/deploy.sh"]!.mode).toBe("100755");
    expect(byPath["infra/main.tf"]!.mode).toBe("100644");
  });

  it("the test stand-in's archives read the same way", () => {
    const long = `a/${"b".repeat(120)}.tf`;
    const gz = makeTarGz("o-r-1234567", "f".repeat(40), [
      { path: long, mode: "100644", data: Buffer.from("x") },
      { path: "run.sh", mode: "100755", data: Buffer.from("y") },
    ]);
    const { files, commit } = readTarGz(gz, LIMITS);
    expect(commit).toBe("f".repeat(40));
    expect(files.map((f) => [f.path, f.mode, f.data.toString()])).toEqual([
      [long, "100644", "x"],
      ["run.sh", "100755", "y"],
    ]);
  });

  it("refuses archives past the unpacked size or entry count, and non-gzip data", () => {
    const { gz } = gitArchive({ "big.tf": "x".repeat(200_000), "a.tf": "", "b.tf": "" });
    expect(() => readTarGz(gz, { maxBytes: 100_000, maxEntries: 1_000 })).toThrow(ArchiveError);
    expect(() => readTarGz(gz, { maxBytes: 100_000, maxEntries: 1_000 })).toThrow(/larger than 100000 bytes/);
    expect(() => readTarGz(gz, { maxBytes: LIMITS.maxBytes, maxEntries: 2 })).toThrow(/more than 2 entries/);
    expect(() => readTarGz(Buffer.from("not gzip"), LIMITS)).toThrow(/not gzip/);
  });
});
