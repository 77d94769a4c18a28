import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import "./chunk-LYD5ERHY.js";

// src/action/scan.ts
var defaultScan = async (req) => {
  switch (req.mode) {
    case "account":
      return (await import("./scan-account-J4PG7EW2.js")).scanAccountMode(req);
    case "iac":
      return (await import("./scan-iac-MUIZX3BZ.js")).scanIacMode(req);
    case "merge":
      return (await import("./merge-mode-FVQWKUJQ.js")).mergeReportArtifacts(req.reports ?? "", req.workspace);
    case "both": {
      const [{ scanAccountMode }, { scanIacMode }, { mergeReports }] = await Promise.all([
        import("./scan-account-J4PG7EW2.js"),
        import("./scan-iac-MUIZX3BZ.js"),
        import("./merge-DQR6JCVB.js")
      ]);
      const [a, i] = await Promise.all([scanAccountMode(req), scanIacMode(req)]);
      return mergeReports([a, i]);
    }
  }
};
export {
  defaultScan
};
