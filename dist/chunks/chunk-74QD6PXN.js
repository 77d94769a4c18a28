import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);

// src/report/handoff-names.ts
var HANDOFF_MARKER = "lambda-guard:report@1";
var DEFAULT_CHECK_NAME = "Lambda Guard";
var DEFAULT_ARTIFACT_NAME = "lambda-guard-report";
var ACTIONS_APP_SLUG = "github-actions";
var HANDOFF_PREFIX = `<!-- ${HANDOFF_MARKER} `;
var HANDOFF_SUFFIX = " -->";

export {
  HANDOFF_MARKER,
  DEFAULT_CHECK_NAME,
  DEFAULT_ARTIFACT_NAME,
  ACTIONS_APP_SLUG,
  HANDOFF_PREFIX,
  HANDOFF_SUFFIX
};
