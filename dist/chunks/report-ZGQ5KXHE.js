import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  FINGERPRINT_KEY,
  SARIF_LEVEL,
  SECURITY_SEVERITY,
  byteLength,
  mergeReports,
  renderJson,
  renderMarkdown,
  renderReport,
  renderSarif,
  renderText
} from "./chunk-4XAYL45T.js";
import {
  archivedCopy,
  asffFinding,
  defaultProductArn,
  renderAsff,
  renderAsffJson,
  resourceLabel,
  summaryLine,
  whereLabel
} from "./chunk-EUZF5CLG.js";
import {
  MergeRefusal,
  UNKNOWN_ORGANIZATION,
  mergeOrganizationReports
} from "./chunk-DOHDVGDD.js";
import {
  DEFAULT_ARTIFACT_NAME
} from "./chunk-74QD6PXN.js";
import "./chunk-4XFV4NQT.js";
import "./chunk-LYD5ERHY.js";
export {
  DEFAULT_ARTIFACT_NAME,
  FINGERPRINT_KEY,
  MergeRefusal,
  SARIF_LEVEL,
  SECURITY_SEVERITY,
  UNKNOWN_ORGANIZATION,
  archivedCopy,
  asffFinding,
  byteLength,
  defaultProductArn,
  mergeOrganizationReports,
  mergeReports,
  renderAsff,
  renderAsffJson,
  renderJson,
  renderMarkdown,
  renderReport,
  renderSarif,
  renderText,
  resourceLabel,
  summaryLine,
  whereLabel
};
