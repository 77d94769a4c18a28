import { createHash } from "node:crypto";
import { z } from "zod";

/**
 * Hidden markers the app writes into its own PR bodies, issue bodies and comments, so it can find
 * them again, tell whether the findings changed (digest) and never duplicate them. A human can edit a
 * body, so markers are parsed as untrusted input too.
 */
export type MarkerKind = "pr" | "issue" | "comment";

export const MarkerSchema = z.looseObject({
  check: z.string().max(200),
  digest: z.string().regex(/^[0-9a-f]{8,64}$/),
  fingerprints: z.array(z.string().max(100)).max(5_000).default([]),
  /** The app closed it because a complete scan no longer reported its findings (not a dismissal). */
  resolved: z.boolean().optional(),
});
export type Marker = z.infer<typeof MarkerSchema>;

function open(kind: MarkerKind): string {
  return `<!-- lambda-guard:${kind}@1 `;
}

export function renderMarker(kind: MarkerKind, marker: Marker): string {
  // JSON.stringify never emits "-->" unescaped? It can, inside strings: escape ">" to be safe.
  return `${open(kind)}${JSON.stringify(marker).replace(/>/g, "\\u003e")} -->`;
}

/** The first marker of `kind` in `body`, or null. */
export function readMarker(kind: MarkerKind, body: string | null | undefined): Marker | null {
  if (!body) return null;
  const start = body.indexOf(open(kind));
  if (start < 0) return null;
  const from = start + open(kind).length;
  const end = body.indexOf(" -->", from);
  if (end < 0 || end - from > 400_000) return null;
  try {
    const parsed = MarkerSchema.safeParse(JSON.parse(body.slice(from, end)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function replaceMarker(kind: MarkerKind, body: string, marker: Marker): string {
  const start = body.indexOf(open(kind));
  if (start < 0) return `${renderMarker(kind, marker)}\n${body}`;
  const end = body.indexOf(" -->", start);
  return `${body.slice(0, start)}${renderMarker(kind, marker)}${body.slice(end + 4)}`;
}

/** Digest of a set of findings for one check: order-independent, stable across runs. */
export function findingsDigest(check: string, fingerprints: Iterable<string>): string {
  const sorted = [...new Set(fingerprints)].sort();
  return createHash("sha256")
    .update(JSON.stringify([check, sorted]))
    .digest("hex")
    .slice(0, 32);
}

/**
 * Digest of a fix pull request: its findings, the patch itself (path and new content of every changed
 * file) and the tool version, so a changed patch for the same findings (the base branch moved, a newer
 * engine) updates the open pull request, while a redelivery stays a no-op.
 */
export function patchDigest(
  check: string,
  fingerprints: Iterable<string>,
  changes: readonly { path: string; after: string }[],
  toolVersion: string,
): string {
  const h = createHash("sha256").update(
    JSON.stringify([check, [...new Set(fingerprints)].sort(), toolVersion]),
  );
  for (const c of [...changes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    h.update(`\u0000${c.path}\u0000`);
    h.update(createHash("sha256").update(c.after).digest());
  }
  return h.digest("hex").slice(0, 32);
}

/** `lambda-guard/<check>`, restricted to characters safe in a ref name. */
export function branchName(check: string): string {
  const slug =
    check
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/\.{2,}/g, ".")
      .replace(/^[-.]+|[-.]+$/g, "")
      .replace(/\.lock$/, "-lock")
      .slice(0, 60) || "scan";
  return `lambda-guard/${slug}`;
}
