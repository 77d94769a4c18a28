import { unzipSync } from "fflate";

/**
 * Reads one entry from a zip archive held in memory (the format GitHub serves artifacts in), with fflate.
 * The archive is untrusted: entries are filtered by name and declared size before anything is inflated,
 * and fflate inflates into a buffer of that declared size, so a zip bomb cannot grow past `maxBytes`.
 * Returns null when no entry matches.
 */
export function readZipEntry(
  zip: Buffer,
  pick: (name: string) => boolean,
  maxBytes: number,
): { name: string; data: Buffer } | null {
  let tooBig: string | null = null;
  let chosen: string | null = null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength), {
      filter: (f) => {
        if (chosen !== null || !pick(f.name)) return false;
        if (f.originalSize > maxBytes) {
          tooBig = `zip entry ${f.name} is ${f.originalSize} bytes (limit ${maxBytes})`;
          return false;
        }
        chosen = f.name;
        return true;
      },
    });
  } catch (err) {
    throw new Error(`not a readable zip archive: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (tooBig) throw new Error(tooBig);
  if (chosen === null) return null;
  const data = files[chosen];
  if (!data || data.length > maxBytes)
    throw new Error(`zip entry ${chosen} exceeds the limit of ${maxBytes} bytes`);
  return { name: chosen, data: Buffer.from(data) };
}
