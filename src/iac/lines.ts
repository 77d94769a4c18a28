/**
 * 1-based line of a UTF-16 offset. Jumps from newline to newline with indexOf rather than testing every
 * character in JavaScript: the IaC engine asks for many lines, and a per-character loop was hot enough for
 * V8 to optimise it on a six-file project, CPU a short run spends for nothing.
 */
export function lineAt(text: string, offset: number): number {
  const end = Math.min(offset, text.length);
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
