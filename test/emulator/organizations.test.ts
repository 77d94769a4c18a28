import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LambdaClient, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import {
  DescribeOrganizationCommand,
  ListAccountsCommand,
  OrganizationsClient,
  paginateListAccounts,
} from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { parseEmulatorState } from "../../src/emulator/load.js";
import { AWS_CLI_MAJOR, awsCliEnv } from "../helpers/aws-cli.js";
import { awsCliBatch } from "../helpers/aws-cli-batch.js";
import { MANAGEMENT, MEMBERS, ROLE, orgState, orgStateJson } from "../org/org-state.js";
import { credentials, rejection } from "./helpers.js";

let h: EmulatorHandle;
beforeAll(async () => {
  h = await startEmulator(
    orgState((j) => {
      const accounts = j.accounts as Record<string, unknown>[];
      accounts.push({
        accountId: "777788889999",
        name: "suspended-sandbox",
        status: "SUSPENDED",
        regions: ["us-east-1"],
      });
      accounts[1]!.externalId = "shared-secret";
      accounts[2]!.behaviour = { quotas: { "lambda:control-plane": 1 } };
      j.behaviour = { quotas: { organizations: "unlimited" } };
    }),
  );
});
afterAll(async () => h.close());

const cfg = (creds = credentials) => ({
  region: "us-east-1",
  endpoint: h.url,
  credentials: creds,
  maxAttempts: 1,
});
const orgs = () => new OrganizationsClient(cfg());
const sts = (creds = credentials) => new STSClient(cfg(creds));

async function assume(accountId: string, extra: { ExternalId?: string } = {}) {
  const out = await sts().send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/${ROLE}`,
      RoleSessionName: "lambda-guard",
      ...extra,
    }),
  );
  const c = out.Credentials!;
  return {
    out,
    creds: {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!,
    },
  };
}

describe("Organizations", () => {
  it("ListAccounts lists the caller's own account and every member, page by page", async () => {
    const pages: number[] = [];
    const seen: { Id?: string; Name?: string; Status?: string; Arn?: string }[] = [];
    for await (const page of paginateListAccounts({ client: orgs(), pageSize: 2 }, {})) {
      pages.push(page.Accounts!.length);
      seen.push(...page.Accounts!);
    }
    expect(pages).toEqual([2, 2, 1]);
    expect(seen.map((a) => a.Id)).toEqual([MANAGEMENT, ...MEMBERS.map((m) => m.accountId), "777788889999"]);
    expect(seen[1]).toMatchObject({
      Name: "payments-prod",
      Status: "ACTIVE",
      Arn: `arn:aws:organizations::${MANAGEMENT}:account/o-a1b2c3d4e5/444455556666`,
    });
    expect(seen.at(-1)!.Status).toBe("SUSPENDED");
    const bad = await rejection(orgs().send(new ListAccountsCommand({ MaxResults: 21 })));
    expect(bad.name).toBe("InvalidInputException");
    const token = await rejection(orgs().send(new ListAccountsCommand({ NextToken: "bogus" })));
    expect(token.name).toBe("InvalidInputException");
  });

  it("DescribeOrganization names the organization; without one Organizations is not in use", async () => {
    const out = await orgs().send(new DescribeOrganizationCommand({}));
    expect(out.Organization).toMatchObject({ Id: "o-a1b2c3d4e5", MasterAccountId: MANAGEMENT });
    const lone = await startEmulator(
      orgState((j) => {
        delete j.organization;
        delete j.accounts;
      }),
    );
    try {
      const c = new OrganizationsClient({ ...cfg(), endpoint: lone.url });
      const err = await rejection(c.send(new ListAccountsCommand({})));
      expect(err.name).toBe("AWSOrganizationsNotInUseException");
    } finally {
      await lone.close();
    }
  });
});

describe("STS AssumeRole into member accounts", () => {
  it("serves later requests from the member's state under the assumed role", async () => {
    const { out, creds } = await assume("444455556666");
    expect(out.Credentials!.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(out.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::444455556666:assumed-role/${ROLE}/lambda-guard`);
    const me = await sts(creds).send(new GetCallerIdentityCommand({}));
    expect(me.Account).toBe("444455556666");
    expect(me.Arn).toBe(out.AssumedRoleUser!.Arn);
    const fns = await new LambdaClient(cfg(creds)).send(new ListFunctionsCommand({}));
    expect(fns.Functions!.map((f) => f.FunctionName)).toEqual(["payments-prod-webhook"]);
    expect(fns.Functions![0]!.FunctionArn).toContain(":444455556666:function:");
    // The caller's own credentials still see the management account.
    const own = await new LambdaClient(cfg()).send(new ListFunctionsCommand({}));
    expect(own.Functions!.map((f) => f.FunctionName)).toEqual(["billing"]);
    // A member may not list the organization's accounts.
    const denied = await rejection(new OrganizationsClient(cfg(creds)).send(new ListAccountsCommand({})));
    expect(denied.name).toBe("AccessDeniedException");
  });

  it("refuses a missing account, a role the account does not list, a suspended account, a wrong external id", async () => {
    for (const roleArn of [
      `arn:aws:iam::999999999999:role/${ROLE}`,
      "arn:aws:iam::444455556666:role/admin",
      `arn:aws:iam::777788889999:role/${ROLE}`,
      `arn:aws:iam::555566667777:role/${ROLE}`,
    ]) {
      const err = await rejection(
        sts().send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "lambda-guard" })),
      );
      expect(err.name, roleArn).toBe("AccessDenied");
      expect(err.message).toContain(`sts:AssumeRole on resource: ${roleArn}`);
    }
    const { creds } = await assume("555566667777", { ExternalId: "shared-secret" });
    const me = await sts(creds).send(new GetCallerIdentityCommand({}));
    expect(me.Account).toBe("555566667777");
  });

  it("meters quotas per account", async () => {
    const { creds } = await assume("666677778888");
    const member = new LambdaClient(cfg(creds));
    await member.send(new ListFunctionsCommand({}));
    const throttled = await rejection(member.send(new ListFunctionsCommand({})));
    expect(throttled.name).toBe("TooManyRequestsException");
    // Another account's bucket is untouched.
    const other = new LambdaClient(cfg((await assume("444455556666")).creds));
    await expect(other.send(new ListFunctionsCommand({}))).resolves.toBeDefined();
  });

  it("state errors name the member account's field", () => {
    expect(() =>
      parseEmulatorState(
        orgStateJson((j) => {
          (j.accounts as Record<string, unknown>[])[1]!.accountId = MEMBERS[0]!.accountId;
        }),
        "org.json",
      ),
    ).toThrow(/accounts\[1\]\.accountId.*listed twice/);
    expect(() =>
      parseEmulatorState(
        orgStateJson((j) => {
          ((j.accounts as Record<string, unknown>[])[0]!.functions as Record<string, unknown>[])[0]!.region =
            "ap-south-1";
        }),
        "org.json",
      ),
    ).toThrow(/accounts\[0\]\.functions\[0\]\.region/);
  });
});

