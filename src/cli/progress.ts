import type { ScanProgress } from "../aws/scan.js";
import type { Io } from "./io.js";

/**
 * On a terminal: one live line per region (functions done/total, calls waiting on our rate limit).
 * In CI logs: one line per region when it finishes, nothing else.
 */
export function progressReporter(io: Io): { onProgress: (e: ScanProgress) => void; finish: () => void } {
  const lines = new Map<string, string>();
  let drawn = 0;
  let last = 0;
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - last < 100) return;
    last = now;
    let out = drawn > 0 ? `\x1b[${drawn}A` : "";
    for (const line of lines.values()) out += `\x1b[2K${line}\n`;
    drawn = lines.size;
    io.err(out);
  };
  const onProgress = (e: ScanProgress) => {
    if (e.kind === "region-done") {
      const line = `${e.region}: ${e.functions} functions scanned, ${e.findings} findings${e.coverage.status === "complete" ? "" : ` (${e.coverage.status}: ${e.coverage.detail ?? ""})`}`;
      if (io.errIsTTY) {
        lines.set(`${e.region}/lambda`, line);
        draw(true);
      } else io.err(`${line}\n`);
      return;
    }
    if (!io.errIsTTY) return;
    if (e.kind === "lambda") {
      const total = e.listing ? `${e.functionsTotal}+` : String(e.functionsTotal);
      lines.set(
        `${e.region}/lambda`,
        `${e.region}: ${e.functionsDone}/${total} functions${e.waiting > 0 ? `, ${e.waiting} calls waiting on the rate limit` : ""}`,
      );
    } else {
      lines.set(
        `${e.region}/cloudtrail`,
        `${e.region}: CloudTrail ${e.events} GetFunction events, ${e.pages} pages${e.waiting ? " (rate limit)" : ""}`,
      );
    }
    draw();
  };
  return { onProgress, finish: () => (io.errIsTTY && lines.size > 0 ? draw(true) : undefined) };
}
