import { describe, expect, it } from "vitest";
import {
  DescribeQueryCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
  type CloudTrailClient,
} from "@aws-sdk/client-cloudtrail";
import { AwsClients } from "../../src/aws/clients.js";
import { queryLakeCallers } from "../../src/aws/lg004/cloudtrail-lake.js";

/** AwsClients whose CloudTrail client answers from a script: the query's states, then result pages. */
function scripted(states: string[], pages: number) {
  const clients = new AwsClients({
    apiBudget: 1000,
    credentials: { accessKeyId: "a", secretAccessKey: "b" },
  });
  const sent: string[] = [];
  let describe = 0;
  let page = 0;
  const fake = {
    send: async (cmd: unknown) => {
      if (cmd instanceof StartQueryCommand) {
        sent.push("StartQuery");
        return { QueryId: "q-1" };
      }
      if (cmd instanceof DescribeQueryCommand) {
        sent.push("DescribeQuery");
        const status = states[Math.min(describe++, states.length - 1)];
        return { QueryStatus: status, ...(status === "FAILED" ? { ErrorMessage: "bad column" } : {}) };
      }
      if (cmd instanceof GetQueryResultsCommand) {
        sent.push("GetQueryResults");
        page++;
        return {
          QueryResultRows: [
            [{ recipientAccountId: "444455556666" }, { awsRegion: "us-east-1" }, { calls: "2" }],
          ],
          ...(page < pages ? { NextToken: `t${page}` } : {}),
        };
      }
      throw new Error("unexpected command");
    },
  };
  clients.cloudtrail = () => fake as unknown as CloudTrailClient;
  return { clients, sent };
}

describe("CloudTrail Lake query lifecycle", () => {
  it("polls DescribeQuery (sleeping between polls) until FINISHED, then reads every page", async () => {
    const { clients, sent } = scripted(["QUEUED", "RUNNING", "FINISHED"], 3);
    const sleeps: number[] = [];
    const rows: number[] = [];
    const r = await queryLakeCallers({
      clients,
      eventDataStore: "eds-1",
      partition: "aws",
      start: new Date(0),
      onRow: (_rec, calls) => rows.push(calls),
      sleep: async (ms) => void sleeps.push(ms),
    });
    expect(r).toMatchObject({ status: "complete", queryId: "q-1", polls: 3, pages: 3, rows: 3 });
    expect(sleeps).toEqual([1000, 1000]);
    expect(rows).toEqual([2, 2, 2]);
    expect(sent).toEqual([
      "StartQuery",
      "DescribeQuery",
      "DescribeQuery",
      "DescribeQuery",
      "GetQueryResults",
      "GetQueryResults",
      "GetQueryResults",
    ]);
    clients.destroy();
  });

  it("a FAILED query, or one that never finishes, is a failed scope with the reason", async () => {
    const failed = scripted(["RUNNING", "FAILED"], 1);
    const r1 = await queryLakeCallers({
      clients: failed.clients,
      eventDataStore: "eds-1",
      partition: "aws",
      start: new Date(0),
      onRow: () => undefined,
      sleep: async () => undefined,
    });
    expect(r1.status).toBe("failed");
    expect(r1.detail).toMatch(/q-1 FAILED: bad column/);

    const stuck = scripted(["RUNNING"], 1);
    const r2 = await queryLakeCallers({
      clients: stuck.clients,
      eventDataStore: "eds-1",
      partition: "aws",
      start: new Date(0),
      onRow: () => undefined,
      sleep: async () => undefined,
      maxPolls: 5,
    });
    expect(r2.status).toBe("failed");
    expect(r2.detail).toMatch(/still RUNNING after 5 polls/);
    expect(stuck.sent.filter((s) => s === "GetQueryResults")).toHaveLength(0);
    failed.clients.destroy();
    stuck.clients.destroy();
  });
});
