import { LIMITS } from "./limits.js";

/**
 * A repository-relative path as a report may name it: forward slashes, no absolute or drive paths, no
 * `.`/`..`/empty segments, no control characters, no backslashes, nothing in `.git`. Returns why it
 * is refused, or null.
 */
export function unsafePathReason(path: unknown): string | null {
  if (typeof path !== "string" || path.length === 0) return "empty path";
  if (path.length > LIMITS.pathChars) return `path longer than ${LIMITS.pathChars} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return "control character in path";
  if (path.includes("\\")) return "backslash in path";
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) return "absolute path";
  for (const seg of path.split("/")) {
    if (seg === "..") return "path leaves the repository (..)";
    if (seg === "" || seg === ".") return "path has an empty or '.' segment";
  }
  if (path === ".git" || path.startsWith(".git/")) return "path inside .git";
  return null;
}
