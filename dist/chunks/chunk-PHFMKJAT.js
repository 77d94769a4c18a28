import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);

// src/cli/progress.ts
function progressReporter(io) {
  const lines = /* @__PURE__ */ new Map();
  let drawn = 0;
  let last = 0;
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - last < 100) return;
    last = now;
    let out = drawn > 0 ? `\x1B[${drawn}A` : "";
    for (const line of lines.values()) out += `\x1B[2K${line}
`;
    drawn = lines.size;
    io.err(out);
  };
  const onProgress = (e) => {
    if (e.kind === "region-done") {
      const line = `${e.region}: ${e.functions} functions scanned, ${e.findings} findings${e.coverage.status === "complete" ? "" : ` (${e.coverage.status}: ${e.coverage.detail ?? ""})`}`;
      if (io.errIsTTY) {
        lines.set(`${e.region}/lambda`, line);
        draw(true);
      } else io.err(`${line}
`);
      return;
    }
    if (!io.errIsTTY) return;
    if (e.kind === "lambda") {
      const total = e.listing ? `${e.functionsTotal}+` : String(e.functionsTotal);
      lines.set(
        `${e.region}/lambda`,
        `${e.region}: ${e.functionsDone}/${total} functions${e.waiting > 0 ? `, ${e.waiting} calls waiting on the rate limit` : ""}`
      );
    } else {
      lines.set(
        `${e.region}/cloudtrail`,
        `${e.region}: CloudTrail ${e.events} GetFunction events, ${e.pages} pages${e.waiting ? " (rate limit)" : ""}`
      );
    }
    draw();
  };
  return { onProgress, finish: () => io.errIsTTY && lines.size > 0 ? draw(true) : void 0 };
}

export {
  progressReporter
};
