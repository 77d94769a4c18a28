/** Read a report file (untrusted input): JSON, then the report schema; errors name the file and the fix. */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { errorMessage, InputError, ReportSchema, type Report } from "../model/index.js";
import type { Io } from "./io.js";

/** Larger files are not reports we wrote (a report of 10,000 findings is a few MB). */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

export async function readReportFile(io: Io, file: string): Promise<Report> {
  const path = resolve(io.cwd, file);
  let raw: unknown;
  try {
    const text = await readFile(path, "utf8");
    if (text.length > MAX_REPORT_BYTES) throw new Error(`larger than ${MAX_REPORT_BYTES} bytes`);
    raw = JSON.parse(text);
  } catch (err) {
    throw new InputError(
      `cannot read the report as JSON (${errorMessage(err)}) — pass a file written by 'lambda-guard scan --format json'`,
      file,
    );
  }
  const parsed = ReportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(
      `not a lambda-guard report: ${issue.path.join(".") || "(top level)"}: ${issue.message} — pass a file written by 'lambda-guard scan --format json'`,
      file,
    );
  }
  return parsed.data;
}
