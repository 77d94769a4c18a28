import { describe, expect, it } from "vitest";
import {
  apiBudgetOf,
  isAccountId,
  isEventDataStore,
  isExternalId,
  isRegionName,
  isRoleName,
  lookbackDaysOf,
  scanTimeoutOf,
} from "../../src/model/index.js";

// One definition for the CLI's flags and the Action's inputs: both call these.
describe("scan settings", () => {
  it.each([
    ["0.9", 0.9],
    [".5", 0.5],
    ["1000", 1000],
    ["250", 250],
    ["0", undefined],
    ["-1", undefined],
    ["1001", undefined],
    ["0x10", undefined],
    ["1e3", undefined],
    [" 2 ", undefined],
    ["", undefined],
  ])("api budget %j → %s", (text, want) => expect(apiBudgetOf(text)).toBe(want));

  it.each([
    ["1", 90, 1],
    ["90", 90, 90],
    ["91", 90, undefined],
    ["3653", 3653, 3653],
    ["0", 90, undefined],
    ["7.5", 90, undefined],
    ["0x10", 90, undefined],
  ])("lookback %j (max %d) → %s", (text, max, want) => expect(lookbackDaysOf(text, max)).toBe(want));

  it.each([
    ["1s", 1000],
    ["30m", 1_800_000],
    ["24h", 86_400_000],
    ["24h1s", undefined],
    ["0s", undefined],
    ["30", undefined],
  ])("timeout %j → %s", (text, want) => expect(scanTimeoutOf(text)).toBe(want));

  it("names", () => {
    expect(["us-east-1", "us-gov-west-1", "ap-southeast-2"].every(isRegionName)).toBe(true);
    expect(["mars-1", "US-EAST-1", "us-east"].some(isRegionName)).toBe(false);
    expect(isAccountId("111122223333")).toBe(true);
    expect(isAccountId("1111-2222-3333")).toBe(false);
    expect(isRoleName("lambda-guard-scan")).toBe(true);
    expect(isRoleName("arn:aws:iam::111122223333:role/x")).toBe(false);
    expect(isExternalId("x")).toBe(false);
    expect(isExternalId("tenant:42/prod")).toBe(true);
    expect(isEventDataStore("eds-org-0001")).toBe(true);
    expect(isEventDataStore("arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/eds-org-0001")).toBe(
      true,
    );
    expect(isEventDataStore("arn:aws:s3:::bucket")).toBe(false);
  });
});
