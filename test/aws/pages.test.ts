import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import { AwsClients } from "../../src/aws/clients.js";
import { collectRegion } from "../../src/aws/lambda-collect.js";
import { pageGuard, PagingError } from "../../src/aws/pages.js";

describe("pageGuard", () => {
  it("passes tokens through and ends on the last page", () => {
    const next = pageGuard("lambda:ListFunctions", 10);
    expect(next("a")).toBe("a");
    expect(next("b")).toBe("b");
    expect(next(undefined)).toBeUndefined();
    expect(next("")).toBeUndefined();
  });

  it("stops a token repeated in a row, and a chain longer than its bound", () => {
    const repeat = pageGuard("lambda:ListAliases", 10);
    repeat("a");
    expect(() => repeat("a")).toThrow(/ListAliases returned the same page token twice/);
    const long = pageGuard("account:ListRegions", 3);
    long("a");
    long("b");
    expect(() => long("c")).toThrow(PagingError);
    expect(() => pageGuard("x", 3)("a")).not.toThrow();
  });
});

describe("a listing that never ends (an endpoint repeating its next-page token)", () => {
  it("stops and reports the region's Lambda scope as failed, naming the call", async () => {
    let calls = 0;
    const server = createServer((_req, res) => {
      calls++;
      res.writeHead(200, { "content-type": "application/json" }).end('{"Functions":[],"NextMarker":"same"}');
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    const clients = new AwsClients({
      endpointUrl: `http://127.0.0.1:${port}`,
      apiBudget: 50,
      credentials: { accessKeyId: "AKIATESTTESTTEST0000", secretAccessKey: "x" },
    });
    try {
      const coverage = await collectRegion({
        clients,
        region: "us-east-1",
        accountId: "111122223333",
        partition: "aws",
        onFunction: () => undefined,
      });
      expect(coverage).toMatchObject({ scope: "us-east-1/lambda", status: "failed" });
      expect(coverage.detail).toMatch(/lambda:ListFunctions returned the same page token twice/);
      expect(calls).toBe(2);
    } finally {
      clients.destroy();
      await new Promise((r) => server.close(r));
    }
  });
});
