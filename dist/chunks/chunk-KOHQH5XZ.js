import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);

// src/model/version.ts
var VERSION = true ? "0.1.0" : "0.1.0";

export {
  VERSION
};
