import type { SourceFile } from "../iac/types.js";
import { hasUtf8Bom } from "../iac/files.js";
import { LIMITS } from "./limits.js";
import { type Log, type Octokit } from "./octokit.js";
import { unsafePathReason } from "./paths.js";
import { ArchiveError, readTarGz, type TarFile } from "./tarball.js";

/** Directories that never hold source IaC (dependencies, build output, tool caches). */
const SKIP_DIRS = new Set([
  ".git",
  ".github",
  "node_modules",
  ".terraform",
  "cdk.out",
  ".serverless",
  ".aws-sam",
  "vendor",
  "__pycache__",
  ".venv",
  "venv",
  ".tox",
]);

/** JSON/YAML files that are never CloudFormation/SAM templates. */
const NOT_TEMPLATES =
  /^(package(-lock)?\.json|npm-shrinkwrap\.json|tsconfig(\..+)?\.json|jsconfig\.json|composer\.json|renovate\.json|\.?eslintrc(\..+)?|\.prettierrc(\..+)?|\.pre-commit-config\.ya?ml|docker-compose(\..+)?\.ya?ml|mkdocs\.ya?ml|\.gitlab-ci\.yml|\.travis\.yml|codecov\.ya?ml|pnpm-lock\.yaml|yarn\.lock|.*\.schema\.json)$/i;

export type IacKind = "terraform" | "template" | "serverless" | "cdk-config" | "cdk" | "sam-config";

/**
 * The IaC file patterns the app reads: Terraform (`*.tf`, `*.tf.json`, `*.tfvars`, `*.tfvars.json`),
 * CloudFormation/SAM templates (`*.yml`, `*.yaml`, `*.json`, `*.template`), Serverless
 * (`serverless.yml`), `samconfig.toml`, and CDK sources (`*.ts`, `*.py`) in a directory tree that has a
 * `cdk.json`. Returns null for everything else.
 */
export function iacKind(path: string, cdkRoots: readonly string[] = []): IacKind | null {
  const segments = path.split("/");
  if (segments.slice(0, -1).some((d) => SKIP_DIRS.has(d))) return null;
  const name = (segments[segments.length - 1] ?? "").toLowerCase();
  if (/\.(tf|tf\.json|tfvars|tfvars\.json)$/.test(name)) return "terraform";
  if (/^serverless\.ya?ml$/.test(name)) return "serverless";
  if (name === "cdk.json") return "cdk-config";
  if (name === "samconfig.toml") return "sam-config";
  if (/\.(ya?ml|json|template)$/.test(name)) return NOT_TEMPLATES.test(name) ? null : "template";
  if (/\.(ts|py)$/.test(name) && !name.endsWith(".d.ts") && !/(\.test|\.spec|_test)\.(ts|py)$/.test(name)) {
    const dir = segments.slice(0, -1).join("/");
    if (segments.some((s) => s === "test" || s === "tests" || s === "__tests__")) return null;
    if (cdkRoots.some((r) => r === "" || dir === r || dir.startsWith(`${r}/`))) return "cdk";
  }
  return null;
}

export function isIacPath(path: string, cdkRoots: readonly string[] = []): boolean {
  return iacKind(path, cdkRoots) !== null;
}

const KIND_ORDER: Record<IacKind, number> = {
  terraform: 0,
  template: 1,
  serverless: 1,
  "sam-config": 1,
  "cdk-config": 1,
  cdk: 2,
};

export interface TreeEntry {
  path: string;
  mode: string;
  type: string;
  sha: string;
  size?: number;
}

export interface RepoSnapshot {
  /** The default branch's head commit and its tree, the base of the fix commit. */
  commitSha: string;
  treeSha: string;
  files: SourceFile[];
  /** Mode of every file read, so the fix commit keeps executables executable. */
  modes: Map<string, string>;
  /** Files that start with a UTF-8 byte order mark: the decoded text has none, the fix commit puts it back. */
  bom: Set<string>;
  /** Why files were left out (size, count, binary): logged and shown in the PR body. */
  skipped: string[];
  /** Kept for callers: an archive is never cut short (it is refused whole past the limits). */
  truncated: boolean;
}

