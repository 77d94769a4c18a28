/** An emulated AWS Organization for the org tests: a management account and members with public URLs. */
import { parseEmulatorState, type EmulatorState } from "../../src/emulator/index.js";

export const MANAGEMENT = "111122223333";
export const MEMBERS = [
  { accountId: "444455556666", name: "payments-prod" },
  { accountId: "555566667777", name: "payments-dev" },
  { accountId: "666677778888", name: "data-prod" },
];
export const ROLE = "lambda-guard-scan";

function publicUrlFunction(accountId: string, region: string, name: string) {
  return {
    region,
    name,
    tags: { team: name },
    urls: [{ qualifier: null, authType: "NONE" }],
    policies: {
      "": {
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "FunctionURLAllowPublicAccess",
            Effect: "Allow",
            Principal: "*",
            Action: "lambda:InvokeFunctionUrl",
            Resource: `arn:aws:lambda:${region}:${accountId}:function:${name}`,
            Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "NONE" } },
          },
          {
            Sid: "FunctionURLInvokeAllowPublicAccess",
            Effect: "Allow",
            Principal: "*",
            Action: "lambda:InvokeFunction",
            Resource: `arn:aws:lambda:${region}:${accountId}:function:${name}`,
            Condition: { Bool: { "lambda:InvokedViaFunctionUrl": "true" } },
          },
        ],
      },
    },
  };
}

function privateFunction(region: string, name: string) {
  return { region, name, tags: {}, urls: [], policies: {} };
}

/** The state as JSON; `mutate` edits it before validation. */
export function orgStateJson(mutate?: (json: Record<string, unknown>) => void): Record<string, unknown> {
  const json: Record<string, unknown> = {
    schema: "lambda-guard/emulator-state@1",
    accountId: MANAGEMENT,
    regions: ["us-east-1", "eu-west-1"],
    callerArn: `arn:aws:sts::${MANAGEMENT}:assumed-role/org-scanner/gha-run`,
    functions: [privateFunction("us-east-1", "billing")],
    organization: { id: "o-a1b2c3d4e5", managementAccountId: MANAGEMENT, name: "management" },
    roles: [ROLE],
    accounts: MEMBERS.map((m, i) => ({
      accountId: m.accountId,
      name: m.name,
      status: "ACTIVE",
      roles: [ROLE],
      regions: ["us-east-1", "eu-west-1"],
      functions: [
        publicUrlFunction(m.accountId, "us-east-1", `${m.name}-webhook`),
        privateFunction("eu-west-1", `${m.name}-worker`),
        ...(i === 0 ? [publicUrlFunction(m.accountId, "eu-west-1", "payments-eu-hook")] : []),
      ],
    })),
  };
  mutate?.(json);
  return json;
}

export function orgState(mutate?: (json: Record<string, unknown>) => void): EmulatorState {
  return parseEmulatorState(orgStateJson(mutate), "org-state.json");
}
