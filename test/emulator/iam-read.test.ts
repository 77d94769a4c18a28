import { GetAccountAuthorizationDetailsCommand, GetRolePolicyCommand, IAMClient } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EMULATOR_STATE_SCHEMA_ID,
  EmulatorStateSchema,
  startEmulator,
  type EmulatorHandle,
} from "../../src/emulator/index.js";
import { awsCliEnv } from "../helpers/aws-cli.js";
import { awsCliBatch } from "../helpers/aws-cli-batch.js";

const ACCOUNT = "111122223333";
const credentials = { accessKeyId: "AKIDEMULATOR", secretAccessKey: "emulator-secret" };
const MANAGED = `arn:aws:iam::${ACCOUNT}:policy/LambdaReaders`;
const read = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "lambda:GetFunction", Resource: "*" }],
};
const tags = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "lambda:ListTags", Resource: "*" }],
};
const old = { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "*", Resource: "*" }] };

const iamSnapshot = {
  RoleDetailList: [
    {
      RoleName: "deployer",
      RoleId: "AROAEXAMPLEDEPLOYER1",
      Arn: `arn:aws:iam::${ACCOUNT}:role/deployer`,
      Path: "/",
      CreateDate: "2024-02-01T00:00:00Z",
      RolePolicyList: [{ PolicyName: "read-functions", PolicyDocument: read }],
      AttachedManagedPolicies: [{ PolicyName: "LambdaReaders", PolicyArn: MANAGED }],
    },
  ],
  UserDetailList: [
    {
      UserName: "alice",
      UserId: "AIDAEXAMPLEALICE0001",
      Arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
      Path: "/",
      CreateDate: "2024-02-01T00:00:00Z",
      UserPolicyList: [{ PolicyName: "tags", PolicyDocument: tags }],
      GroupList: ["devs"],
      AttachedManagedPolicies: [{ PolicyName: "LambdaReaders", PolicyArn: MANAGED }],
    },
  ],
  GroupDetailList: [
    {
      GroupName: "devs",
      GroupId: "AGPAEXAMPLEDEVS00001",
      Arn: `arn:aws:iam::${ACCOUNT}:group/devs`,
      Path: "/",
      CreateDate: "2024-02-01T00:00:00Z",
      GroupPolicyList: [],
      AttachedManagedPolicies: [],
    },
    {
      GroupName: "others",
      GroupId: "AGPAEXAMPLEOTHERS001",
      Arn: `arn:aws:iam::${ACCOUNT}:group/others`,
      Path: "/",
    },
  ],
  Policies: [
    {
      PolicyName: "LambdaReaders",
      PolicyId: "ANPAEXAMPLEREADERS01",
      Arn: MANAGED,
      Path: "/",
      DefaultVersionId: "v2",
      AttachmentCount: 2,
      IsAttachable: true,
      CreateDate: "2024-01-01T00:00:00Z",
      UpdateDate: "2024-03-01T00:00:00Z",
      PolicyVersionList: [
        { VersionId: "v2", IsDefaultVersion: true, Document: read, CreateDate: "2024-03-01T00:00:00Z" },
        { VersionId: "v1", IsDefaultVersion: false, Document: old, CreateDate: "2024-01-01T00:00:00Z" },
      ],
    },
  ],
};

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator(
    EmulatorStateSchema.parse({
      schema: EMULATOR_STATE_SCHEMA_ID,
      accountId: ACCOUNT,
      regions: ["us-east-1"],
      iam: iamSnapshot,
      behaviour: { quotas: "unlimited" },
    }),
  );
});
afterAll(async () => emu.close());

const cliEnv = () =>
  awsCliEnv({
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_PAGER: "",
  });

/** The AWS CLI v2 (a client we did not write, decoding IAM's URL-encoded documents itself), one process. */
async function aws(commands: string[][]) {
  return awsCliBatch(
    commands.map((c) => ["iam", ...c, "--endpoint-url", emu.url, "--output", "json"]),
    cliEnv(),
  );
}

describe("IAM read APIs agree with the iam snapshot (AWS CLI v2)", () => {
  it("serves every read the manual method uses", async () => {
    const results = await aws([
      ["list-role-policies", "--role-name", "deployer"],
      ["get-role-policy", "--role-name", "deployer", "--policy-name", "read-functions"],
      ["list-user-policies", "--user-name", "alice"],
      ["get-user-policy", "--user-name", "alice", "--policy-name", "tags"],
      ["list-attached-role-policies", "--role-name", "deployer"],
      ["list-attached-user-policies", "--user-name", "alice"],
      ["get-policy", "--policy-arn", MANAGED],
      ["get-policy-version", "--policy-arn", MANAGED, "--version-id", "v1"],
      ["list-groups-for-user", "--user-name", "alice"],
      ["get-role-policy", "--role-name", "deployer", "--policy-name", "nope"],
    ]);
    const last = results.pop()!;
    expect(last.rc).not.toBe(0);
    expect(last.err).toMatch(/NoSuchEntity.*The role policy with name nope cannot be found/);
    for (const r of results) expect(r).toMatchObject({ rc: 0, err: "" });
    const [rp, grp, up, gup, arp, aup, gp, gpv, gfu] = results.map(
      (r) => JSON.parse(r.out) as Record<string, unknown>,
    );
    expect(rp).toEqual({ PolicyNames: ["read-functions"] });
    expect(grp!).toEqual({ RoleName: "deployer", PolicyName: "read-functions", PolicyDocument: read });
    expect(up!.PolicyNames).toEqual(["tags"]);
    expect(gup!).toEqual({ UserName: "alice", PolicyName: "tags", PolicyDocument: tags });
    expect(arp!.AttachedPolicies).toEqual([{ PolicyName: "LambdaReaders", PolicyArn: MANAGED }]);
    expect(aup!.AttachedPolicies).toEqual([{ PolicyName: "LambdaReaders", PolicyArn: MANAGED }]);
    expect(gp!.Policy).toMatchObject({
      PolicyName: "LambdaReaders",
      Arn: MANAGED,
      DefaultVersionId: "v2",
      AttachmentCount: 2,
    });
    expect(gpv!.PolicyVersion).toMatchObject({ VersionId: "v1", IsDefaultVersion: false, Document: old });
    expect((gfu!.Groups as { GroupName: string }[]).map((g) => g.GroupName)).toEqual(["devs"]);
  }, 60_000);

  it("the SDK sees the same documents through GetRolePolicy and GetAccountAuthorizationDetails", async () => {
    const iam = new IAMClient({ region: "us-east-1", endpoint: emu.url, credentials, maxAttempts: 1 });
    try {
      const one = await iam.send(
        new GetRolePolicyCommand({ RoleName: "deployer", PolicyName: "read-functions" }),
      );
      const all = await iam.send(new GetAccountAuthorizationDetailsCommand({}));
      const viaGaad = all.RoleDetailList![0]!.RolePolicyList![0]!.PolicyDocument!;
      expect(decodeURIComponent(one.PolicyDocument!)).toBe(decodeURIComponent(viaGaad));
      expect(JSON.parse(decodeURIComponent(one.PolicyDocument!))).toEqual(read);
      await expect(
        iam.send(new GetRolePolicyCommand({ RoleName: "ghost", PolicyName: "x" })),
      ).rejects.toMatchObject({
        name: "NoSuchEntityException",
        message: "The role with name ghost cannot be found.",
      });
    } finally {
      iam.destroy();
    }
  });
});
