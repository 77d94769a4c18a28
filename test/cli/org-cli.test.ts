import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { securityHubFindings } from "../../src/emulator/services/securityhub.js";
import { ReportSchema, type Report } from "../../src/model/index.js";
import { MANAGEMENT, MEMBERS, ROLE, orgState } from "../org/org-state.js";
import { fakeIo } from "./helpers.js";

const LOCKED = "888899990000";
let emulator: EmulatorHandle;
let dir: string;

beforeAll(async () => {
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: "AKIATESTTESTTEST0000",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "us-east-1",
  });
  emulator = await startEmulator(
    orgState((j) => {
      const accounts = j.accounts as Record<string, unknown>[];
      // The member role was never deployed here: AssumeRole is refused.
      accounts.push({ accountId: LOCKED, name: "legacy-locked", roles: ["admin"], regions: ["us-east-1"] });
      accounts.push({
        accountId: "777788889999",
        name: "closed",
        status: "SUSPENDED",
        regions: ["us-east-1"],
      });
    }),
  );
  dir = await mkdtemp(join(tmpdir(), "lg-org-"));
});
afterAll(() => emulator.close());

async function cli(...args: string[]) {
  const io = fakeIo();
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe("lambda-guard accounts", () => {
  it("prints the ACTIVE accounts as a GitHub Actions matrix, filtered by ids and name globs", async () => {
    const all = await cli("accounts", "--endpoint-url", emulator.url, "--format", "matrix");
    expect(all.code).toBe(0);
    expect(all.out.trim().split("\n")).toHaveLength(1);
    const matrix = JSON.parse(all.out) as { include: { account: string; name: string }[] };
    expect(matrix.include.map((a) => a.account)).toEqual([
      MANAGEMENT,
      ...MEMBERS.map((m) => m.accountId),
      LOCKED,
    ]);
    expect(matrix.include[1]).toEqual({ account: "444455556666", name: "payments-prod" });

    const some = await cli(
      "accounts",
      "--endpoint-url",
      emulator.url,
      "--format",
      "json",
      "--include",
      "payments-*,666677778888",
      "--exclude",
      "555566667777",
    );
    expect(JSON.parse(some.out)).toEqual([
      { account: "444455556666", name: "payments-prod", status: "ACTIVE" },
      { account: "666677778888", name: "data-prod", status: "ACTIVE" },
    ]);
    const text = await cli("accounts", "--endpoint-url", emulator.url, "--include", "data-*");
    expect(text.out).toBe("666677778888  data-prod\n");
  });

  it("refuses a bad --format and an empty --include with exit 2", async () => {
    const bad = await cli("accounts", "--endpoint-url", emulator.url, "--format", "sarif");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--format: must be one of text, json, matrix/);
    const empty = await cli("accounts", "--endpoint-url", emulator.url, "--include", ",");
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/--include: is empty/);
  });
});

const URL_RULES = ["--rules", "LG001,LG002,LG003"];

