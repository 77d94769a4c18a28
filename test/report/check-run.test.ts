import { describe, expect, it } from "vitest";
import {
  batchAnnotations,
  buildHandoff,
  checkConclusion,
  checkRunOutput,
  checkRunText,
  checkTitle,
  handoffMarker,
  parseHandoffMarker,
  toAnnotations,
} from "../../src/report/check-run.js";
import { byteLength } from "../../src/report/index.js";
import {
  accountReport,
  brokenCoverage,
  iacReport,
  manyIacFindings,
  mixedReport,
  urlFinding,
} from "./reports.js";

describe("conclusion and title", () => {
  it("follows fail-on and the incomplete policy", () => {
    const clean = accountReport([]);
    const medium = iacReport(manyIacFindings(2).filter((f) => f.severity === "medium"));
    const critical = mixedReport();
    const cleanBroken = accountReport([], brokenCoverage);
    expect(checkConclusion(clean, { failOn: "high" })).toBe("success");
    expect(checkConclusion(medium, { failOn: "high" })).toBe("neutral");
    expect(checkConclusion(medium, { failOn: "medium" })).toBe("failure");
    expect(checkConclusion(medium, { failOn: "none" })).toBe("neutral");
    expect(checkConclusion(critical, { failOn: "critical" })).toBe("failure");
    expect(checkConclusion(cleanBroken, { failOn: "high" })).toBe("failure");
    expect(checkConclusion(cleanBroken, { failOn: "high", incomplete: "neutral" })).toBe("neutral");
    expect(checkConclusion(mixedReport(brokenCoverage), { failOn: "high", incomplete: "neutral" })).toBe(
      "failure",
    );
    // Suppressed findings do not count.
    const onlySuppressed = accountReport([
      { ...urlFinding("x"), suppression: { source: "inline", reason: "intended" } },
    ]);
    expect(checkConclusion(onlySuppressed, { failOn: "low" })).toBe("success");
  });

  it("titles say what was found", () => {
    expect(checkTitle(accountReport([]))).toBe("No public Lambda functions or missing ListTags grants found");
    expect(checkTitle(mixedReport(brokenCoverage))).toBe(
      "7 findings (2 critical, 1 high, 3 medium, 1 low) · 1 suppressed · scan incomplete (2 scopes not fully scanned)",
    );
  });
});

describe("annotations", () => {
  it("only located, unsuppressed findings, with levels and single-line columns", () => {
    const anns = toAnnotations(mixedReport());
    expect(anns.map((a) => a.path).sort()).toEqual([
      "infra/iam-1.tf",
      "infra/iam-2.tf",
      "infra/iam-3.tf",
      "infra/main.tf",
    ]);
    const url = anns.find((a) => a.path === "infra/main.tf")!;
    expect(url).toMatchObject({ start_line: 22, end_line: 25, annotation_level: "failure" });
    expect(url.start_column).toBeUndefined();
    expect(url.title).toBe("LG001 (critical): Function URL is public — api:live");
    expect(url.raw_details).toContain("aws lambda update-function-url-config --function-name api");
    const lg005 = anns.find((a) => a.path === "infra/iam-1.tf")!;
    expect(lg005).toMatchObject({ annotation_level: "warning", start_column: 5, end_column: 30 });
    expect(anns.find((a) => a.path === "infra/iam-3.tf")!.annotation_level).toBe("notice");
  });

  it("caps title, message and raw_details", () => {
    const f = { ...manyIacFindings(1)[0]!, message: "x".repeat(200_000), title: "t".repeat(400) };
    f.remediation = { summary: "y".repeat(100_000) };
    const [a] = toAnnotations(iacReport([f]));
    expect([...a!.title].length).toBeLessThanOrEqual(255);
    expect(byteLength(a!.message)).toBeLessThanOrEqual(64 * 1024);
    expect(byteLength(a!.raw_details!)).toBeLessThanOrEqual(64 * 1024);
  });

  it.each([
    [0, []],
    [49, [49]],
    [50, [50]],
    [51, [50, 1]],
    [500, Array(10).fill(50)],
  ])("batches %i annotations into %j", (n, sizes) => {
    const anns = toAnnotations(iacReport(manyIacFindings(n)));
    expect(anns).toHaveLength(n);
    const batches = batchAnnotations(anns);
    expect(batches.map((b) => b.length)).toEqual(sizes);
    expect(batches.flat()).toEqual(anns);
  });
});

