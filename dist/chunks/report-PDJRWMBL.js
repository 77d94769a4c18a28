import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  FINGERPRINT_KEY,
  SARIF_LEVEL,
  SECURITY_SEVERITY,
  byteLength,
  renderJson,
  renderMarkdown,
  renderReport,
  renderSarif,
  renderText
} from "./chunk-KIWNMDSZ.js";
import {
  archivedCopy,
  asffFinding,
  defaultProductArn,
  renderAsff,
  renderAsffJson,
  resourceLabel,
  summaryLine,
  whereLabel
} from "./chunk-AGXIWYW7.js";
import {
  MergeRefusal,
  UNKNOWN_ORGANIZATION,
  mergeOrganizationReports
} from "./chunk-CSWTXLBN.js";
import {
  mergeReports
} from "./chunk-BL7RKF4P.js";
import {
  DEFAULT_ARTIFACT_NAME
} from "./chunk-74QD6PXN.js";
import "./chunk-JAJAJYEP.js";
import "./chunk-4GMCL7QT.js";
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
