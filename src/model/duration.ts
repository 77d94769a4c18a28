/**
 * Durations as people write them for timeouts: `90s`, `30m`, `1h30m`, `2h`. A bare number is refused (seconds
 * or minutes? the caller asks for a unit). Returns milliseconds, or undefined when `text` is not one.
 */
export function parseDuration(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(t);
  if (!m || t === "" || (!m[1] && !m[2] && !m[3])) return undefined;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
}

/** `30m`, `1h30m`, `45s`: the inverse of parseDuration for messages. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h ? `${h}h` : ""}${m ? `${m}m` : ""}${sec || s === 0 ? `${sec}s` : ""}`;
}