describe("hand-off marker", () => {
  it("round-trips", () => {
    const report = mixedReport(brokenCoverage);
    const payload = buildHandoff(report, { repository: "octo-org/payments", commit: "b".repeat(40) });
    const text = `Some text\n\n${handoffMarker(payload)}\n`;
    const parsed = parseHandoffMarker(text);
    expect(parsed).toEqual(payload);
    expect(parsed!.findings).toHaveLength(7);
    expect(parsed!.complete).toBe(false);
    expect(parsed!.truncated).toBe(false);
    expect(parsed!.artifact).toBe("lambda-guard-report");
    expect(parsed!.findings.find((f) => f.resource.qualifier === "live")!.location).toEqual({
      path: "infra/main.tf",
      startLine: 22,
      endLine: 25,
    });
  });

  it("escapes -- so the JSON cannot close the comment", () => {
    const f = urlFinding("a--b");
    f.resource.iac = { address: "x-->y---z" };
    const marker = handoffMarker(buildHandoff(accountReport([f])));
    const body = marker.slice("<!--".length, -"-->".length);
    expect(body).not.toContain("--");
    expect(parseHandoffMarker(marker)!.findings[0]!.resource.iac!.address).toBe("x-->y---z");
  });

  it.each([
    ["no marker", "hello"],
    ["not JSON", "<!-- lambda-guard:report@1 {nope -->"],
    [
      "wrong version",
      `<!-- lambda-guard:report@2 {"artifact":"a","truncated":false,"complete":true,"findings":[]} -->`,
    ],
    ["missing fields", `<!-- lambda-guard:report@1 {"artifact":"a"} -->`],
    [
      "bad fingerprint",
      `<!-- lambda-guard:report@1 {"artifact":"a","truncated":false,"complete":true,"findings":[{"fingerprint":"x","rule":"LG001","severity":"high","resource":{"kind":"function"}}]} -->`,
    ],
    [
      "path traversal",
      `<!-- lambda-guard:report@1 {"artifact":"a","truncated":false,"complete":true,"findings":[{"fingerprint":"lg1:0123456789abcdef","rule":"LG001","severity":"high","resource":{"kind":"function"},"location":{"path":"../../etc/passwd","startLine":1,"endLine":1}}]} -->`,
    ],
    [
      "absolute path",
      `<!-- lambda-guard:report@1 {"artifact":"a","truncated":false,"complete":true,"findings":[{"fingerprint":"lg1:0123456789abcdef","rule":"LG001","severity":"high","resource":{"kind":"function"},"location":{"path":"/etc/passwd","startLine":1,"endLine":1}}]} -->`,
    ],
    [
      "bad artifact name",
      `<!-- lambda-guard:report@1 {"artifact":"../x","truncated":false,"complete":true,"findings":[]} -->`,
    ],
    [
      "unterminated",
      `<!-- lambda-guard:report@1 {"artifact":"a","truncated":false,"complete":true,"findings":[]}`,
    ],
    ["array", "<!-- lambda-guard:report@1 [] -->"],
  ])("rejects %s", (_name, text) => {
    expect(parseHandoffMarker(text)).toBeNull();
  });

  it("rejects non-strings and huge input", () => {
    expect(parseHandoffMarker(undefined)).toBeNull();
    expect(parseHandoffMarker({})).toBeNull();
    expect(parseHandoffMarker("x".repeat(2_000_000))).toBeNull();
  });

  it("drops findings and sets truncated when the text would exceed 65,535", () => {
    const report = iacReport(manyIacFindings(2_000));
    const { text, handoff } = checkRunText(report);
    expect(byteLength(text)).toBeLessThanOrEqual(65_535);
    expect(handoff.truncated).toBe(true);
    expect(handoff.findings.length).toBeGreaterThan(100);
    expect(handoff.findings.length).toBeLessThan(2_000);
    expect(parseHandoffMarker(text)).toEqual(handoff);
    expect(text).toContain(`holds ${handoff.findings.length} of 2000 findings`);
  });
});

describe("checkRunOutput", () => {
  it("assembles everything within the API limits", () => {
    const out = checkRunOutput(iacReport(manyIacFindings(500)), {
      failOn: "high",
      repository: "octo-org/payments",
    });
    expect(out.conclusion).toBe("failure");
    expect(out.highestSeverity).toBe("high");
    expect(out.annotationBatches).toHaveLength(10);
    expect(byteLength(out.summary)).toBeLessThanOrEqual(65_535);
    expect(byteLength(out.text)).toBeLessThanOrEqual(65_535);
    expect(out.summary).toContain("lambda-guard-report");
    expect(parseHandoffMarker(out.text)!.repository).toBe("octo-org/payments");
  });
});
