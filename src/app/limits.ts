/**
 * Hard limits on everything the app reads from untrusted sources (webhook payloads, reports, the
 * repository). They keep a delivery inside GitHub's 10 s webhook budget for typical repositories and
 * bound memory on a small Lambda. README.md ("Limits") documents them.
 */
export const LIMITS = {
  /** `check_run.output.text` is at most 65 535 characters on GitHub; anything larger is not ours. */
  markerChars: 65_536,
  /** Report artifact: zip size as listed by the Actions API, and the report JSON inside it. */
  artifactBytes: 10 * 1024 * 1024,
  reportBytes: 10 * 1024 * 1024,
  /** Findings in one report. */
  findings: 2_000,
  /** Length of a repository path named by a report. */
  pathChars: 1_024,
  /** One IaC file read from the repository. */
  blobBytes: 1024 * 1024,
  /** IaC files read per delivery, and their total size. */
  files: 400,
  totalBytes: 24 * 1024 * 1024,
  /** The repository archive (one download per delivery that needs the IaC): gzip size, unpacked size, entries. */
  archiveBytes: 100 * 1024 * 1024,
  archiveUnpackedBytes: 512 * 1024 * 1024,
  archiveEntries: 200_000,
  /** Findings listed in one pull request or issue (the rest are counted). */
  findingsPerBody: 200,
  /** GitHub rejects bodies over 65 536 characters. */
  bodyChars: 60_000,
} as const;
