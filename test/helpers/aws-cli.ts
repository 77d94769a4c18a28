import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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

/**
 * `aws --version` ("aws-cli/2.9.19 Python/3.11.2 …"), or "" when there is no CLI. A CLI start-up costs about a
 * second of CPU, so the answer is kept in the temp dir per binary (path, size, modification time): one run per
 * installed CLI, shared by every test file that checks which CLI it has.
 */
function cliVersion(cli: string): string {
  let key: string;
  try {
    const st = statSync(cli);
    key = `${cli}\0${st.size}\0${st.mtimeMs}`;
  } catch {
    key = `${cli}\0on PATH`;
  }
  const dir = join(tmpdir(), "lambda-guard-test");
  const file = join(dir, "aws-cli-version.json");
  try {
    const saved = JSON.parse(readFileSync(file, "utf8")) as { key: string; version: string };
    if (saved.key === key) return saved.version;
  } catch {
    // not known yet
  }
  // v1 prints its version on stderr, v2 on stdout.
  const r = spawnSync(cli, ["--version"], { timeout: 20_000, encoding: "utf8" });
  const version = `${r.stdout ?? ""}${r.stderr ?? ""}`.trim();
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${file}.${process.pid}`, JSON.stringify({ key, version }));
  renameSync(`${file}.${process.pid}`, file);
  return version;
}

export const AWS_CLI_VERSION = cliVersion(AWS_CLI);
/** "2", "1", or undefined when there is no CLI. */
export const AWS_CLI_MAJOR = /^aws-cli\/(\d+)\./.exec(AWS_CLI_VERSION)?.[1];

/** The environment every conformance test gives the CLI: no profile, no instance metadata, region us-east-1. */
export function awsCliEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    AWS_REGION: "us-east-1",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_EC2_METADATA_DISABLED: "true",
    ...extra,
  };
}
