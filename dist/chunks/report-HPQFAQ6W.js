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
} from "./chunk-UFQJIOIH.js";
import {
  MergeRefusal,
  UNKNOWN_ORGANIZATION,
  mergeOrganizationReports
} from "./chunk-TU3U2KXJ.js";
import {
  mergeReports
} from "./chunk-WW3IQY35.js";
import {
  archivedCopy,
  asffFinding,
  defaultProductArn,
  renderAsff,
  renderAsffJson,
  resourceLabel,
  summaryLine,
  whereLabel
} from "./chunk-KURXN222.js";
import {
  DEFAULT_ARTIFACT_NAME
} from "./chunk-VQOPCL6L.js";
import "./chunk-UN2YP2GD.js";
import "./chunk-KZI3EHBT.js";
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
