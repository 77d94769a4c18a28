import type { Context } from "probot";

/** The installation-authenticated client Probot hands each event. */
export type Octokit = Context["octokit"];

/** Minimal logger surface (pino's), so unit code needs no Probot instance. */
export interface Log {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
}

export function httpStatus(err: unknown): number | undefined {
  const s = (err as { status?: unknown } | null)?.status;
  return typeof s === "number" ? s : undefined;
}

/** The text of a GitHub 422's validation errors, for matching "already exists". */
export function errorText(err: unknown): string {
  const e = err as { message?: unknown; response?: { data?: unknown } } | null;
  const parts: string[] = [];
  if (typeof e?.message === "string") parts.push(e.message);
  const data = e?.response?.data as { message?: unknown; errors?: unknown } | undefined;
  if (typeof data?.message === "string") parts.push(data.message);
  if (Array.isArray(data?.errors)) {
    for (const x of data.errors) {
      if (typeof x === "string") parts.push(x);
      else if (x && typeof (x as { message?: unknown }).message === "string")
        parts.push((x as { message: string }).message);
    }
  }
  return parts.join(" | ");
}

export function isAlreadyExists(err: unknown): boolean {
  return httpStatus(err) === 422 && /already exists/i.test(errorText(err));
}
