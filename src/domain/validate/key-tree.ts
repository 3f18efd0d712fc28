import { isMapping, joinPath, type Reporter } from './issues';
import { findKeyElsewhere, nearest, type KeyTree } from './suggest';

export type { KeyTree };
import type { Source } from '../sources';

export interface KeyCheckOptions {
  messageId: 'values.unknownKey' | 'schema.unknownKey';
  /** Names the chart or kind in the message. */
  owner: { chart: string } | { kind: string };
  source?: Source;
  /** Keys another check already reported (e.g. flannel.iface): return true to skip. */
  skip?: (path: string, key: string) => boolean;
}

/** " Did you mean ...?" for an unknown key: a near sibling first, else the same key elsewhere in the tree. */
export function unknownKeyHint(root: KeyTree, siblings: KeyTree, key: string): string {
  const near = siblings === 1 ? null : nearest(key, Object.keys(siblings));
  if (near) return ` Did you mean "${near}"?`;
  const elsewhere = findKeyElsewhere(root, key);
  return elsewhere ? ` Did you mean "${elsewhere}"?` : '';
}

/** Reports every key the tree does not allow. Paths are relative to the reporter. */
export function checkKeys(value: unknown, tree: KeyTree, report: Reporter, opts: KeyCheckOptions): void {
  const walk = (v: unknown, t: KeyTree, path: string): void => {
    if (t === 1) return;
    if (Array.isArray(v)) {
      const items = t['[]'];
      if (items) v.forEach((x, i) => walk(x, items, joinPath(path, i)));
      return;
    }
    if (!isMapping(v) || '[]' in t) return;
    for (const [k, child] of Object.entries(v)) {
      const p = joinPath(path, k);
      if (opts.skip?.(p, k)) continue;
      const sub = t[k];
      if (sub === undefined) {
        report(p, opts.messageId, { key: k, ...opts.owner, hint: unknownKeyHint(tree, t, k) }, opts.source);
        continue;
      }
      walk(child, sub, p);
    }
  };
  walk(value, tree, '');
}
