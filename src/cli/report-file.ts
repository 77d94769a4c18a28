import { resolve } from "node:path";
import type { Report } from "../model/index.js";
import { readReportFile as readReport } from "../report/report-files.js";
import type { Io } from "./io.js";

/** A report named on the command line (relative to the working directory); errors name it as given. */
export function readReportFile(io: Io, file: string): Promise<Report> {
  return readReport(resolve(io.cwd, file), file);
}
