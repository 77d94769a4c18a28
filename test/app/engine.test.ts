import { readFileSync } from "node:fs";
import nock from "nock";
import { afterEach, beforeEach, expect, it } from "vitest";
import { enginePlanFixes } from "../../src/app/deps.js";
import { readMarker } from "../../src/app/markers.js";
import type { SourceFile } from "../../src/iac/types.js";
import { FakeGitHub } from "../helpers/github-fake.js";
import {
  checkRunEvent,
  newProbot,
  outputText,
  principalFinding,
  report,
  routeToFake,
  urlFinding,
} from "./helpers.js";

// The real fix engine (src/iac) on a small Terraform repository, driven by a live-scan report whose
// finding has no location: the engine maps it to code by function name.

const MAIN_TF = readFileSync(new URL("../fixtures/app/terraform/infra/main.tf", import.meta.url), "utf8");
let fake: FakeGitHub;

beforeEach(() => {
  nock.disableNetConnect();
  fake = new FakeGitHub({
    files: {
      "infra/main.tf": MAIN_TF,
      "package.json": "{}",
      ".github/workflows/ci.yml": "on: push\n",
      "README.md": "# x\n",
    },
  });
  routeToFake(fake);
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

it("opens a PR with the engine's minimal patch and an issue for what it cannot fix", async () => {
  const seen: SourceFile[] = [];
  const probot = await newProbot({
    planFixes: async (files, opts) => {
      seen.push(...files);
      return enginePlanFixes(files, opts);
    },
  });
  const live = urlFinding("webhook");
  await probot.receive(
    checkRunEvent(fake, { text: outputText(report([live, principalFinding("ci-deployer")])) }),
  );

  expect(fake.pulls).toHaveLength(1);
  const patched = fake.files("lambda-guard/lambda-guard")["infra/main.tf"]!;
  expect(patched).toContain('authorization_type = "AWS_IAM" # public on purpose? no.');
  expect(patched.replace('"AWS_IAM"', '"NONE"')).toBe(MAIN_TF);
  const pr = fake.pulls[0]!;
  expect(readMarker("pr", pr.body)?.fingerprints).toEqual([live.fingerprint]);
  expect(pr.body).toContain(
    "aws lambda remove-permission --function-name webhook --statement-id FunctionURLAllowPublicAccess",
  );
  expect(fake.issues).toHaveLength(1);
  expect(fake.issues[0]!.body).toContain("role/ci-deployer");
  // One archive download; package.json and workflow files are never handed to the engine.
  expect(fake.calls.filter((c) => c.path.includes("/tarball/"))).toHaveLength(1);
  expect(fake.calls.some((c) => c.path.includes("/git/blobs/"))).toBe(false);
  expect(seen.map((f) => f.path)).toEqual(["infra/main.tf"]);
}, 30_000);
