import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { ListRegionsCommand, paginateListRegions } from "@aws-sdk/client-account";
import { DescribeRegionsCommand } from "@aws-sdk/client-ec2";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { account, authHeader, baseState, ec2, rejection, sts } from "./helpers.js";

let h: EmulatorHandle;
beforeAll(async () => {
  h = await startEmulator(baseState());
});
afterAll(async () => h.close());

describe("STS", () => {
  it("GetCallerIdentity returns the state's caller", async () => {
    const out = await sts(h).send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe("111122223333");
    expect(out.Arn).toBe("arn:aws:sts::111122223333:assumed-role/scanner/gha-run");
    expect(out.UserId).toMatch(/^AROA[A-Z0-9]{17}:gha-run$/);
  });

  it("defaults to an emulator user and rejects unknown actions", async () => {
    const h2 = await startEmulator(baseState((j) => delete j.callerArn));
    try {
      const out = await sts(h2).send(new GetCallerIdentityCommand({}));
      expect(out.Arn).toBe("arn:aws:iam::111122223333:user/emulator");
      expect(out.UserId).toMatch(/^AIDA/);
    } finally {
      await h2.close();
    }
    const res = await fetch(h.url, {
      method: "POST",
      headers: {
        authorization: authHeader("us-east-1", "sts"),
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "Action=GetFederationToken&Version=2011-06-15",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(
      /<ErrorResponse[^>]*><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code>/,
    );
  });
});

describe("Account ListRegions", () => {
  it("lists enabled and disabled regions with their opt status", async () => {
    const out = await account(h).send(new ListRegionsCommand({}));
    expect(out.Regions).toEqual([
      { RegionName: "af-south-1", RegionOptStatus: "ENABLED" },
      { RegionName: "ap-east-1", RegionOptStatus: "DISABLED" },
      { RegionName: "eu-west-1", RegionOptStatus: "ENABLED_BY_DEFAULT" },
      { RegionName: "us-east-1", RegionOptStatus: "ENABLED_BY_DEFAULT" },
    ]);
  });

  it("filters by RegionOptStatusContains and paginates", async () => {
    const enabled = await account(h).send(
      new ListRegionsCommand({ RegionOptStatusContains: ["ENABLED", "ENABLED_BY_DEFAULT"] }),
    );
    expect(enabled.Regions!.map((r) => r.RegionName)).toEqual(["af-south-1", "eu-west-1", "us-east-1"]);
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListRegions({ client: account(h), pageSize: 1 }, {})) {
      pages++;
      names.push(...page.Regions!.map((r) => r.RegionName!));
    }
    expect(pages).toBe(4);
    expect(names).toHaveLength(4);
    const err = await rejection(account(h).send(new ListRegionsCommand({ MaxResults: 51 })));
    expect(err.name).toBe("ValidationException");
  });
});

describe("EC2 DescribeRegions", () => {
  it("lists enabled regions, and disabled ones with AllRegions", async () => {
    const out = await ec2(h).send(new DescribeRegionsCommand({}));
    expect(out.Regions).toEqual([
      { RegionName: "af-south-1", Endpoint: "ec2.af-south-1.amazonaws.com", OptInStatus: "opted-in" },
      {
        RegionName: "eu-west-1",
        Endpoint: "ec2.eu-west-1.amazonaws.com",
        OptInStatus: "opt-in-not-required",
      },
      {
        RegionName: "us-east-1",
        Endpoint: "ec2.us-east-1.amazonaws.com",
        OptInStatus: "opt-in-not-required",
      },
    ]);
    const all = await ec2(h).send(new DescribeRegionsCommand({ AllRegions: true }));
    expect(all.Regions!.find((r) => r.RegionName === "ap-east-1")?.OptInStatus).toBe("not-opted-in");
    const filtered = await ec2(h).send(
      new DescribeRegionsCommand({
        AllRegions: true,
        Filters: [{ Name: "opt-in-status", Values: ["not-opted-in"] }],
      }),
    );
    expect(filtered.Regions!.map((r) => r.RegionName)).toEqual(["ap-east-1"]);
    const named = await ec2(h).send(new DescribeRegionsCommand({ RegionNames: ["eu-west-1"] }));
    expect(named.Regions!.map((r) => r.RegionName)).toEqual(["eu-west-1"]);
  });

  it("is regional: a disabled region refuses it", async () => {
    const err = await rejection(ec2(h, "ap-east-1").send(new DescribeRegionsCommand({})));
    expect(err.name).toBe("AuthFailure");
  });
});
