/**
 * Every threshold and gate once: the release gates, chart-era versions and kernel thresholds of
 * src/domain/facts may not be typed again anywhere else in src (code, prose or scripts). Outputs get
 * them by interpolation. Comments are not scanned: they cite sources, which may name versions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GATES } from '../domain/facts/gates';
import { CHART_ERAS } from '../domain/facts/chart-eras';
import { CILIUM_KERNEL_REQUIREMENTS, KERNEL_THRESHOLDS } from '../domain/facts/kernel-needs';

const SRC = resolve(__dirname, '..');
// test/ holds fixtures (scenarios pin releases on purpose); facts/ is where the literals belong.
const SKIP_DIRS = new Set(['facts', 'generated', '__golden__', '__snapshots__', 'test']);
/** Same digits, another fact: the RHEL 8.10 preset ships kernel 4.18, which is also the backport threshold. */
const ALLOWED = new Set(['domain/kernel.ts: kernel threshold rhel8BackportKernel 4.18']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIP_DIRS.has(name) ? [] : files(path);
    return /\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Code and string contents without comments (a rough strip: // to end of line outside strings, and block comments). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Literals that are facts: each with the pattern that finds it typed again. */
const FACT_LITERALS: { what: string; pattern: RegExp }[] = [
  ...Object.values(GATES).flatMap((gate) =>
    gate.minimums
      .filter((m) => m.split('.').length === 3 && !m.endsWith('.0'))
      .map((m) => ({
        what: `gate ${gate.id} ${m}`,
        pattern: new RegExp(`(^|[^\\d.])v?${escape(m)}(?![\\d]|\\+rke2|%2B)`),
      })),
  ),
  ...Object.entries(CHART_ERAS).map(([id, era]) => ({
    what: `chart era ${id} ${era.from}`,
    pattern: new RegExp(`['"\`]v?${escape(era.from)}['"\`]`),
  })),
  ...CILIUM_KERNEL_REQUIREMENTS.map((r) => ({
    what: `Cilium kernel ${r.minKernel}`,
    pattern: new RegExp(`['"\`]${escape(r.minKernel)}['"\`]`),
  })),
  ...Object.entries(KERNEL_THRESHOLDS).map(([id, t]) => ({
    what: `kernel threshold ${id} ${t.kernel}`,
    // As a quoted value, or in prose about kernels ("kernel 5.6", "below 5.8", "above 5.7", ">= 5.3").
    pattern: new RegExp(
      `['"\`]${escape(t.kernel)}['"\`]|(kernel|Linux|below|above|before|>=|≥|needs)\\s+${escape(t.kernel)}(?![\\d])`,
      'i',
    ),
  })),
];

describe('facts are typed once', () => {
  const scanned = files(SRC);

  it('scans the source tree and knows the facts', () => {
    expect(scanned.length).toBeGreaterThan(100);
    expect(FACT_LITERALS.length).toBeGreaterThan(30);
  });

  it('no gate, chart era or kernel threshold is typed again outside src/domain/facts', () => {
    const repeats: string[] = [];
    for (const file of scanned) {
      const text = withoutComments(readFileSync(file, 'utf8'));
      for (const { what, pattern } of FACT_LITERALS) {
        const where = `${relative(SRC, file).split('\\').join('/')}: ${what}`;
        if (pattern.test(text) && !ALLOWED.has(where)) repeats.push(where);
      }
    }
    expect(repeats).toEqual([]);
  });

  it('the audit bites: a copied threshold is found', () => {
    const copied = "if (!kernelAtLeast(k, '5.8')) warn('Cilium KPR needs kernel 5.8');";
    expect(FACT_LITERALS.filter((f) => f.pattern.test(copied)).map((f) => f.what)).toContain(
      'kernel threshold ciliumKubeProxyReplacement 5.8',
    );
  });
});
