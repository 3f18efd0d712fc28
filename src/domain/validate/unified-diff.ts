/**
 * A unified diff ("diff -u" / "git diff" format) of two texts, for the files `upgrade --write` rewrites.
 * Written here rather than taken from a library: the inputs are a few small YAML files, a longest common
 * subsequence over lines is enough, and the work is bounded (MAX_CELLS) whatever the input.
 */

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Above this many LCS cells the changed middle is shown as one removal and one addition. */
const MAX_CELLS = 4_000_000;
const CONTEXT = 3;

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function diffLines(a: string[], b: string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Op[] = a.slice(0, start).map((line) => ({ kind: ' ', line }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > MAX_CELLS) {
    for (const line of midA) ops.push({ kind: '-', line });
    for (const line of midB) ops.push({ kind: '+', line });
  } else {
    // lcs[i][j]: LCS length of midA[i..] and midB[j..], in one flat array.
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i * width + j] =
          midA[i] === midB[j]
            ? lcs[(i + 1) * width + j + 1]! + 1
            : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        ops.push({ kind: ' ', line: midA[i]! });
        i++;
        j++;
      } else if (i < n && (j === m || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
        // Removals before additions, as diff -u prints a changed block.
        ops.push({ kind: '-', line: midA[i]! });
        i++;
      } else {
        ops.push({ kind: '+', line: midB[j]! });
        j++;
      }
    }
  }
  for (const line of a.slice(endA)) ops.push({ kind: ' ', line });
  return ops;
}

/** "--- a/path", "+++ b/path" and "@@" hunks with three lines of context; "" when the texts are equal. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const out: string[] = [`--- a/${path}`, `+++ b/${path}`];
  let k = 0;
  while (k < ops.length) {
    while (k < ops.length && ops[k]!.kind === ' ') k++;
    if (k >= ops.length) break;
    // A hunk: from CONTEXT lines before this change to CONTEXT lines after the last change within reach.
    const hunkStart = Math.max(0, k - CONTEXT);
    let end = k;
    let lastChange = k;
    while (end < ops.length) {
      if (ops[end]!.kind !== ' ') lastChange = end;
      else if (end - lastChange > 2 * CONTEXT) break;
      end++;
    }
    const hunkEnd = Math.min(ops.length, lastChange + CONTEXT + 1);
    let oldLine = 1;
    let newLine = 1;
    for (let x = 0; x < hunkStart; x++) {
      if (ops[x]!.kind !== '+') oldLine++;
      if (ops[x]!.kind !== '-') newLine++;
    }
    const slice = ops.slice(hunkStart, hunkEnd);
    const oldCount = slice.filter((o) => o.kind !== '+').length;
    const newCount = slice.filter((o) => o.kind !== '-').length;
    out.push(
      `@@ -${oldCount ? oldLine : oldLine - 1},${oldCount} +${newCount ? newLine : newLine - 1},${newCount} @@`,
      ...slice.map((o) => `${o.kind}${o.line}`),
    );
    k = hunkEnd;
  }
  return `${out.join('\n')}\n`;
}
