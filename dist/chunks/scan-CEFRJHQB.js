import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import "./chunk-LYD5ERHY.js";

// src/action/scan.ts
var defaultScan = async (req) => {
  switch (req.mode) {
    case "account":
      return (await import("./scan-account-4Y33XIG5.js")).scanAccountMode(req);
    case "iac":
      return (await import("./scan-iac-4Z2DRUTA.js")).scanIacMode(req);
    case "merge":
      return (await import("./merge-mode-NGXWKGGT.js")).mergeReportArtifacts(req.reports ?? "", req.workspace);
    case "both": {
      const [{ scanAccountMode }, { scanIacMode }, { mergeReports }] = await Promise.all([
        import("./scan-account-4Y33XIG5.js"),
        import("./scan-iac-4Z2DRUTA.js"),
        import("./merge-TOEWUM3V.js")
      ]);
      const [a, i] = await Promise.all([scanAccountMode(req), scanIacMode(req)]);
      return mergeReports([a, i]);
    }
  }
};
export {
  defaultScan
};
