/** IPv4/IPv6 addresses and CIDR ranges as bigint intervals, enough for IpAddress/NotIpAddress. */

export interface IpRange {
  family: 4 | 6;
  first: bigint;
  last: bigint;
  text: string;
}

const V4_BITS = 32;
const V6_BITS = 128;

function parseV4(s: string): bigint | undefined {
  const parts = s.split(".");
  if (parts.length !== 4) return undefined;
  let out = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out = (out << 8n) | BigInt(n);
  }
  return out;
}

function parseV6(s: string): bigint | undefined {
  let text = s;
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  // An embedded IPv4 tail (`::ffff:192.0.2.1`) counts as two groups.
  const lastColon = text.lastIndexOf(":");
  if (lastColon >= 0 && text.slice(lastColon + 1).includes(".")) {
    const v4 = parseV4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    text = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const groups = (h: string | undefined): string[] => (h === undefined || h === "" ? [] : h.split(":"));
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill("0"), ...tail];
  let out = 0n;
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    out = (out << 16n) | BigInt(parseInt(g, 16));
  }
  return out;
}

export function parseIp(s: string): { family: 4 | 6; value: bigint } | undefined {
  const t = s.trim();
  const v4 = parseV4(t);
  if (v4 !== undefined) return { family: 4, value: v4 };
  if (t.includes(":")) {
    const v6 = parseV6(t);
    if (v6 !== undefined) return { family: 6, value: v6 };
  }
  return undefined;
}

/** `203.0.113.0/24`, `2001:db8::/32`, or a bare address (a single-address range). */
export function parseCidr(s: string): IpRange | undefined {
  const t = s.trim();
  const slash = t.indexOf("/");
  const ip = parseIp(slash >= 0 ? t.slice(0, slash) : t);
  if (!ip) return undefined;
  const bits = ip.family === 4 ? V4_BITS : V6_BITS;
  let prefix = bits;
  if (slash >= 0) {
    const p = t.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p)) return undefined;
    prefix = Number(p);
    if (prefix > bits) return undefined;
  }
  const hostBits = BigInt(bits - prefix);
  const first = (ip.value >> hostBits) << hostBits;
  const last = first + (1n << hostBits) - 1n;
  return { family: ip.family, first, last, text: t };
}

export function rangeContains(range: IpRange, ip: string): boolean {
  const parsed = parseIp(ip);
  if (!parsed || parsed.family !== range.family) return false;
  return parsed.value >= range.first && parsed.value <= range.last;
}

// Address blocks that never appear as the source address of a request from the Internet. Documentation
// ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) are deliberately absent: examples and tests use them
// as stand-ins for real public ranges.
const NON_PUBLIC = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "224.0.0.0/4",
  "240.0.0.0/4",
  "::/127",
  "::ffff:0:0/96",
  "fc00::/7",
  "fe80::/10",
  "ff00::/8",
].map((c) => parseCidr(c) as IpRange);

/** True when no public Internet address falls inside the range. */
export function isNonPublicRange(range: IpRange): boolean {
  return NON_PUBLIC.some((b) => b.family === range.family && b.first <= range.first && range.last <= b.last);
}

/** Whether `ranges` (together with the non-public blocks) cover every public address of `family`. */
export function coversAllPublic(ranges: IpRange[], family: 4 | 6): boolean {
  const max = (1n << BigInt(family === 4 ? V4_BITS : V6_BITS)) - 1n;
  const intervals = [...ranges, ...NON_PUBLIC]
    .filter((r) => r.family === family)
    .map((r) => [r.first, r.last] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let next = 0n;
  for (const [first, last] of intervals) {
    if (first > next) return false;
    if (last + 1n > next) next = last + 1n;
    if (next > max) return true;
  }
  return next > max;
}