/** Chooses which tree entries to read: IaC patterns, size limit, count limit, report paths first. */
export function selectEntries(
  entries: readonly TreeEntry[],
  preferred: ReadonlySet<string>,
): { chosen: TreeEntry[]; skipped: string[] } {
  const blobs = entries.filter((e) => e.type === "blob" && (e.mode === "100644" || e.mode === "100755"));
  const cdkRoots = blobs
    .filter((e) => e.path === "cdk.json" || e.path.endsWith("/cdk.json"))
    .map((e) => e.path.slice(0, -"cdk.json".length).replace(/\/$/, ""));
  const skipped: string[] = [];
  const candidates: { e: TreeEntry; kind: IacKind }[] = [];
  for (const e of blobs) {
    const kind = iacKind(e.path, cdkRoots);
    if (!kind) continue;
    if ((e.size ?? 0) > LIMITS.blobBytes) {
      skipped.push(`${e.path}: larger than ${LIMITS.blobBytes} bytes`);
      continue;
    }
    candidates.push({ e, kind });
  }
  candidates.sort(
    (a, b) =>
      Number(preferred.has(b.e.path)) - Number(preferred.has(a.e.path)) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.e.path < b.e.path ? -1 : a.e.path > b.e.path ? 1 : 0),
  );
  const chosen: TreeEntry[] = [];
  let total = 0;
  for (const { e } of candidates) {
    if (chosen.length >= LIMITS.files) {
      skipped.push(`${e.path}: over the limit of ${LIMITS.files} files`);
      continue;
    }
    if (total + (e.size ?? 0) > LIMITS.totalBytes) {
      skipped.push(`${e.path}: over the limit of ${LIMITS.totalBytes} bytes read`);
      continue;
    }
    total += e.size ?? 0;
    chosen.push(e);
  }
  chosen.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { chosen, skipped };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads the IaC files of one commit in a single archive download (`GET …/tarball/{sha}`, which GitHub
 * answers with a redirect to codeload) instead of a tree listing and one blob request per file.
 * `treeSha` is the commit's tree, the base of the fix commit.
 */
export async function readIacFiles(
  octokit: Octokit,
  args: {
    owner: string;
    repo: string;
    commitSha: string;
    treeSha: string;
    preferred: ReadonlySet<string>;
    log: Log;
  },
): Promise<RepoSnapshot> {
  const { owner, repo, commitSha, treeSha } = args;
  const res = await octokit.rest.repos.downloadTarballArchive({ owner, repo, ref: commitSha });
  const gz = toBuffer(res.data);
  if (!gz) throw new ArchiveError("the repository archive download returned no data");
  if (gz.length > LIMITS.archiveBytes)
    throw new ArchiveError(`repository archive is larger than ${LIMITS.archiveBytes} bytes`);
  const { files: all } = readTarGz(gz, {
    maxBytes: LIMITS.archiveUnpackedBytes,
    maxEntries: LIMITS.archiveEntries,
  });
  const byPath = new Map<string, TarFile>();
  const entries: TreeEntry[] = [];
  for (const f of all) {
    if (unsafePathReason(f.path)) continue;
    byPath.set(f.path, f);
    entries.push({ path: f.path, mode: f.mode, type: "blob", sha: "", size: f.size });
  }
  const { chosen, skipped } = selectEntries(entries, args.preferred);
  const files: SourceFile[] = [];
  const modes = new Map<string, string>();
  const bom = new Set<string>();
  for (const e of chosen) {
    const bytes = byPath.get(e.path)!.data;
    if (bytes.subarray(0, 8000).includes(0)) {
      skipped.push(`${e.path}: binary`);
      continue;
    }
    try {
      files.push({ path: e.path, text: utf8.decode(bytes) });
      modes.set(e.path, e.mode);
      if (hasUtf8Bom(bytes)) bom.add(e.path);
    } catch {
      skipped.push(`${e.path}: not UTF-8`);
    }
  }
  if (skipped.length)
    args.log.info({ skipped: skipped.slice(0, 20), count: skipped.length }, "IaC files left out");
  return { commitSha, treeSha, files, modes, bom, skipped, truncated: false };
}

function toBuffer(data: unknown): Buffer | null {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return null;
}
