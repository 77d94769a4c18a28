import { parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { LineCounter, parseAllDocuments } from "yaml";
import { firstError, parse, type Grammar } from "./treesitter.js";
import { lineAt } from "./lines.js";

function grammarFor(path: string): Grammar | "json" | "yaml" | null {
  const p = path.toLowerCase();
  if (/\.(tf|tfvars|hcl)$/.test(p)) return "terraform";
  if (p.endsWith(".json")) return "json";
  if (/\.(ya?ml)$/.test(p)) return "yaml";
  if (p.endsWith(".tsx")) return "tsx";
  if (/\.m?ts$/.test(p)) return "typescript";
  if (p.endsWith(".py")) return "python";
  return null;
}

/** The parser a file's text is checked with (JSON, YAML or a tree-sitter grammar); null when none applies. */
export function syntaxKind(path: string, text: string): Grammar | "json" | "yaml" | null {
  let kind = grammarFor(path);
  if (path.toLowerCase().endsWith(".template")) kind = /^\s*[{[]/.test(text) ? "json" : "yaml";
  if (/\.(tpl|tftpl)$/i.test(path) && /^\s*[{[]/.test(text) && !text.includes("%{")) kind = "json";
  return kind;
}

/**
 * Syntax check of a (patched) file with the parser for its kind: null when it parses cleanly, else a
 * message naming the line. Files of kinds we have no parser for pass.
 */
export async function syntaxError(path: string, text: string): Promise<string | null> {
  const kind = syntaxKind(path, text);
  if (kind === null) return null;
  if (kind === "json") {
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    const e = errors[0];
    return e ? `${path}:${lineAt(text, e.offset)}: ${printParseErrorCode(e.error)}` : null;
  }
  if (kind === "yaml") {
    const lc = new LineCounter();
    // Repeated keys are not a syntax error here: CloudFormation deploys such a template (last value wins) and
    // the detectors report them as coverage notes, so `iac` and `fix` agree on the file.
    for (const doc of parseAllDocuments(text, { lineCounter: lc, uniqueKeys: false })) {
      if ("errors" in doc && doc.errors.length > 0) {
        const e = doc.errors[0]!;
        return `${path}:${lc.linePos(e.pos[0]).line}: ${e.message.split("\n")[0]}`;
      }
    }
    return null;
  }
  const tree = await parse(kind, text);
  try {
    const err = firstError(tree.rootNode);
    if (!err) return null;
    return `${path}:${err.startPosition.row + 1}: ${err.isMissing ? `missing ${err.type}` : "syntax error"}`;
  } finally {
    tree.delete();
  }
}
