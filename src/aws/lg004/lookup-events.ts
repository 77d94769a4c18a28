/**
 * CloudTrail `LookupEvents` for one region: one lookup attribute (EventName) per call, paced by our own
 * `cloudtrail:LookupEvents` bucket (2 rps × --api-budget), events streamed to the caller page by page.
 *
 * A page chain is sequential (each page needs the previous token), so one slow chain would cap the scan far below
 * the quota. Chains therefore split themselves: after each page, while fewer than `maxChains` chains run and the
 * rest of this chain's window still holds several pages (estimated from the page just read), the older half of
 * the remaining window becomes a new chain and this one stops where that half begins. Events on the boundary may
 * arrive twice; the consumer de-duplicates by EventId.
 */
import { LookupEventsCommand, type Event as TrailEvent } from "@aws-sdk/client-cloudtrail";
import type { AwsClients } from "../clients.js";
import { describeAwsError, isAccessDenied, isRegionRefusal, regionNotEnabled } from "../errors.js";
import { pageGuard } from "../pages.js";

export interface LookupProgress {
  region: string;
  events: number;
  pages: number;
  /** Calls are queued behind our own rate limit. */
  waiting: boolean;
}

export interface LookupRegionOptions {
  clients: AwsClients;
  region: string;
  /** Exact EventName values, one chain (at least) each. */
  eventNames: readonly string[];
  start: Date;
  end: Date;
  onEvent: (event: TrailEvent) => void;
  onProgress?: (p: LookupProgress) => void;
  /** Concurrent chains per region. Default: enough to keep the bucket busy with ~2 s pages, 4–16. */
  maxChains?: number;
  /** Do not split windows shorter than this (ms). Default 2 s. */
  minSplitMs?: number;
}

export interface LookupRegionResult {
  region: string;
  pages: number;
  events: number;
  /** Chains run (initial ones plus splits). */
  chains: number;
  status: "complete" | "partial" | "failed";
  detail?: string;
}

interface Chain {
  eventName: string;
  start: number;
  end: number;
  /** Events older than this belong to a chain split off this one. */
  floor: number;
  token?: string;
}

const SPLIT_MIN_PAGES = 40;
const SPLIT_EVERY_PAGES = 20;

export async function lookupRegion(opts: LookupRegionOptions): Promise<LookupRegionResult> {
  const { clients, region } = opts;
  const client = clients.cloudtrail(region);
  const bucket = clients.bucket("cloudtrail:LookupEvents", region);
  const maxChains = opts.maxChains ?? Math.min(16, Math.max(4, Math.ceil(bucket.rate * 2)));
  const minSplit = opts.minSplitMs ?? 2_000;
  let pages = 0;
  let events = 0;
  let chains = 0;
  let okPages = 0;
  const errors: { err: unknown; lostFrom: number; lostTo: number }[] = [];
  const running = new Set<Promise<void>>();

  const progress = () => opts.onProgress?.({ region, events, pages, waiting: bucket.pending > 0 });

  // Paced and retried by the client (clients.ts): one page per call here.
  const page = (c: Chain) =>
    client.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: c.eventName }],
        StartTime: new Date(c.start),
        EndTime: new Date(c.end),
        MaxResults: 50,
        ...(c.token ? { NextToken: c.token } : {}),
      }),
    );

  async function run(c: Chain): Promise<void> {
    chains++;
    let newest = c.end;
    // 50 events a page: a million GetFunction events in one chain's window.
    const next = pageGuard(`cloudtrail:LookupEvents in ${region}`, 20_000);
    for (;;) {
      let out;
      try {
        out = await page(c);
      } catch (err) {
        errors.push({ err, lostFrom: c.floor, lostTo: newest });
        return;
      }
      pages++;
      okPages++;
      const list = out.Events ?? [];
      const pageNewest = newest;
      let oldest = newest;
      let passedFloor = false;
      for (const ev of list) {
        const t = ev.EventTime?.getTime() ?? oldest;
        if (t < c.floor) {
          passedFloor = true;
          break;
        }
        oldest = Math.min(oldest, t);
        events++;
        opts.onEvent(ev);
      }
      newest = oldest;
      progress();
      if (passedFloor || !out.NextToken || list.length === 0) return;
      try {
        c.token = next(out.NextToken);
      } catch (err) {
        errors.push({ err, lostFrom: c.floor, lostTo: newest });
        return;
      }
      maybeSplit(c, pageNewest, oldest, list.length);
    }
  }

  function maybeSplit(c: Chain, pageNewest: number, oldest: number, count: number) {
    if (running.size >= maxChains) return;
    // Events are rarely spread evenly (the estimate below may split off an empty window, a wasted call), so
    // splits are also capped by the pages actually read: at most one per SPLIT_EVERY_PAGES.
    if ((chains - opts.eventNames.length + 1) * SPLIT_EVERY_PAGES > pages) return;
    const remaining = oldest - c.floor;
    if (remaining < 2 * minSplit) return;
    // Pages left if the rest of the window is as dense as the page just read. A split costs about one call
    // (the page that crosses the boundary is read by both chains), so only split chains with many pages
    // left: with at least SPLIT_MIN_PAGES, every chain covers ≥ SPLIT_MIN_PAGES / 2 pages and calls stay
    // within ~1 + 2 / SPLIT_MIN_PAGES of the pages (≤ 1.05× at 40).
    const span = Math.max(1, pageNewest - oldest);
    const pagesLeft = (remaining / span) * (count / 50);
    if (pagesLeft < SPLIT_MIN_PAGES) return;
    const mid = Math.floor((c.floor + remaining / 2) / 1000) * 1000;
    if (mid <= c.floor || mid >= oldest) return;
    spawn({ eventName: c.eventName, start: c.floor, end: mid, floor: c.floor });
    c.floor = mid;
  }

  function spawn(c: Chain) {
    const p: Promise<void> = run(c).finally(() => running.delete(p));
    running.add(p);
  }

  const start = Math.floor(opts.start.getTime() / 1000) * 1000;
  const end = Math.ceil(opts.end.getTime() / 1000) * 1000;
  for (const eventName of opts.eventNames) spawn({ eventName, start, end, floor: start });
  while (running.size > 0) await Promise.all([...running]);

  const result: LookupRegionResult = { region, pages, events, chains, status: "complete" };
  if (errors.length > 0) {
    const first = errors[0]!;
    const lost = errors
      .map((e) => `${new Date(e.lostFrom).toISOString()}–${new Date(e.lostTo).toISOString()}`)
      .slice(0, 3)
      .join(", ");
    const refused = errors.every((e) => isRegionRefusal(e.err));
    const denied = !refused && errors.every((e) => isAccessDenied(e.err));
    result.status = okPages === 0 ? "failed" : "partial";
    result.detail =
      result.status === "failed"
        ? refused
          ? regionNotEnabled(region, first.err)
          : `${describeAwsError(first.err)}${denied ? " — allow cloudtrail:LookupEvents to the scanning role" : ""}`
        : `${describeAwsError(first.err)}; events not read for ${lost}${errors.length > 3 ? " and more" : ""}`;
  }
  return result;
}
