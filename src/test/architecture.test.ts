/**
 * The layers of src/domain, and the rules between src's folders, checked on the import graph:
 * facts at the bottom, each floor importing only its own floor or lower; no import cycles anywhere in src;
 * features never import each other. (ESLint's no-restricted-imports zones give the same message while editing.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__golden__' || name === '__snapshots__' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Edge {
  to: string;
  typeOnly: boolean;
}

const IMPORT = /(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveModule(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return base.endsWith('.js') ? base : null;
}

const files = sourceFiles(SRC);
const graph = new Map<string, Edge[]>(
  files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const edges: Edge[] = [];
    for (const m of text.matchAll(IMPORT)) {
      const to = resolveModule(file, m[3] ?? m[4]!);
      if (to) edges.push({ to, typeOnly: m[2] !== undefined });
    }
    return [file, edges];
  }),
);
const rel = (file: string) => relative(SRC, file).split('\\').join('/');

/** Floors of src/domain, lowest first: a module may import its own floor or lower. */
function floorOf(path: string): number | null {
  const p = rel(path);
  if (!p.startsWith('domain/')) return null;
  const d = p.slice('domain/'.length);
  if (d === 'sources.ts' || d.startsWith('facts/') || d === 'rke2/version.ts' || d === 'answers/types.ts') return 0;
  if (/^(rke2|net|cni|evidence|airgap)\//.test(d) || d === 'kernel.ts' || d === 'k8s-names.ts') return 1;
  // Node discovery reads answers text and sets answers; the bundle's discover.sh prints its format.
  if (d.startsWith('answers/') || d.startsWith('discover/')) return 2;
  if (d.startsWith('engine/')) return 3;
  if (/^(generators|validate|matrix|known-issues)\//.test(d)) return 4;
  return 5; // domain index or anything new: the top
}

describe('architecture', () => {
  it('reads the source tree', () => {
    expect(files.some((f) => rel(f) === 'domain/facts/gates.ts')).toBe(true);
    expect(graph.get(join(SRC, 'domain/engine/plan.ts'))!.length).toBeGreaterThan(3);
  });

  it('src/domain imports point down: facts <- rke2, net, cni <- answers <- engine <- generators, validate, matrix', () => {
    const violations: string[] = [];
    for (const [file, edges] of graph) {
      const from = floorOf(file);
      if (from === null) continue;
      for (const { to } of edges) {
        const target = floorOf(to);
        if (target !== null && target > from)
          violations.push(`${rel(file)} (floor ${from}) -> ${rel(to)} (floor ${target})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('facts import nothing but facts, sources and the version parser', () => {
    const violations = [...graph]
      .filter(([file]) => rel(file).startsWith('domain/facts/'))
      .flatMap(([file, edges]) =>
        edges
          .filter(({ to }) => !/^domain\/(facts\/|sources\.ts$|rke2\/version\.ts$)/.test(rel(to)))
          .map(({ to }) => `${rel(file)} -> ${rel(to)}`),
      );
    expect(violations).toEqual([]);
  });

  it('no import cycles in src (type-only imports included)', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'visiting');
      stack.push(file);
      for (const { to } of graph.get(file) ?? []) {
        if (!graph.has(to)) continue;
        if (state.get(to) === 'visiting') cycles.push([...stack.slice(stack.indexOf(to)), to].map(rel).join(' -> '));
        else if (!state.has(to)) visit(to);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('features do not import each other', () => {
    const feature = (p: string) => /^features\/([^/]+)\//.exec(rel(p))?.[1];
    const violations = [...graph].flatMap(([file, edges]) => {
      const own = feature(file);
      if (!own) return [];
      return edges.filter(({ to }) => feature(to) && feature(to) !== own).map(({ to }) => `${rel(file)} -> ${rel(to)}`);
    });
    expect(violations).toEqual([]);
  });
});
