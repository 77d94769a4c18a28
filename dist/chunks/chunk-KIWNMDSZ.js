import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  SEVERITY_LABEL,
  completenessPhrase,
  countsPhrase,
  coverageProblems,
  plural,
  renderAsffJson,
  resourceLabel,
  summaryLine,
  targetPhrase,
  whereLabel
} from "./chunk-AGXIWYW7.js";
import {
  DEFAULT_ARTIFACT_NAME
} from "./chunk-74QD6PXN.js";
import {
  InputError,
  RULES,
  RULE_IDS
} from "./chunk-JAJAJYEP.js";
import {
  SEVERITIES,
  activeFindings,
  isIncomplete
} from "./chunk-4GMCL7QT.js";

// src/report/json.ts
function renderJson(report) {
  return `${JSON.stringify(report, null, 2)}
`;
}

// src/report/markdown.ts
function byteLength(s) {
  return Buffer.byteLength(s, "utf8");
}
function cell(s) {
  return s.replace(/[\r\n]+/g, " ").replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function code(s) {
  const one = s.replace(/[\r\n]+/g, " ");
  const longest = Math.max(0, ...(one.match(/`+/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  const pad = one.startsWith("`") || one.endsWith("`") ? " " : "";
  return `${fence}${pad}${one}${pad}${fence}`;
}
function codeBlock(body, lang = "sh") {
  const longest = Math.max(2, ...(body.match(/`{3,}/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${lang}
${body}
${fence}`;
}
function prose(s) {
  return s.replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function anchor(f) {
  return `fix-${f.fingerprint.replace(/[^a-z0-9]/gi, "-")}`;
}
function severityTable(findings) {
  const rows = findings.map(
    (f) => `| ${f.rule} | ${code(resourceLabel(f))} | ${cell(whereLabel(f))} | ${cell(f.title)} | [fix](#${anchor(f)}) |`
  );
  return ["| Rule | Resource | Where | Finding | |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}
function fixSection(f) {
  const parts = [
    `<a id="${anchor(f)}"></a>`,
    `#### ${SEVERITY_LABEL[f.severity]} \xB7 ${f.rule} \xB7 ${cell(resourceLabel(f))}`,
    "",
    `**${prose(f.title)}** \u2014 ${prose(f.message)}`
  ];
  if (f.resource.arn) parts.push("", `Resource: ${code(f.resource.arn)}`);
  if (f.location)
    parts.push(
      "",
      `Code: ${code(whereLabel(f))}${f.resource.iac ? ` (${code(f.resource.iac.address)})` : ""}`
    );
  parts.push("", `**Fix:** ${prose(f.remediation.summary)}`);
  const cmds = f.remediation.commands ?? [];
  if (cmds.length > 0) parts.push("", codeBlock(cmds.join("\n")));
  if (f.remediation.policy !== void 0)
    parts.push("", codeBlock(JSON.stringify(f.remediation.policy, null, 2), "json"));
  for (const c of f.remediation.console ?? []) parts.push("", `- Console: ${prose(c)}`);
  for (const n of f.remediation.notes ?? []) parts.push("", `> ${prose(n).replace(/\n/g, "\n> ")}`);
  return parts.join("\n");
}
function coverageSection(report) {
  if (report.coverage.length === 0) return "";
  const problems = coverageProblems(report);
  const head = `### Coverage

${completenessPhrase(report)}.`;
  if (problems.length === 0) {
    return `${head} ${plural(report.coverage.length, "scope")} scanned in full.`;
  }
  const rows = problems.map((c) => `| ${code(c.scope)} | ${c.status} | ${cell(c.detail ?? "")} |`);
  const complete = report.coverage.length - problems.length;
  return [
    head,
    "",
    "| Scope | Status | Detail |",
    "| --- | --- | --- |",
    ...rows,
    "",
    `${plural(complete, "other scope")} complete. Findings below may be missing for the scopes above.`
  ].join("\n");
}
function countsTable(report) {
  const s = report.summary;
  return [
    "| Critical | High | Medium | Low | Suppressed |",
    "| ---: | ---: | ---: | ---: | ---: |",
    `| ${s.critical} | ${s.high} | ${s.medium} | ${s.low} | ${s.suppressed} |`
  ].join("\n");
}
var MAX_SUPPRESSED_ROWS = 50;
function suppressedSection(findings) {
  if (findings.length === 0) return "";
  const shown = findings.slice(0, MAX_SUPPRESSED_ROWS);
  const rows = shown.map((f) => {
    const s = f.suppression;
    return `| ${f.rule} | ${code(resourceLabel(f))} | ${cell(s.reason)} | ${s.source} | ${s.expires ?? ""} |`;
  });
  return [
    `<details><summary>${plural(findings.length, "suppressed finding")}</summary>`,
    "",
    "| Rule | Resource | Reason | Source | Expires |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    ...findings.length > shown.length ? ["", `${findings.length - shown.length} more in the full report.`] : [],
    "",
    "</details>"
  ].join("\n");
}
function compose(report, opts, tableCount, fixCount, notice) {
  const active = activeFindings(report);
  const shownInTables = active.slice(0, tableCount);
  const parts = [];
  const incomplete = isIncomplete(report.coverage) ? " (scan incomplete)" : "";
  parts.push(`## ${opts.title ?? "Lambda Guard"}: ${countsPhrase(report)}${incomplete}`);
  parts.push(`${targetPhrase(report)} \xB7 lambda-guard ${report.tool.version} \xB7 ${report.generatedAt}`);
  parts.push(countsTable(report));
  for (const sev of SEVERITIES) {
    const list = shownInTables.filter((f) => f.severity === sev);
    const total = active.filter((f) => f.severity === sev).length;
    if (total === 0) continue;
    const more = list.length < total ? ` (${list.length} of ${total} shown)` : "";
    parts.push(`### ${SEVERITY_LABEL[sev]} (${total})${more}`);
    if (list.length > 0) parts.push(severityTable(list));
  }
  const cov = coverageSection(report);
  if (cov) parts.push(cov);
  const fixes = active.slice(0, fixCount);
  if (fixes.length > 0) {
    parts.push("### How to fix");
    const rules2 = [...new Set(fixes.map((f) => f.rule))];
    parts.push(
      rules2.map((r) => `- **${r} ${RULES[r].title}:** ${RULES[r].help} ([docs](${RULES[r].helpUri}))`).join("\n")
    );
    for (const f of fixes) parts.push(fixSection(f));
  }
  const sup = suppressedSection(report.findings.filter((f) => f.suppression));
  if (sup) parts.push(sup);
  if (notice) parts.push(notice);
  return `${parts.join("\n\n")}
`;
}
function truncationNotice(report, tableCount, fixCount, artifact) {
  const total = activeFindings(report).length;
  const what = tableCount < total ? `${plural(total - tableCount, "finding")} and ${plural(total - fixCount, "fix", "fixes")} are not shown` : `The fixes for ${plural(total - fixCount, "finding")} are not shown`;
  return `> [!NOTE]
> ${what} because this summary is limited in size. The full report is in the workflow run's artifact ${code(artifact)} (JSON, schema lambda-guard/report@1).`;
}
function largest(lo, hi, ok) {
  let best = lo - 1;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
function cutBytes(s, max) {
  const buf = Buffer.from(s, "utf8");
  if (buf.length <= max) return s;
  let end = max;
  while (end > 0 && (buf[end] & 192) === 128) end--;
  return buf.subarray(0, end).toString("utf8");
}
function renderMarkdown(report, opts = {}) {
  const n = activeFindings(report).length;
  const full = compose(report, opts, n, n, "");
  const max = opts.maxLength;
  if (max === void 0 || byteLength(full) <= max) return full;
  const artifact = opts.artifactName ?? DEFAULT_ARTIFACT_NAME;
  const fits = (t2, f) => byteLength(compose(report, opts, t2, f, truncationNotice(report, t2, f, artifact))) <= max;
  if (fits(n, 0)) {
    const f = largest(0, n, (k) => fits(n, k));
    return compose(report, opts, n, f, truncationNotice(report, n, f, artifact));
  }
  const t = largest(0, n, (k) => fits(k, 0));
  if (t >= 0) return compose(report, opts, t, 0, truncationNotice(report, t, 0, artifact));
  return cutBytes(
    `## Lambda Guard: ${countsPhrase(report)}

The full report is in the artifact ${code(artifact)}.
`,
    max
  );
}

// src/report/sarif.ts
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var FINGERPRINT_KEY = "lambdaGuard/v1";
var SECURITY_SEVERITY = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0"
};
var SARIF_LEVEL = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note"
};
function rules() {
  return RULE_IDS.map((id) => {
    const r = RULES[id];
    return {
      id: r.id,
      name: r.name,
      shortDescription: { text: r.title },
      fullDescription: { text: r.description },
      help: {
        text: `${r.description}

Fix: ${r.help.replace(/`/g, "")}`,
        markdown: `${r.description}

**Fix:** ${r.help}

[Rule documentation](${r.helpUri})`
      },
      helpUri: r.helpUri,
      defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
      properties: {
        "security-severity": SECURITY_SEVERITY[r.defaultSeverity],
        tags: ["security", "aws", "lambda", r.foundBy.includes("iac") ? "iac" : "runtime"],
        precision: "high"
      }
    };
  });
}
function result(f) {
  const ruleIndex = RULE_IDS.indexOf(f.rule);
  const location = {};
  if (f.location) {
    const region = { startLine: f.location.startLine, endLine: f.location.endLine };
    if (f.location.startColumn !== void 0) region.startColumn = f.location.startColumn;
    if (f.location.endColumn !== void 0) region.endColumn = f.location.endColumn;
    location.physicalLocation = {
      artifactLocation: { uri: encodeURI(f.location.path), uriBaseId: "%SRCROOT%" },
      region
    };
  }
  const logical = f.resource.arn ?? f.resource.iac?.address;
  if (logical) location.logicalLocations = [{ fullyQualifiedName: logical, kind: "resource" }];
  const label = resourceLabel(f);
  const out = {
    ruleId: f.rule,
    ruleIndex,
    level: SARIF_LEVEL[f.severity],
    message: { text: `${f.title} (${label}): ${f.message}` },
    locations: location.physicalLocation || location.logicalLocations ? [location] : [],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties: {
      severity: f.severity,
      resource: label,
      ...f.resource.arn ? { arn: f.resource.arn } : {},
      remediation: f.remediation.summary
    }
  };
  if (f.suppression) {
    const s = f.suppression;
    out.suppressions = [
      {
        kind: s.source === "config" ? "external" : "inSource",
        justification: `${s.reason}${s.expires ? ` (until ${s.expires})` : ""}`
      }
    ];
  }
  return out;
}
function renderSarif(report, opts = {}) {
  const findings = opts.onlyLocated ? report.findings.filter((f) => f.location) : report.findings;
  const problems = coverageProblems(report);
  const semver = /^\d+\.\d+\.\d+/.test(report.tool.version) ? report.tool.version : "0.0.0";
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "lambda-guard",
            version: report.tool.version,
            semanticVersion: semver,
            informationUri: "https://github.com/lambda-guard/lambda-guard",
            rules: rules()
          }
        },
        invocations: [
          {
            executionSuccessful: !isIncomplete(report.coverage),
            ...problems.length > 0 ? {
              toolExecutionNotifications: problems.map((c) => ({
                level: c.status === "failed" ? "error" : "warning",
                message: { text: `${c.scope}: ${c.status}${c.detail ? ` \u2014 ${c.detail}` : ""}` },
                descriptor: { id: "coverage" }
              }))
            } : {}
          }
        ],
        results: findings.map(result),
        properties: { target: report.target, generatedAt: report.generatedAt }
      }
    ]
  };
}

// src/report/text.ts
var ANSI = {
  critical: "\x1B[1;31m",
  high: "\x1B[31m",
  medium: "\x1B[33m",
  low: "\x1B[36m"
};
var RESET = "\x1B[0m";
var DIM = "\x1B[2m";
function clean(s) {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ");
}
function fit(s, width) {
  if (width <= 0) return "";
  return s.length <= width ? s : `${s.slice(0, Math.max(0, width - 1))}\u2026`;
}
function renderText(report, opts = {}) {
  const color = opts.color ?? false;
  const paint = (code2, s) => color ? `${code2}${s}${RESET}` : s;
  const lines = [];
  const active = activeFindings(report);
  const suppressed = report.findings.filter((f) => f.suppression);
  if (active.length > 0) {
    const rows = active.map((f) => ({
      severity: f.severity,
      cells: [
        f.severity.toUpperCase(),
        f.rule,
        clean(resourceLabel(f)),
        clean(whereLabel(f)),
        clean(f.title)
      ]
    }));
    const header = ["SEVERITY", "RULE", "RESOURCE", "WHERE", "TITLE"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i].length)));
    const fixed = widths.slice(0, 4).reduce((a, b) => a + b + 2, 0);
    const titleWidth = opts.width ? Math.max(10, opts.width - fixed) : Number.POSITIVE_INFINITY;
    const line = (cells) => cells.map((c, i) => i < 4 ? c.padEnd(widths[i]) : fit(c, titleWidth)).join("  ");
    lines.push(paint(DIM, line(header).trimEnd()));
    for (const r of rows) {
      const text = line(r.cells).trimEnd();
      const sev = r.cells[0];
      lines.push(color ? `${paint(ANSI[r.severity], sev)}${text.slice(sev.length)}` : text);
    }
  } else {
    lines.push("No findings.");
  }
  const problems = coverageProblems(report);
  if (problems.length > 0) {
    lines.push("", `Coverage problems (${problems.length}):`);
    const w = Math.max(...problems.map((c) => c.scope.length));
    for (const c of problems) {
      const detail = c.detail ? `  ${clean(c.detail)}` : "";
      lines.push(`  ${clean(c.scope).padEnd(w)}  ${c.status.padEnd(7)}${detail}`.trimEnd());
    }
  }
  if (suppressed.length > 0) {
    lines.push("", `Suppressed (${suppressed.length}):`);
    for (const f of suppressed) {
      const s = f.suppression;
      const expires = s.expires ? `, until ${s.expires}` : "";
      lines.push(`  ${f.rule} ${clean(resourceLabel(f))} \u2014 ${clean(s.reason)} (${s.source}${expires})`);
    }
  }
  lines.push("", summaryLine(report));
  return `${lines.join("\n")}
`;
}

// src/report/index.ts
function renderReport(report, format, opts = {}) {
  switch (format) {
    case "asff":
      if (!opts.asffRegion) {
        throw new InputError(
          "ASFF needs the region to import into \u2014 set AWS_REGION (or AWS_DEFAULT_REGION)",
          "--format asff"
        );
      }
      return renderAsffJson(report, { region: opts.asffRegion });
    case "text":
      return renderText(report);
    case "json":
      return renderJson(report);
    case "sarif":
      return `${JSON.stringify(renderSarif(report), null, 2)}
`;
    case "markdown":
      return renderMarkdown(report);
  }
}

export {
  renderJson,
  byteLength,
  renderMarkdown,
  FINGERPRINT_KEY,
  SECURITY_SEVERITY,
  SARIF_LEVEL,
  renderSarif,
  renderText,
  renderReport
};
