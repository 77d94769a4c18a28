import type { FileChange } from "../iac/types.js";
import { RULES, type Finding } from "../model/index.js";
import { DEFAULT_CHECK_NAME } from "../report/handoff.js";
import { LIMITS } from "./limits.js";
import { renderMarker, type Marker } from "./markers.js";

// Everything below renders text that came from a report or the repository: untrusted. Plain text is
// Markdown-escaped and mentions are defused; values go in code spans; commands are only shown when
// they are plain `aws lambda` invocations without shell metacharacters.

/** Markdown-escaped single-line text, truncated. */
export function text(s: unknown, max = 300): string {
  let v = String(s ?? "")
    .replace(/\s+/g, " ")
    .trim();
  if (v.length > max) v = `${v.slice(0, max - 1)}…`;
  return v
    .replace(/<!--/g, "<!\u200b--")
    .replace(/[\\`*_[\]<>|#~!]/g, (c) => `\\${c}`)
    .replace(/@(?=\w)/g, "@\u200b");
}

/** An inline code span that survives backticks in the value. */
export function code(s: unknown, max = 200): string {
  let v = String(s ?? "").replace(/\s+/g, " ");
  if (v.length > max) v = `${v.slice(0, max - 1)}…`;
  v = v.replace(/<!--/g, "<!\u200b--");
  const longest = Math.max(0, ...[...v.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = v.startsWith("`") || v.endsWith("`") ? " " : "";
  return `${fence}${pad}${v}${pad}${fence}`;
}

const SAFE_COMMAND = /^aws lambda [a-z][a-z-]{2,40}( [A-Za-z0-9:/._=,@*+"'\- ]{1,400})?$/;

/** `aws lambda …` commands quoted inside an engine note ("…until you run: aws lambda remove-permission …"). */
export function commandsIn(note: string): string[] {
  return [...note.matchAll(/aws lambda [a-z][a-z-]+(?: --[a-z][a-z-]*(?: [^\s()—,;]+)?)+/g)].map((m) =>
    m[0].replace(/[.]$/, ""),
  );
}

/** Commands from a report, kept only when they are plain `aws lambda …` invocations. */
export function safeCommands(commands: readonly unknown[] | undefined): { shown: string[]; omitted: number } {
  const shown: string[] = [];
  let omitted = 0;
  for (const c of commands ?? []) {
    if (typeof c === "string" && SAFE_COMMAND.test(c) && !/[;&|`$<>\\(){}]/.test(c)) shown.push(c);
    else omitted++;
  }
  return { shown, omitted };
}

const SEVERITY_ICON: Record<string, string> = { critical: "🔴", high: "🟠", medium: "🟡", low: "⚪" };

function resourceName(f: Finding): string {
  return f.resource.iac?.address ?? f.resource.arn ?? f.resource.functionName ?? f.resource.kind;
}

function where(f: Finding): string {
  return f.location ? code(`${f.location.path}:${f.location.startLine}`) : "—";
}

function evidence(f: Finding): string {
  const entries = Object.entries(f.evidence ?? {}).slice(0, 6);
  if (entries.length === 0) return "";
  return entries
    .map(([k, v]) => `${code(k, 60)}: ${code(typeof v === "string" ? v : JSON.stringify(v), 200)}`)
    .join(", ");
}

function findingRow(f: Finding): string {
  return `| ${SEVERITY_ICON[f.severity] ?? ""} ${f.severity} | ${f.rule} ${text(RULES[f.rule].title, 80)} | ${code(resourceName(f), 120)} | ${where(f)} |`;
}

function fence(s: string): string {
  const longest = Math.max(2, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(longest + 1);
}

function commandBlock(commands: string[]): string {
  if (commands.length === 0) return "";
  const body = commands.join("\n");
  const f = fence(body);
  return `${f}sh\n${body}\n${f}`;
}

function clip(body: string): string {
  if (body.length <= LIMITS.bodyChars) return body;
  return `${body.slice(0, LIMITS.bodyChars - 80)}\n\n…(shortened: GitHub limits the size of a body)\n`;
}

export interface Source {
  check: string;
  headSha: string;
  checkRunUrl?: string | undefined;
}

function sourceLine(s: Source): string {
  const run =
    s.checkRunUrl && /^https:\/\/[^\s)]+$/.test(s.checkRunUrl) ? ` ([check run](${s.checkRunUrl}))` : "";
  return `Reported by the ${code(s.check, 80)} check on ${code(s.headSha.slice(0, 12))}${run}.`;
}

