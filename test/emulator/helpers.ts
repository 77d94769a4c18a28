import { LambdaClient } from "@aws-sdk/client-lambda";
import { STSClient } from "@aws-sdk/client-sts";
import { AccountClient } from "@aws-sdk/client-account";
import { EC2Client } from "@aws-sdk/client-ec2";
import { parseEmulatorState, type EmulatorHandle, type EmulatorState } from "../../src/emulator/index.js";

export const ACCOUNT = "111122223333";
export const credentials = { accessKeyId: "AKIDEMULATOR", secretAccessKey: "emulator-secret" };

/** A small account: two enabled regions, one disabled, functions with aliases, URLs and policies. */
export function baseStateJson(): Record<string, unknown> {
  const publicUrlPolicy = {
    Version: "2012-10-17",
    Id: "default",
    Statement: [
      {
        Sid: "FunctionURLAllowPublicAccess",
        Effect: "Allow",
        Principal: "*",
        Action: "lambda:InvokeFunctionUrl",
        Resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:webhook`,
        Condition: { StringEquals: { "lambda:FunctionUrlAuthType": "NONE" } },
      },
    ],
  };
  return {
    schema: "lambda-guard/emulator-state@1",
    accountId: ACCOUNT,
    regions: ["us-east-1", "eu-west-1", "af-south-1"],
    disabledRegions: ["ap-east-1"],
    callerArn: `arn:aws:sts::${ACCOUNT}:assumed-role/scanner/gha-run`,
    functions: [
      {
        region: "us-east-1",
        name: "webhook",
        runtime: "nodejs22.x",
        tags: {
          "aws:cloudformation:stack-name": "payments",
          "aws:cloudformation:logical-id": "WebhookFunction",
        },
        versions: ["1", "2"],
        aliases: [
          { name: "live", version: "2" },
          { name: "old", version: "1" },
        ],
        urls: [
          {
            qualifier: null,
            authType: "NONE",
            creationTime: "2024-05-01T00:00:00Z",
            cors: { AllowOrigins: ["*"] },
          },
          { qualifier: "live", authType: "AWS_IAM" },
        ],
        policies: {
          "": publicUrlPolicy,
          live: { Version: "2012-10-17", Id: "default", Statement: [{ Sid: "live-only", Effect: "Allow" }] },
          old: "{not json at all",
        },
      },
      { region: "us-east-1", name: "internal", runtime: "python3.12" },
      { region: "eu-west-1", name: "eu-only", runtime: "java21" },
    ],
    behaviour: {
      quotas: {
        "lambda:control-plane": "unlimited",
        "lambda:GetPolicy": "unlimited",
        account: "unlimited",
        sts: "unlimited",
        ec2: "unlimited",
      },
    },
  };
}

export function baseState(mutate?: (json: Record<string, unknown>) => void): EmulatorState {
  const json = baseStateJson();
  mutate?.(json);
  return parseEmulatorState(json, "test-state.json");
}

export function lambda(h: EmulatorHandle, region = "us-east-1", maxAttempts = 1): LambdaClient {
  return new LambdaClient({ endpoint: h.url, region, credentials, maxAttempts });
}
export function sts(h: EmulatorHandle, region = "us-east-1"): STSClient {
  return new STSClient({ endpoint: h.url, region, credentials, maxAttempts: 1 });
}
export function account(h: EmulatorHandle): AccountClient {
  return new AccountClient({ endpoint: h.url, region: "us-east-1", credentials, maxAttempts: 1 });
}
export function ec2(h: EmulatorHandle, region = "us-east-1"): EC2Client {
  return new EC2Client({ endpoint: h.url, region, credentials, maxAttempts: 1 });
}

/** A fake but well-formed SigV4 Authorization header for plain fetch calls. */
export function authHeader(region: string, service: string): string {
  return (
    `AWS4-HMAC-SHA256 Credential=AKIDEMULATOR/20250101/${region}/${service}/aws4_request, ` +
    "SignedHeaders=host;x-amz-date, Signature=0000"
  );
}

/** The error a promise rejects with. */
export async function rejection(p: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await p;
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error("expected a rejection");
}
