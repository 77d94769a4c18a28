import { inflateRawSync } from "node:zlib";

/**
 * Reads one entry from a zip archive held in memory (the format GitHub serves artifacts in). Supports
 * stored and deflated entries; refuses ZIP64, encryption and anything that would inflate past
 * `maxBytes`. Returns null when the entry is absent.
 */
export function readZipEntry(
  zip: Buffer,
  pick: (name: string) => boolean,
  maxBytes: number,
): { name: string; data: Buffer } | null {
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  const min = Math.max(0, zip.length - 0xffff - 22);
  let eocd = -1;
  for (let i = zip.length - 22; i >= min; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip archive");
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) throw new Error("corrupt zip central directory");
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    p += 46 + nameLen + extraLen + commentLen;
    if (!pick(name)) continue;
    if (flags & 0x1) throw new Error(`zip entry ${name} is encrypted`);
    if (compressed === 0xffffffff || size === 0xffffffff) throw new Error("ZIP64 archives are not supported");
    if (size > maxBytes) throw new Error(`zip entry ${name} is ${size} bytes (limit ${maxBytes})`);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) throw new Error("corrupt zip local header");
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    if (raw.length !== compressed) throw new Error("truncated zip entry");
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) data = inflateRawSync(raw, { maxOutputLength: maxBytes });
    else throw new Error(`zip entry ${name} uses unsupported compression method ${method}`);
    if (data.length !== size) throw new Error(`zip entry ${name} has the wrong size`);
    return { name, data };
  }
  return null;
}