export interface PrBodyInput extends Source {
  marker: Marker;
  defaultBranch: string;
  fixed: { finding: Finding; notes: string[] }[];
  unfixed: { finding: Finding; reason: string }[];
  /** Findings a closed, unmerged pull request dismissed: left out of this change. */
  dismissed?: { finding: Finding; pr: number }[] | undefined;
  changes: Pick<FileChange, "path">[];
  skipped: string[];
  issueNumber?: number | undefined;
}

/** The check name in a title, unless it is one of the defaults (nothing to tell apart). */
function checkSuffix(check: string): string {
  const c = check.toLowerCase();
  return c === "lambda-guard" || c === DEFAULT_CHECK_NAME.toLowerCase() ? "" : ` (${check.slice(0, 60)})`;
}

export function prTitle(check: string, fixed: number): string {
  return `lambda-guard: fix ${fixed} Lambda exposure finding${fixed === 1 ? "" : "s"}${checkSuffix(check)}`;
}

export function renderPrBody(i: PrBodyInput): string {
  const out: string[] = [renderMarker("pr", i.marker), ""];
  const fixed = i.fixed.slice(0, LIMITS.findingsPerBody);
  out.push(`## What lambda-guard found`, "", sourceLine(i), "");
  out.push(`| Severity | Rule | Resource | Location |`, `| --- | --- | --- | --- |`);
  for (const { finding } of fixed) out.push(findingRow(finding));
  if (i.fixed.length > fixed.length) out.push("", `…and ${i.fixed.length - fixed.length} more.`);
  out.push("", `## What this change does`, "");
  for (const { finding, notes } of fixed) {
    out.push(`<details><summary>${finding.rule} · ${text(resourceName(finding), 120)}</summary>`, "");
    out.push(`${text(finding.title, 200)}. ${text(finding.message, 600)}`, "");
    const ev = evidence(finding);
    if (ev) out.push(`**Evidence:** ${ev}`, "");
    out.push(`**Fix:** ${text(finding.remediation.summary || RULES[finding.rule].help, 600)}`, "");
    for (const n of notes.slice(0, 5)) out.push(`- ${text(n, 400)}`);
    out.push("", `</details>`, "");
  }
  out.push(`Files changed: ${i.changes.map((c) => code(c.path, 200)).join(", ")}`, "");

  out.push(`## What you still need to do`, "");
  out.push(
    `- [ ] Review the diff, merge it and deploy: the change takes effect only when the IaC is applied.`,
  );
  const commands: string[] = [];
  let omitted = 0;
  for (const { finding, notes } of fixed) {
    const s = safeCommands([...(finding.remediation.commands ?? []), ...notes.flatMap(commandsIn)]);
    commands.push(...s.shown);
    omitted += s.omitted;
  }
  const uniqueCommands = [...new Set(commands)].slice(0, 30);
  if (uniqueCommands.length) {
    out.push(
      `- [ ] Statements added outside this code (by the console, the CLI or a provider) are not removed by the diff. Check them and remove them where they exist:`,
      "",
      commandBlock(uniqueCommands),
    );
  }
  if (omitted)
    out.push(`- [ ] ${omitted} remediation command(s) in the report were not shown here: see the check run.`);
  out.push(
    `- lambda-guard closes this pull request and deletes its branch when a complete scan no longer reports these findings.`,
  );
  if (i.unfixed.length) {
    out.push("", `## Not fixed by this pull request`, "");
    for (const { finding, reason } of i.unfixed.slice(0, LIMITS.findingsPerBody)) {
      out.push(
        `- ${finding.rule} ${code(resourceName(finding), 120)} (${finding.severity}): ${text(reason, 300)}`,
      );
    }
    if (i.issueNumber) out.push("", `These are tracked in #${i.issueNumber}.`);
  }
  const dismissed = i.dismissed ?? [];
  if (dismissed.length) {
    out.push("", `## Dismissed earlier (not changed here)`, "");
    out.push(
      `A lambda-guard pull request for these was closed without merging, so this one leaves them alone.`,
      "",
    );
    for (const { finding, pr } of dismissed.slice(0, LIMITS.findingsPerBody)) {
      out.push(
        `- ${finding.rule} ${code(resourceName(finding), 120)} (${finding.severity}): dismissed in #${Math.trunc(pr)}`,
      );
    }
    if (dismissed.length > LIMITS.findingsPerBody)
      out.push(`- …and ${dismissed.length - LIMITS.findingsPerBody} more.`);
  }
  if (i.skipped.length) {
    out.push("", `<details><summary>Files not read (${i.skipped.length})</summary>`, "");
    for (const s of i.skipped.slice(0, 50)) out.push(`- ${text(s, 200)}`);
    out.push("", `</details>`);
  }
  out.push(
    "",
    `<sub>Opened by lambda-guard. Closing it unmerged dismisses these findings: it will not be reopened for them.</sub>`,
  );
  return clip(out.join("\n"));
}

