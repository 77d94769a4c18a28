import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * The AWS CLI binary the conformance tests run: Debian's awscli (v2, installed by .ci/run) at /usr/bin/aws
 * when present, because PATH may hold an older pip-installed v1 first; else whatever `aws` is on PATH.
 */
export function awsCliPath(): string {
  for (const candidate of ["/usr/bin/aws", "aws"]) {
    if (candidate.startsWith("/") && !existsSync(candidate)) continue;
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
