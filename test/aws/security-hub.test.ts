import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsClients } from "../../src/aws/clients.js";
import { scanAccount } from "../../src/aws/scan.js";
import { importBatches, planSecurityHubSync, syncSecurityHub } from "../../src/aws/security-hub.js";
import { demoAccount } from "../../src/emulator/demo/account.js";
import { unmetered, UNMETERED_BUDGET } from "../helpers/unmetered.js";
import { applyRemediations } from "../../src/emulator/demo/apply-fixes.js";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { securityHubFindings } from "../../src/emulator/services/securityhub.js";
import { defaultConfig, RULE_IDS, type Finding, type RuleId } from "../../src/model/index.js";
import { renderAsff } from "../../src/report/asff.js";
import { accountReport, brokenCoverage, principalFinding, urlFinding } from "../report/reports.js";

const REGION = "us-east-1";

/** What Security Hub would hold after importing these findings earlier (optionally archived). */
function held(findings: Finding[], recordState: "ACTIVE" | "ARCHIVED" = "ACTIVE") {
  return renderAsff(accountReport(findings), { region: REGION }).map((f) => ({
    ...f,
    CreatedAt: "2026-10-01T00:00:00Z",
    FirstObservedAt: "2026-10-01T00:00:00Z",
    RecordState: recordState,
    Workflow: { Status: "NEW" },
  }));
}

describe("planSecurityHubSync: what is imported and what is archived", () => {
  const a = urlFinding("a");
  const b = urlFinding("b");
  const euFn = urlFinding("c", { region: "ap-south-1" }); // a region this report did not scan
  const role = principalFinding("ci");
  const foreign = { ...held([urlFinding("d")])[0]!, Id: "prowler-123" };
  const all = [...RULE_IDS];

  type Row = [
    string,
    { findings: Finding[]; existing: ReturnType<typeof held> | null; rules?: RuleId[]; partial?: boolean },
    { created: number; updated: number; archivedIds: string[]; skipped?: RegExp },
  ];
  const rows: Row[] = [
    [
      "first import: everything new",
      { findings: [a, b], existing: [] },
      { created: 2, updated: 0, archivedIds: [] },
    ],
    [
      "re-import: same Ids update",
      { findings: [a, b], existing: held([a, b]) },
      { created: 0, updated: 2, archivedIds: [] },
    ],
    [
      "a fixed finding is archived after a complete scan",
      { findings: [a], existing: held([a, b]) },
      { created: 0, updated: 1, archivedIds: [b.fingerprint] },
    ],
    [
      "a partial scan archives nothing",
      { findings: [a], existing: held([a, b]), partial: true },
      { created: 0, updated: 1, archivedIds: [], skipped: /incomplete/ },
    ],
    [
      "no listing, no archiving",
      { findings: [a], existing: null },
      { created: 1, updated: 0, archivedIds: [], skipped: /could not be listed/ },
    ],
    [
      "a rule that did not run keeps its findings",
      { findings: [a], existing: held([a, role]), rules: ["LG001"] },
      { created: 0, updated: 1, archivedIds: [] },
    ],
    [
      "a rule that ran archives its fixed finding",
      { findings: [a], existing: held([a, role]) },
      { created: 0, updated: 1, archivedIds: [role.fingerprint] },
    ],
    [
      "a region that was not scanned keeps its findings",
      { findings: [a], existing: held([a, euFn]) },
      { created: 0, updated: 1, archivedIds: [] },
    ],
    [
      "already archived stays as it is",
      { findings: [a], existing: [...held([a]), ...held([b], "ARCHIVED")] },
      { created: 0, updated: 1, archivedIds: [] },
    ],
    [
      "a finding archived earlier and found again is an update",
      { findings: [a, b], existing: [...held([a]), ...held([b], "ARCHIVED")] },
      { created: 0, updated: 2, archivedIds: [] },
    ],
    [
      "another tool's finding in the default product is never touched",
      { findings: [a], existing: [...held([a]), foreign] },
      { created: 0, updated: 1, archivedIds: [] },
    ],
    [
      "a suppressed finding is archived (intended, no longer to triage)",
      { findings: [a, { ...b, suppression: { source: "config", reason: "ok" } }], existing: held([a, b]) },
      { created: 0, updated: 1, archivedIds: [b.fingerprint] },
    ],
  ];

  it.each(rows)("%s", (_name, input, want) => {
    const report = accountReport(input.findings, input.partial ? brokenCoverage : undefined);
    const plan = planSecurityHubSync({
      report,
      rules: input.rules ?? all,
      region: REGION,
      existing: input.existing,
    });
    expect(plan.created).toBe(want.created);
    expect(plan.updated).toBe(want.updated);
    const archived = plan.findings.filter((f) => f.RecordState === "ARCHIVED").map((f) => f.Id);
    expect(archived).toEqual(want.archivedIds);
    expect(plan.archived).toBe(want.archivedIds.length);
    if (want.skipped) expect(plan.archiveSkipped).toMatch(want.skipped);
    else expect(plan.archiveSkipped).toBeUndefined();
  });

  it("an update keeps when Security Hub first saw the finding", () => {
    const plan = planSecurityHubSync({
      report: accountReport([a]),
      rules: all,
      region: REGION,
      existing: held([a]),
    });
    expect(plan.findings[0]).toMatchObject({
      CreatedAt: "2026-10-01T00:00:00Z",
      UpdatedAt: "2026-11-23T10:00:00Z",
    });
  });
});

