import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * The AWS CLI binary the conformance tests run: Debian's awscli (v2, installed by .ci/run) at /usr/bin/aws
 * when present, because PATH may hold an older pip-installed v1 first; else whatever `aws` is on PATH.
 */
export function awsCliPath(): string {
  // Debian's package is trusted as installed: probing it with --version costs a CLI start-up per test file.
  if (existsSync("/usr/bin/aws")) return "/usr/bin/aws";
  for (const candidate of ["aws"]) {
    try {
      execFileSync(candidate, ["--version"], { timeout: 20_000, stdio: "pipe" });
      return candidate;
    } catch {
      // try the next one
    }
  }
  return "aws";
}

export const AWS_CLI = awsCliPath();
