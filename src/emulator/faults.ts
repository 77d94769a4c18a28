/** Injected faults: which ones match a request, sampled deterministically from `behaviour.seed`. */
import type { EmulatorState, Fault } from "./state.js";
import type { EmulatorResponse } from "./types.js";

export interface FaultTarget {
  region: string;
  service: string;
  operation: string;
  functionName?: string;
}

/** Faults the server core applies itself; any other `error` is either a module's custom fault or an AWS code. */
export const CORE_FAULTS = new Set([
  "AccessDeniedException",
  "ResourceNotFoundException",
  "ServiceException",
  "ServiceUnavailable",
  "Throttling",
  "reset",
  "malformed",
  "hang",
  "wrongProtocol",
  "latency",
  "deleteFunction",
]);

/** What a captive portal or a misrouted proxy answers: 200 with an HTML page instead of the AWS protocol. */
export function wrongProtocolBody(): EmulatorResponse {
  return {
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8" },
    body: "<!DOCTYPE html><html><head><title>Proxy</title></head><body><h1>Sign in to continue</h1></body></html>",
  };
}

/** The `deleteFunction` fault: the function disappears from the account, as if deleted mid-scan. */
export function deleteFunction(state: EmulatorState, region: string, name: string | undefined): void {
  if (name === undefined) return;
  const i = state.functions.findIndex((f) => f.region === region && f.name === name);
  if (i >= 0) state.functions.splice(i, 1);
}

export function faultMatches(f: Fault, t: FaultTarget): boolean {
  if (f.region !== undefined && f.region !== t.region) return false;
  if (f.service !== undefined && f.service !== t.service) return false;
  if (f.operation !== undefined && f.operation !== t.operation) return false;
  if (f.functionName !== undefined && f.functionName !== t.functionName) return false;
  return true;
}

/** A 32-bit mix (splitmix32-style) of the seed, the fault's index and how often it matched before. */
function mix(seed: number, index: number, count: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b9) ^ Math.imul(count + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

/** Deterministic sampler: the n-th match of fault i (same content) fires iff mix(seed, i, n) / 2^32 < rate. */
export class FaultSampler {
  /** Matches so far, per fault (its index and content, so an edited fault list starts afresh). */
  private readonly counts = new Map<string, number>();

  constructor(private readonly seed: () => number) {}

  /** The faults that fire for this request, in state order. */
  select(faults: readonly Fault[], target: FaultTarget): Fault[] {
    const fired: Fault[] = [];
    faults.forEach((f, i) => {
      if (!faultMatches(f, target)) return;
      const key = `${i}:${JSON.stringify(f)}`;
      const n = this.counts.get(key) ?? 0;
      this.counts.set(key, n + 1);
      if (f.after !== undefined && n < f.after) return;
      if (f.rate >= 1 || (f.rate > 0 && mix(this.seed(), i, n) / 2 ** 32 < f.rate)) fired.push(f);
    });
    return fired;
  }
}
