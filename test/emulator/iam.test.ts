import { execFile } from "node:child_process";
import { promisify } from "node:util";
import {
  GetAccountAuthorizationDetailsCommand,
  IAMClient,
  SimulatePrincipalPolicyCommand,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCallers } from "../../src/emulator/demo/callers.js";
import {
  EMULATOR_STATE_SCHEMA_ID,
  EmulatorStateSchema,
  startEmulator,
  type EmulatorHandle,
} from "../../src/emulator/index.js";
import { AWS_CLI } from "../helpers/aws-cli.js";

const ACCOUNT = "111122223333";
const credentials = { accessKeyId: "AKIDEMULATOR", secretAccessKey: "emulator-secret" };
const exec = promisify(execFile);
const FNS = [
  `arn:aws:lambda:us-east-1:${ACCOUNT}:function:webhook`,
  `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:resizer`,
];

let emu: EmulatorHandle;
let iam: IAMClient;

beforeAll(async () => {
  const demo = demoCallers(ACCOUNT, FNS);
  const state = EmulatorStateSchema.parse({
    schema: EMULATOR_STATE_SCHEMA_ID,
    accountId: ACCOUNT,
    regions: ["us-east-1"],
    iam: demo.iam,
    simulations: demo.simulations,
    behaviour: { quotas: { iam: "unlimited", "iam:SimulatePrincipalPolicy": "unlimited" } },
  });
  emu = await startEmulator(state, { port: 0 });
  iam = new IAMClient({ region: "us-east-1", endpoint: emu.url, credentials, maxAttempts: 1 });
});

afterAll(async () => {
  iam.destroy();
  await emu.close();
});

async function allPages(maxItems: number) {
  const pages = [];
  let marker: string | undefined;
  do {
    const out = await iam.send(
      new GetAccountAuthorizationDetailsCommand({ MaxItems: maxItems, Marker: marker }),
    );
    pages.push(out);
    marker = out.IsTruncated ? out.Marker : undefined;
  } while (marker);
  return pages;
}

describe("IAM GetAccountAuthorizationDetails", () => {
  it("returns URL-encoded documents across paginated lists", async () => {
    const pages = await allPages(4);
    expect(pages.length).toBeGreaterThan(2);
    const roles = pages.flatMap((p) => p.RoleDetailList ?? []);
    const users = pages.flatMap((p) => p.UserDetailList ?? []);
    const policies = pages.flatMap((p) => p.Policies ?? []);
    expect(users.map((u) => u.UserName)).toEqual(["alice", "bob"]);
    expect(roles.map((r) => r.RoleName)).toContain("ci-deployer");
    expect(policies.length).toBe(5);
    const ci = roles.find((r) => r.RoleName === "ci-deployer")!;
    const text = ci.RolePolicyList![0]!.PolicyDocument!;
    expect(text.startsWith("%7B%22Version%22")).toBe(true);
    expect(JSON.parse(decodeURIComponent(text))).toMatchObject({ Statement: [{ Sid: "ReadFunctions" }] });
    const sso = roles.find((r) => r.RoleName!.startsWith("AWSReservedSSO_"))!;
    expect(sso.Path).toBe("/aws-reserved/sso.amazonaws.com/eu-west-1/");
    const contractor = roles.find((r) => r.RoleName === "contractor-readonly")!;
    expect(contractor.PermissionsBoundary?.PermissionsBoundaryArn).toBe(
      `arn:aws:iam::${ACCOUNT}:policy/ContractorBoundary`,
    );
    const version = policies[0]!.PolicyVersionList![0]!;
    expect(version.IsDefaultVersion).toBe(true);
    expect(JSON.parse(decodeURIComponent(version.Document!))).toHaveProperty("Statement");
  });

  it("filters by entity type and refuses a marker from another listing", async () => {
    const out = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ["Role"], MaxItems: 2 }));
    expect(out.UserDetailList ?? []).toEqual([]);
    expect(out.RoleDetailList).toHaveLength(2);
    expect(out.IsTruncated).toBe(true);
    await expect(
      iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ["User"], Marker: out.Marker })),
    ).rejects.toMatchObject({ name: "InvalidInputException" });
  });

  it("short-page fault: fewer items than MaxItems while still truncated", async () => {
    emu.state.behaviour.faults = [
      { service: "iam", operation: "GetAccountAuthorizationDetails", error: "shortPage", rate: 1 },
    ];
    try {
      const first = await iam.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 9 }));
      const count =
        (first.UserDetailList?.length ?? 0) +
        (first.GroupDetailList?.length ?? 0) +
        (first.RoleDetailList?.length ?? 0) +
        (first.Policies?.length ?? 0);
      expect(count).toBe(3);
      expect(first.IsTruncated).toBe(true);
      const pages = await allPages(9);
      expect(pages.flatMap((p) => p.RoleDetailList ?? [])).toHaveLength(7);
    } finally {
      emu.state.behaviour.faults = [];
    }
  });
});

describe("IAM SimulatePrincipalPolicy", () => {
  it("answers from the simulations table, implicitDeny when absent", async () => {
    const out = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/audit-reader`,
        ActionNames: ["lambda:ListTags", "lambda:GetFunction"],
        ResourceArns: FNS,
      }),
    );
    expect(out.EvaluationResults).toHaveLength(4);
    const listTags = out.EvaluationResults!.filter((r) => r.EvalActionName === "lambda:ListTags");
    expect(listTags.map((r) => r.EvalDecision)).toEqual(["explicitDeny", "explicitDeny"]);
    expect(listTags[0]!.OrganizationsDecisionDetail?.AllowedByOrganizations).toBe(true);
    expect(out.EvaluationResults!.find((r) => r.EvalActionName === "lambda:GetFunction")!.EvalDecision).toBe(
      "implicitDeny",
    );
    await expect(
      iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/nobody`,
          ActionNames: ["lambda:ListTags"],
        }),
      ),
    ).rejects.toMatchObject({ name: "NoSuchEntityException" });
  });

  it("serves the AWS CLI's get-account-authorization-details (decoded documents)", async () => {
    const { stdout } = await exec(
      AWS_CLI,
      [
        "iam",
        "get-account-authorization-details",
        "--endpoint-url",
        emu.url,
        "--region",
        "us-east-1",
        "--output",
        "json",
      ],
      {
        env: {
          ...process.env,
          AWS_ACCESS_KEY_ID: credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
          AWS_PAGER: "",
        },
      },
    );
    const out = JSON.parse(stdout) as {
      RoleDetailList: { RoleName: string; RolePolicyList: { PolicyDocument: unknown }[] }[];
    };
    expect(out.RoleDetailList).toHaveLength(7);
    const ci = out.RoleDetailList.find((r) => r.RoleName === "ci-deployer")!;
    expect(ci.RolePolicyList[0]!.PolicyDocument).toMatchObject({ Version: "2012-10-17" });
  });
});
