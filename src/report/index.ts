import { InputError } from "../model/errors.js";
import type { Report } from "../model/report.js";
import { renderAsffJson } from "./asff.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import { renderSarif } from "./sarif.js";
import { renderText } from "./text.js";

export { renderJson } from "./json.js";
export { renderText, type TextOptions } from "./text.js";
export {
  renderSarif,
  SECURITY_SEVERITY,
  SARIF_LEVEL,
  FINGERPRINT_KEY,
  type SarifLog,
  type SarifResult,
} from "./sarif.js";
export { renderMarkdown, DEFAULT_ARTIFACT_NAME, byteLength, type MarkdownOptions } from "./markdown.js";
export { mergeReports } from "./merge.js";
export {
  renderAsff,
  renderAsffJson,
  asffFinding,
  archivedCopy,
  defaultProductArn,
  type AsffFinding,
  type AsffContext,
} from "./asff.js";
export { mergeOrganizationReports, MergeRefusal, UNKNOWN_ORGANIZATION } from "./merge-org.js";
export { resourceLabel, whereLabel, summaryLine } from "./labels.js";

export type ReportFormat = "text" | "json" | "sarif" | "markdown" | "asff";

/**
 * The CLI's `--format`: text without colour, the others as files would hold them (trailing newline). ASFF
 * needs the region the findings will be imported into (`asffRegion`: the product ARN names it).
 */
export function renderReport(
  report: Report,
  format: ReportFormat,
  opts: { asffRegion?: string } = {},
): string {
  switch (format) {
    case "asff":
      if (!opts.asffRegion) {
        throw new InputError(
          "ASFF needs the region to import into — set AWS_REGION (or AWS_DEFAULT_REGION)",
          "--format asff",
        );
      }
      return renderAsffJson(report, { region: opts.asffRegion });
    case "text":
      return renderText(report);
    case "json":
      return renderJson(report);
    case "sarif":
      return `${JSON.stringify(renderSarif(report), null, 2)}\n`;
    case "markdown":
      return renderMarkdown(report);
  }
}
