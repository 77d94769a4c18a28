import type { Detector, DetectorResult, SourceFile } from "../types.js";
import { analyzeIam } from "./iam.js";
import { analyzeLambda } from "./lambda.js";
import { buildModules, mergeModuleInstances, parseAll } from "./modules.js";

/**
 * Terraform (`*.tf`, `*.tfvars`, and the JSON syntax `*.tf.json`, `*.tfvars.json`): function URLs, public
 * permissions and resource policies, terraform-aws-modules/lambda, IAM policies.
 */
export const terraformDetector: Detector = {
  flavours: ["terraform"],
  claims(file: SourceFile): boolean {
    return /\.(tf|tfvars)(\.json)?$/i.test(file.path);
  },
  async analyze(files, ctx): Promise<DetectorResult> {
    const out: DetectorResult = { findings: [], coverage: [], functions: [], identities: [] };
    const parsed = await parseAll(files, out.coverage);
    try {
      for (const mod of buildModules(parsed, ctx.files)) {
        try {
          analyzeLambda(mod, out, ctx.now ?? new Date());
          analyzeIam(mod, out);
        } catch (err) {
          out.coverage.push({
            scope: mod.dir || ".",
            status: "failed",
            detail: `Terraform module ${mod.prefix || "(root)"} could not be analysed: ${err instanceof Error ? err.message : String(err)}`,
          });
        }
      }
    } finally {
      for (const p of parsed) p.tree?.delete();
    }
    out.findings = mergeModuleInstances(out.findings);
    return out;
  },
};