describe("importBatches", () => {
  it.each([
    [0, [] as number[]],
    [1, [1]],
    [100, [100]],
    [101, [100, 1]],
    [250, [100, 100, 50]],
  ])("%i findings → batches of %j", (n, sizes) => {
    const items = Array.from({ length: n }, (_, i) => ({ Id: `f${i}` }));
    expect(importBatches(items).map((b) => b.length)).toEqual(sizes);
  });

  it("splits by bytes before Security Hub's 6 MB request limit", () => {
    const items = Array.from({ length: 5 }, (_, i) => ({ Id: `f${i}`, Description: "x".repeat(1000) }));
    const batches = importBatches(items, 100, 2500);
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
  });
});

describe("syncSecurityHub against the emulated demo account", () => {
  let emulator: EmulatorHandle;
  let clients: AwsClients;
  beforeAll(async () => {
    emulator = await startEmulator(unmetered(demoAccount()), { port: 0 });
    clients = new AwsClients({
      endpointUrl: emulator.url,
      apiBudget: UNMETERED_BUDGET,
      homeRegion: REGION,
      credentials: { accessKeyId: "AKIATESTTESTTEST0000", secretAccessKey: "test" },
    });
  });
  afterAll(async () => {
    clients.destroy();
    await emulator.close();
  });
  const scan = () =>
    scanAccount({
      clients,
      regions: "all",
      lookbackDays: 90,
      rules: [...RULE_IDS],
      config: defaultConfig(),
      confirmWithSimulator: false,
    });
  const stored = () => securityHubFindings(emulator.state, emulator.state.accountId, REGION);

  it("imports, updates on a second run, archives what the fixes removed; a partial scan archives nothing", async () => {
    // The demo account has an unreadable policy in ap-southeast-2: the first scans are partial.
    const first = await scan();
    expect(first.coverage.some((c) => c.status === "partial")).toBe(true);
    const active = first.findings.filter((f) => !f.suppression).length;
    const r1 = await syncSecurityHub({ clients, report: first, rules: RULE_IDS });
    expect(r1).toMatchObject({ created: active, updated: 0, archived: 0, failed: [] });
    expect(r1.archiveSkipped).toMatch(/incomplete/);
    expect(r1.coverage).toMatchObject({ scope: "us-east-1/securityhub", status: "complete" });
    expect(stored()).toHaveLength(active);

    const again = await scan();
    const r2 = await syncSecurityHub({ clients, report: again, rules: RULE_IDS });
    expect(r2).toMatchObject({ created: 0, updated: active, archived: 0 });
    expect(stored()).toHaveLength(active); // same Ids: updated, not duplicated

    applyRemediations(emulator.state, first.findings);
    const after = await scan();
    expect(after.coverage.every((c) => c.status === "complete")).toBe(true);
    const remaining = after.findings.filter((f) => !f.suppression).length;
    const r3 = await syncSecurityHub({ clients, report: after, rules: RULE_IDS });
    expect(r3).toMatchObject({ created: 0, updated: remaining, archived: active - remaining, failed: [] });
    expect(r3.archiveSkipped).toBeUndefined();

    const byState = (s: string) => stored().filter((f) => f.RecordState === s);
    expect(
      byState("ACTIVE")
        .map((f) => f.Id)
        .sort(),
    ).toEqual(after.findings.map((f) => f.fingerprint).sort());
    expect(byState("ARCHIVED")).toHaveLength(active - remaining);
    // Security Hub resolves the workflow of what its provider archived.
    for (const f of byState("ARCHIVED")) expect(f.Workflow).toEqual({ Status: "RESOLVED" });
    // CreatedAt stays the first import's.
    const firstCreated = new Map(renderAsff(first, { region: REGION }).map((f) => [f.Id, f.CreatedAt]));
    for (const f of byState("ACTIVE")) expect(f.CreatedAt).toBe(firstCreated.get(String(f.Id)));
  }, 60_000);

  it("states a refused import in coverage, with the fix", async () => {
    emulator.state.behaviour.faults = [
      { service: "securityhub", operation: "BatchImportFindings", error: "AccessDeniedException", rate: 1 },
    ];
    try {
      const report = accountReport([urlFinding("a")]);
      const r = await syncSecurityHub({ clients, report, rules: ["LG001"] });
      expect(r.coverage.status).toBe("failed");
      expect(r.coverage.detail).toMatch(/AccessDeniedException.*securityhub:BatchImportFindings/);
      expect(r.failed).toHaveLength(1);
    } finally {
      emulator.state.behaviour.faults = [];
    }
  });

  it("says how to enable Security Hub when the account has not", async () => {
    emulator.state.behaviour.faults = [{ service: "securityhub", error: "InvalidAccessException", rate: 1 }];
    try {
      const r = await syncSecurityHub({
        clients,
        report: accountReport([urlFinding("a")]),
        rules: ["LG001"],
      });
      expect(r.coverage.status).toBe("failed");
      expect(r.coverage.detail).toMatch(/enable-security-hub --region us-east-1/);
    } finally {
      emulator.state.behaviour.faults = [];
    }
  });

  it("skips a report that is not one account's, saying what to do", async () => {
    const report = { ...accountReport([urlFinding("a")]), target: { kind: "iac" as const, root: "infra" } };
    const r = await syncSecurityHub({ clients, report, rules: RULE_IDS });
    expect(r.coverage).toMatchObject({ status: "skipped", detail: expect.stringMatching(/each account/) });
    expect(r.created).toBe(0);
  });

  it("still imports when GetFindings is denied, but archives nothing", async () => {
    emulator.state.behaviour.faults = [
      { service: "securityhub", operation: "GetFindings", error: "AccessDeniedException", rate: 1 },
    ];
    try {
      const report = accountReport([urlFinding("zz")]);
      const r = await syncSecurityHub({ clients, report, rules: RULE_IDS });
      expect(r.created + r.updated).toBe(1);
      expect(r.archived).toBe(0);
      expect(r.archiveSkipped).toMatch(/could not be listed.*GetFindings/);
      expect(r.coverage.status).toBe("partial");
    } finally {
      emulator.state.behaviour.faults = [];
    }
  });
});
