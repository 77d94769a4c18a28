import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  ENV_ACCOUNT_ID,
  ENV_CREDENTIAL_SCOPE,
  ENV_EXPIRATION,
  ENV_KEY,
  ENV_SECRET,
  ENV_SESSION,
  fromEnv
} from "./chunk-4VYDAHCH.js";
import "./chunk-WF2JIZYK.js";
import "./chunk-AHIWXY2A.js";
import "./chunk-ZOSEZ4WG.js";
import "./chunk-W2GYLCDX.js";
import "./chunk-U6AM3KXG.js";
import "./chunk-RJK6TATR.js";
import "./chunk-LYD5ERHY.js";
export {
  ENV_ACCOUNT_ID,
  ENV_CREDENTIAL_SCOPE,
  ENV_EXPIRATION,
  ENV_KEY,
  ENV_SECRET,
  ENV_SESSION,
  fromEnv
};
