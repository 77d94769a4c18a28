import { createServer, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { fetchWithDeadline } from "../../src/report/github-fetch.js";

describe("fetchWithDeadline (every GitHub request of the Action and the app)", () => {
  it("ends a request GitHub accepts and never answers, and keeps the caller's own signal", async () => {
    const sockets: Socket[] = [];
    const server = createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/repos/o/r/check-runs`;
    try {
      const t0 = performance.now();
      await expect(fetchWithDeadline(undefined, 200)(url)).rejects.toMatchObject({ name: "TimeoutError" });
      expect(performance.now() - t0).toBeLessThan(5_000);
      const mine = new AbortController();
      const pending = fetchWithDeadline(undefined, 60_000)(url, { signal: mine.signal });
      mine.abort(new Error("cancelled by the caller"));
      await expect(pending).rejects.toThrow("cancelled by the caller");
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    }
  });

  it("goes through the fetch it wraps (nock's in tests, the global one otherwise)", async () => {
    const seen: string[] = [];
    const base = (async (input: string | URL | Request) => {
      seen.push(String(input));
      return new Response("{}");
    }) as typeof fetch;
    const res = await fetchWithDeadline(base)("https://api.github.com/x");
    expect(res.status).toBe(200);
    expect(seen).toEqual(["https://api.github.com/x"]);
  });
});
