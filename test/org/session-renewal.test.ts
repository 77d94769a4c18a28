/**
 * Member-account sessions end after an hour; an organization scan can last longer. The emulator refuses an
 * ended session as AWS does (ExpiredToken), and the scanner's credentials renew before that happens.
 */
import { ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsClients } from "../../src/aws/clients.js";
import { assumedRoleCredentials } from "../../src/aws/org/assume-role.js";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { MEMBERS, ROLE, orgState } from "./org-state.js";

const MEMBER = MEMBERS[0]!.accountId;
const CALLER = { accessKeyId: "AKIATESTTESTTEST0000", secretAccessKey: "test" };
// One clock for AWS (the emulator) and the scanner, as real ones roughly agree.
let t = Date.parse("2026-12-01T09:00:00Z");
let h: EmulatorHandle;
const clients: AwsClients[] = [];
const clientsWith = (credentials: ConstructorParameters<typeof AwsClients>[0]["credentials"]) => {
  const c = new AwsClients({ endpointUrl: h.url, apiBudget: 50, credentials });
  clients.push(c);
  return c;
};

beforeAll(async () => {
  h = await startEmulator(orgState(), { now: () => new Date(t) });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await h.close();
});

describe("member-account sessions", () => {
  it("an ended session is refused with ExpiredToken on every protocol; the scanner's credentials renew first", async () => {
    const caller = clientsWith(CALLER);
    const provider = assumedRoleCredentials(caller, {
      partition: "aws",
      accountId: MEMBER,
      roleName: ROLE,
      sessionName: "lambda-guard",
      now: () => t,
    });
    const first = await provider();
    expect(first.expiration!.getTime()).toBe(t + 3600_000);
    const member = clientsWith(provider);
    const listed = await member.lambda("us-east-1").send(new ListFunctionsCommand({}));
    expect(listed.Functions?.length).toBeGreaterThan(0);
    // Within the session: the same keys, no new AssumeRole.
    t += 30 * 60_000;
    expect((await provider()).accessKeyId).toBe(first.accessKeyId);

    // 56 minutes in: renewed ahead of the end, and the scan goes on past the first session's hour.
    t += 26 * 60_000;
    const second = await provider();
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    t += 10 * 60_000;
    const who = await member.sts().send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe(MEMBER);
    await member.lambda("us-east-1").send(new ListFunctionsCommand({}));

    // The first session's keys, used after its end: refused, in each service's own shape.
    const stale = clientsWith(first);
    await expect(stale.lambda("us-east-1").send(new ListFunctionsCommand({}))).rejects.toMatchObject({
      name: "ExpiredTokenException",
      $metadata: { httpStatusCode: 403 },
    });
    await expect(stale.sts().send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: "ExpiredToken",
    });
  });
});
