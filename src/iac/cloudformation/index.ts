/**
 * CloudFormation and SAM detector (YAML with short or long intrinsics, and JSON templates).
 * See ./analyze.ts for the rules' semantics in templates and the fixes.
 */
import type { Coverage } from "../../model/report.js";
import type { Detector, DetectorContext, DetectorResult, SourceFile } from "../types.js";
import { analyzeTemplate } from "./analyze.js";
import { duplicateKeyNote, get, listOf, loadSource, str, type SourceDoc } from "./tree.js";

const TEMPLATE_EXT = /\.(ya?ml|json|template|cfn)$/i;
const IGNORED_DIRS = /(^|\/)(node_modules|cdk\.out|\.aws-sam|\.serverless|\.git)\//;

export function isServerlessText(text: string): boolean {
  return /^service\s*:/m.test(text) && /^provider\s*:/m.test(text);
}

function claims(file: SourceFile): boolean {
  if (!TEMPLATE_EXT.test(file.path) || IGNORED_DIRS.test(file.path)) return false;
  const head = file.text.length > 200_000 ? file.text.slice(0, 200_000) : file.text;
  if (isServerlessText(head)) return false;
  if (/AWSTemplateFormatVersion/.test(head)) return true;
  if (/AWS::Serverless-2016-10-31/.test(head)) return true;
  return /(^|["\s])Resources"?\s*:/m.test(head) && /AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/.test(head);
}

function isSam(doc: SourceDoc): boolean {
  return listOf(get(doc.root, "Transform")).some((t) => /AWS::Serverless/.test(str(t) ?? ""));
}

/** Stack name from a samconfig beside the template (`stack_name = "x"` / `stack_name: x`), when present. */
function stackNameFor(path: string, ctx: DetectorContext): string | undefined {
  const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/") + 1) : "";
  for (const name of ["samconfig.toml", "samconfig.yaml", "samconfig.yml"]) {
    const f = ctx.files.get(`${dir}${name}`);
    const m = f ? /stack_name\s*[=:]\s*["']?([A-Za-z0-9-]+)/.exec(f.text) : null;
    if (m?.[1]) return m[1];
  }
  return undefined;
}

async function analyze(files: SourceFile[], ctx: DetectorContext): Promise<DetectorResult> {
  const result: DetectorResult = { findings: [], coverage: [], functions: [], identities: [] };
  for (const file of files) {
    const cov: Coverage = { scope: file.path, status: "complete" };
    try {
      const doc = loadSource(file);
      const err = doc.errors[0];
      if (err) {
        result.coverage.push({
          scope: file.path,
          status: "failed",
          detail: `${file.path}:${err.line}: cannot parse: ${err.message}`,
        });
        continue;
      }
      const resources = get(doc.root, "Resources");
      if (resources?.kind !== "map") {
        result.coverage.push({ scope: file.path, status: "skipped", detail: "no Resources mapping" });
        continue;
      }
      const dupNote = duplicateKeyNote(doc);
      if (dupNote) Object.assign(cov, { status: "partial", detail: dupNote });
      const stackName = stackNameFor(file.path, ctx);
      const params = get(doc.root, "Parameters");
      const globals = get(doc.root, "Globals");
      const r = analyzeTemplate({
        doc,
        flavour: isSam(doc) ? "sam" : "cloudformation",
        resources,
        ...(params ? { parameters: params } : {}),
        ...(globals ? { globals } : {}),
        ...(stackName ? { stackName } : {}),
        ...(ctx.now ? { now: ctx.now } : {}),
      });
      result.findings.push(...r.findings);
      result.coverage.push(...r.coverage);
      result.functions.push(...r.functions);
      result.identities.push(...r.identities);
      result.coverage.push(cov);
    } catch (e) {
      result.coverage.push({
        scope: file.path,
        status: "failed",
        detail: `${file.path}: analysis failed: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }
  return result;
}

export const cloudformationDetector: Detector = {
  flavours: ["cloudformation", "sam"],
  claims,
  analyze,
};
