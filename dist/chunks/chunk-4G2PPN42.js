import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  InputError,
  ReportSchema,
  errorMessage
} from "./chunk-KZI3EHBT.js";

// src/cli/report-file.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
var MAX_REPORT_BYTES = 64 * 1024 * 1024;
async function readReportFile(io, file) {
  const path = resolve(io.cwd, file);
  let raw;
  try {
    const text = await readFile(path, "utf8");
    if (text.length > MAX_REPORT_BYTES) throw new Error(`larger than ${MAX_REPORT_BYTES} bytes`);
    raw = JSON.parse(text);
  } catch (err) {
    throw new InputError(
      `cannot read the report as JSON (${errorMessage(err)}) \u2014 pass a file written by 'lambda-guard scan --format json'`,
      file
    );
  }
  const parsed = ReportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `not a lambda-guard report: ${issue.path.join(".") || "(top level)"}: ${issue.message} \u2014 pass a file written by 'lambda-guard scan --format json'`,
      file
    );
  }
  return parsed.data;
}

export {
  readReportFile
};
