/** A tree of known keys: 1 marks a leaf (any value), a mapping lists the keys below. */
export type KeyTree = 1 | { readonly [key: string]: KeyTree };

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

const MAX_SUGGESTIBLE_LENGTH = 64;

/** The closest candidate, if close enough to be a likely typo (case differences count as close). */
export function nearest(word: string, candidates: Iterable<string>): string | null {
  // No real key is this long: a hostile 200 KB key must not cost a quadratic edit distance per candidate.
  if (word.length > MAX_SUGGESTIBLE_LENGTH) return null;
  let best: string | null = null;
  let bestScore = Infinity;
  const lower = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  for (const c of candidates) {
    if (c === '[]') continue;
    // The length difference is a lower bound of the edit distance: skip candidates that cannot be close.
    if (Math.abs(c.length - word.length) > limit) continue;
    const score = c.toLowerCase() === lower ? 0.5 : levenshtein(lower, c.toLowerCase());
    if (score < bestScore || (score === bestScore && best !== null && c < best)) {
      best = c;
      bestScore = score;
    }
  }
  return best !== null && bestScore <= limit ? best : null;
}

/** Where else in the tree a key of this exact name lives (shortest path first), e.g. "iface" -> "flannel.iface". */
export function findKeyElsewhere(tree: KeyTree, key: string, maxDepth = 4): string | null {
  let level: { node: KeyTree; path: string }[] = [{ node: tree, path: '' }];
  for (let depth = 0; depth < maxDepth && level.length; depth++) {
    const next: { node: KeyTree; path: string }[] = [];
    for (const { node, path } of level) {
      if (node === 1) continue;
      for (const [k, child] of Object.entries(node)) {
        const p = k === '[]' ? `${path}[]` : path ? `${path}.${k}` : k;
        if (k === key) return p;
        next.push({ node: child, path: p });
      }
    }
    level = next;
  }
  return null;
}