export type IssueCategory = "expired" | "principal" | "unlocated" | "engine" | "code";

export interface IssueItem {
  finding: Finding;
  category: IssueCategory;
  reason: string;
}

export interface IssueBodyInput extends Source {
  marker: Marker;
  items: IssueItem[];
  prNumber?: number | undefined;
}

export function issueTitle(check: string): string {
  return `lambda-guard: findings that need action outside the code${checkSuffix(check)}`;
}

const SECTIONS: Record<IssueCategory, { title: string; intro: string }> = {
  expired: {
    title: "Intended exposure past its expiry date",
    intro:
      "These were allowed in `.github/lambda-guard.yml` until a date that has passed. Renew `expires` with a reason, or remove the exposure.",
  },
  principal: {
    title: "Principals defined outside this repository",
    intro:
      "These callers use `GetFunction` but are not allowed `lambda:ListTags`, and their policies are not in this repository's IaC. Grant `lambda:ListTags` where the principal is managed.",
  },
  unlocated: {
    title: "Findings with no location in this repository's IaC",
    intro:
      "lambda-guard could not find the code that creates these resources; fix them where they are managed.",
  },
  engine: {
    title: "Findings the fix engine could not patch",
    intro:
      "The fix engine failed on this repository's code, so no pull request proposes these fixes. lambda-guard tries again on the next scan; run `lambda-guard fix` locally to see the error, or fix them by hand.",
  },
  code: {
    title: "Findings to fix in code",
    intro:
      "Pull requests are turned off in `.github/lambda-guard.yml` (`pullRequests.enabled: false`). Run `lambda-guard fix` locally for a patch.",
  },
};

export function renderIssueBody(i: IssueBodyInput): string {
  const out: string[] = [renderMarker("issue", i.marker), "", sourceLine(i), ""];
  for (const cat of ["expired", "principal", "unlocated", "engine", "code"] as const) {
    const items = i.items.filter((x) => x.category === cat);
    if (items.length === 0) continue;
    out.push(`## ${SECTIONS[cat].title}`, "", SECTIONS[cat].intro, "");
    // Organization reports: one sub-list per AWS account (findings carry resource.accountId).
    const account = (x: { finding: Finding }) => x.finding.resource.accountId ?? "";
    items.sort((a, b) => account(a).localeCompare(account(b)));
    let shownAccount = "";
    for (const { finding, reason } of items.slice(0, LIMITS.findingsPerBody)) {
      const acct = finding.resource.accountId ?? "";
      if (acct && acct !== shownAccount) out.push(`### AWS account ${code(acct, 20)}`, "");
      shownAccount = acct;
      out.push(
        `- [ ] ${SEVERITY_ICON[finding.severity] ?? ""} **${finding.rule}** ${text(RULES[finding.rule].title, 80)}: ${code(resourceName(finding), 160)}`,
      );
      out.push(`  ${text(reason, 400)}`);
      const ev = evidence(finding);
      if (ev) out.push(`  Evidence: ${ev}`);
      const { shown } = safeCommands(finding.remediation.commands);
      if (shown.length) out.push("", commandBlock(shown).replace(/^/gm, "  "), "");
    }
    if (items.length > LIMITS.findingsPerBody)
      out.push(`- …and ${items.length - LIMITS.findingsPerBody} more.`);
    out.push("");
  }
  if (i.prNumber) out.push(`Findings that can be fixed in code are in #${i.prNumber}.`, "");
  out.push(
    `<sub>Maintained by lambda-guard: updated in place, closed when a complete scan no longer reports these findings. Closing it yourself dismisses these findings.</sub>`,
  );
  return clip(out.join("\n"));
}
