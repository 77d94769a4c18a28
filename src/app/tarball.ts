import { gunzipSync } from "node:zlib";

/**
 * Reads the repository archive GitHub serves for `GET /repos/{owner}/{repo}/tarball/{ref}` (what
 * `git archive --format=tar.gz` writes: ustar entries, pax headers for long paths and a pax global
 * header with the commit id). Hand-written rather than a dependency: it only has to read regular
 * files, directories and pax/GNU long names from a buffer already in memory, and each bound below is
 * easier to enforce here than around a streaming library. The archive is untrusted: gunzip stops at
 * `maxBytes`, sizes and counts are checked before anything is sliced, and names are returned as
 * written (callers check them with `unsafePathReason`).
 */
export interface TarFile {
  /** Path inside the repository (GitHub's `<owner>-<repo>-<sha>/` top directory removed). */
  path: string;
  /** Git's file mode: 100755 for executables, else 100644. */
  mode: "100644" | "100755";
  size: number;
  data: Buffer;
}

export class ArchiveError extends Error {}

const BLOCK = 512;

function field(buf: Buffer, at: number, len: number): string {
  const raw = buf.subarray(at, at + len);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul < 0 ? len : nul).toString("utf8");
}

function octal(buf: Buffer, at: number, len: number): number {
  const s = field(buf, at, len).trim();
  if (!/^[0-7]*$/.test(s)) throw new ArchiveError(`bad number in tar header at ${at}`);
  return s ? parseInt(s, 8) : 0;
}

/** `"<len> key=value\n"` records of a pax header. */
function paxRecords(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(0x20, i);
    if (sp < 0) break;
    const len = Number(data.subarray(i, sp).toString("ascii"));
    if (!Number.isInteger(len) || len <= 0 || i + len > data.length) break;
    const rec = data.subarray(sp + 1, i + len - 1).toString("utf8");
    const eq = rec.indexOf("=");
    if (eq > 0) out[rec.slice(0, eq)] = rec.slice(eq + 1);
    i += len;
  }
  return out;
}

export function readTarGz(
  gz: Buffer,
  limits: { maxBytes: number; maxEntries: number },
): { files: TarFile[]; commit: string | null } {
  let tar: Buffer;
  try {
    tar = gunzipSync(gz, { maxOutputLength: limits.maxBytes });
  } catch (err) {
    const m = err instanceof Error ? err.message : String(err);
    throw new ArchiveError(
      /maxOutputLength|Cannot create a Buffer larger|ERR_BUFFER_TOO_LARGE/i.test(m)
        ? `repository archive is larger than ${limits.maxBytes} bytes unpacked`
        : `repository archive is not gzip: ${m}`,
    );
  }
  const files: TarFile[] = [];
  let commit: string | null = null;
  let longName: string | null = null;
  let entries = 0;
  let off = 0;
  while (off + BLOCK <= tar.length) {
    const h = tar.subarray(off, off + BLOCK);
    if (h.every((b) => b === 0)) break; // end of archive
    if (++entries > limits.maxEntries)
      throw new ArchiveError(`repository archive has more than ${limits.maxEntries} entries`);
    const size = octal(h, 124, 12);
    const type = String.fromCharCode(h[156] || 0x30);
    const dataStart = off + BLOCK;
    const dataEnd = dataStart + size;
    if (dataEnd > tar.length) throw new ArchiveError("repository archive is truncated");
    const data = tar.subarray(dataStart, dataEnd);
    off = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === "g") {
      const c = paxRecords(data).comment;
      if (c && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(c)) commit = c;
      continue;
    }
    if (type === "x") {
      longName = paxRecords(data).path ?? longName;
      continue;
    }
    if (type === "L") {
      longName = field(data, 0, data.length);
      continue;
    }
    const prefix = field(h, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(h, 0, 100)}` : field(h, 0, 100));
    longName = null;
    if (type !== "0" && type !== "\0") continue; // directories, symlinks, submodules: not files we read
    const slash = name.indexOf("/");
    const path = slash < 0 ? name : name.slice(slash + 1);
    if (!path) continue;
    const mode = (octal(h, 100, 8) & 0o111) !== 0 ? "100755" : "100644";
    files.push({ path, mode, size, data });
  }
  return { files, commit };
}