describe.skipIf(AWS_CLI_MAJOR !== "2")("the real AWS CLI v2 against an emulated organization", () => {
  /** Commands in one CLI process, each checked to succeed and parsed. */
  async function aws(env: Record<string, string>, ...commands: string[][]) {
    const results = await awsCliBatch(
      commands.map((c) => [...c, "--endpoint-url", h.url, "--no-cli-pager", "--output", "json"]),
      awsCliEnv(env),
    );
    return results.map((r, i) => {
      expect(r.rc, `${commands[i]!.join(" ")}: ${r.err}`).toBe(0);
      return JSON.parse(r.out) as Record<string, unknown>;
    });
  }
  const base = {
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
  };

  it("organizations list-accounts, sts assume-role, then lambda list-functions in the member", async () => {
    // The CLI follows NextToken itself; --page-size forces several pages.
    const [listed, assumed] = await aws(
      base,
      ["organizations", "list-accounts", "--page-size", "2"],
      [
        "sts",
        "assume-role",
        "--role-arn",
        `arn:aws:iam::${MEMBERS[2]!.accountId}:role/${ROLE}`,
        "--role-session-name",
        "cli",
      ],
    );
    expect((listed!.Accounts as { Id: string }[]).map((a) => a.Id)).toHaveLength(MEMBERS.length + 2);
    const c = assumed!.Credentials as Record<string, string>;
    const env = {
      AWS_ACCESS_KEY_ID: c.AccessKeyId!,
      AWS_SECRET_ACCESS_KEY: c.SecretAccessKey!,
      AWS_SESSION_TOKEN: c.SessionToken!,
    };
    const [who, fns] = await aws(
      env,
      ["sts", "get-caller-identity"],
      ["lambda", "list-functions", "--region", "eu-west-1"],
    );
    expect(who!.Arn).toBe(`arn:aws:sts::${MEMBERS[2]!.accountId}:assumed-role/${ROLE}/cli`);
    expect((fns!.Functions as { FunctionName: string }[]).map((f) => f.FunctionName)).toEqual([
      "data-prod-worker",
    ]);
  });
});