describe("lambda-guard scan --accounts and merge", () => {
  let inProcess: Report;

  it("scans every account in parallel into one aws-organization report", async () => {
    const r = await cli(
      "scan",
      "--endpoint-url",
      emulator.url,
      "--accounts",
      "all",
      "--role-name",
      ROLE,
      ...URL_RULES,
      "--format",
      "json",
    );
    expect(r.code).toBe(1);
    inProcess = ReportSchema.parse(JSON.parse(r.out));
    expect(inProcess.target).toEqual({
      kind: "aws-organization",
      organizationId: "o-a1b2c3d4e5",
      partition: "aws",
      accounts: [MANAGEMENT, ...MEMBERS.map((m) => m.accountId), LOCKED],
    });
    // One public URL per member in us-east-1, and payments-prod's extra one in eu-west-1.
    expect(inProcess.findings.filter((f) => f.rule === "LG001")).toHaveLength(MEMBERS.length + 1);
    for (const f of inProcess.findings)
      expect(f.resource.arn).toContain(`:${f.resource.accountId}:function:`);
    const scopes = inProcess.coverage.map((c) => c.scope);
    expect(scopes).toContain("444455556666/us-east-1/lambda");
    expect(scopes).toContain(`${MANAGEMENT}/eu-west-1/lambda`);
    const locked = inProcess.coverage.find((c) => c.scope === LOCKED);
    expect(locked?.status).toBe("failed");
    expect(locked?.detail).toContain(`arn:aws:iam::${LOCKED}:role/${ROLE}`);
    expect(locked?.detail).toContain("AccessDenied");
    expect(r.err).toMatch(new RegExp(`${LOCKED}: failed`));
  });

  it("--security-hub imports each account's findings into that account's own Security Hub", async () => {
    const scan = () =>
      cli(
        "scan",
        "--endpoint-url",
        emulator.url,
        "--accounts",
        "all",
        "--exclude",
        LOCKED,
        "--role-name",
        ROLE,
        ...URL_RULES,
        "--security-hub",
        "--format",
        "json",
      );
    const r = await scan();
    const report = ReportSchema.parse(JSON.parse(r.out));
    for (const account of [MANAGEMENT, ...MEMBERS.map((m) => m.accountId)]) {
      const mine = report.findings.filter((f) => f.resource.accountId === account);
      const hub = securityHubFindings(emulator.state, account, "us-east-1");
      // Imported with the account's own credentials: AwsAccountId is the account, nothing of another account.
      expect(hub.map((f) => f.AwsAccountId)).toEqual(mine.map(() => account));
      expect(report.coverage).toContainEqual({
        scope: `${account}/us-east-1/securityhub`,
        status: "complete",
        detail: `${mine.length} new, 0 updated, 0 archived`,
      });
      expect(r.err).toContain(`lambda-guard: ${account}: Security Hub us-east-1: ${mine.length} new`);
    }
    expect(report.findings.length).toBeGreaterThan(0);
    // The next scan runs under new role sessions and finds what the last one imported: updates, not duplicates.
    const again = ReportSchema.parse(JSON.parse((await scan()).out));
    const member = MEMBERS[0]!.accountId;
    const n = again.findings.filter((f) => f.resource.accountId === member).length;
    expect(again.coverage).toContainEqual({
      scope: `${member}/us-east-1/securityhub`,
      status: "complete",
      detail: `0 new, ${n} updated, 0 archived`,
    });
    expect(securityHubFindings(emulator.state, member, "us-east-1")).toHaveLength(n);
  });

  it("per-account reports joined by merge give the same findings by fingerprint", async () => {
    const files: string[] = [];
    for (const id of [MANAGEMENT, ...MEMBERS.map((m) => m.accountId)]) {
      const file = join(dir, `report-${id}.json`);
      const r = await cli(
        "scan",
        "--endpoint-url",
        emulator.url,
        "--accounts",
        id,
        ...URL_RULES,
        "--format",
        "json",
        "--output",
        file,
      );
      expect([0, 1]).toContain(r.code);
      files.push(file);
    }
    // A duplicate artifact (a re-run job) must not double the findings.
    const merged = await cli("merge", ...files, files[1]!, "--format", "json", "--fail-on", "none");
    expect(merged.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(merged.out));
    expect(report.target).toMatchObject({ kind: "aws-organization", organizationId: "o-a1b2c3d4e5" });
    const fps = (rep: Report) => rep.findings.map((f) => f.fingerprint).sort();
    expect(fps(report)).toEqual(fps(inProcess));
    expect(report.summary).toEqual(inProcess.summary);
    expect(report.findings.every((f) => /^\d{12}$/.test(f.resource.accountId ?? ""))).toBe(true);
  });

  it("merge refuses an invalid or foreign report, naming the file (exit 2)", async () => {
    const good = join(dir, "good.json");
    await cli(
      "scan",
      "--endpoint-url",
      emulator.url,
      "--accounts",
      "444455556666",
      ...URL_RULES,
      "--format",
      "json",
      "--output",
      good,
    );
    const broken = join(dir, "broken.json");
    await writeFile(broken, '{"schema": "lambda-guard/report@1"');
    let r = await cli("merge", good, broken);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${broken}: cannot read the report as JSON`);

    const iac = join(dir, "iac.json");
    const iacReport = await cli(
      "iac",
      join(process.cwd(), "examples/infra/sam"),
      "--format",
      "json",
      "--fail-on",
      "none",
    );
    await writeFile(iac, iacReport.out);
    r = await cli("merge", good, iac);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${iac}: is an IaC report`);

    const other = join(dir, "other-org.json");
    const json = JSON.parse(await (await import("node:fs/promises")).readFile(good, "utf8")) as Report;
    await writeFile(
      other,
      JSON.stringify({ ...json, target: { ...json.target, organizationId: "o-zzzzzzzzzz" } }),
    );
    r = await cli("merge", good, other);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${other}: is for organization o-zzzzzzzzzz, the others for o-a1b2c3d4e5`);
  });

  it("--exclude drops accounts from --accounts all (the management account has no member role)", async () => {
    const r = await cli(
      "scan",
      "--endpoint-url",
      emulator.url,
      "--accounts",
      "all",
      "--exclude",
      `${MANAGEMENT},legacy-*`,
      ...URL_RULES,
      "--format",
      "json",
      "--fail-on",
      "none",
    );
    expect(r.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(r.out));
    expect(report.target).toMatchObject({ accounts: MEMBERS.map((m) => m.accountId) });
    expect(report.coverage.every((c) => c.status === "complete")).toBe(true);
    const wrong = await cli(
      "scan",
      "--endpoint-url",
      emulator.url,
      "--accounts",
      MANAGEMENT,
      "--exclude",
      "x",
    );
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/--exclude: only applies with --accounts all/);
  });

  it("refuses malformed --accounts and --role-name values", async () => {
    let r = await cli("scan", "--endpoint-url", emulator.url, "--accounts", "12345");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--accounts: '12345' is not an account id/);
    r = await cli(
      "scan",
      "--endpoint-url",
      emulator.url,
      "--accounts",
      "all",
      "--role-name",
      "arn:aws:iam::1:role/x",
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--role-name: .*not an IAM role name/);
  });
});
