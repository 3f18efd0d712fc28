import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';

/**
 * Nothing turns a string into code or markup: no eval / new Function anywhere in the source or the
 * built bundle (the CSP refuses them at run time too), and the lint rules that keep it so fire.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const CODE_FROM_STRING =
  /\bnew\s+Function\s*\(|(?<![\w$.])eval\s*\(|\bsetTimeout\s*\(\s*['"`]|\bsetInterval\s*\(\s*['"`]/;

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out;
}

function offenders(files: string[]): string[] {
  return files.filter((f) => CODE_FROM_STRING.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
}

describe('no code from strings', () => {
  it('src/ (tests excepted) has no eval, new Function or string timers', () => {
    const files = filesUnder(join(ROOT, 'src'), (p) => /\.(ts|tsx|js)$/.test(p) && !/\.test\.tsx?$/.test(p));
    expect(files.length).toBeGreaterThan(50);
    expect(offenders(files)).toEqual([]);
  });

  it('public/ scripts have none either', () => {
    expect(offenders(filesUnder(join(ROOT, 'public'), (p) => p.endsWith('.js')))).toEqual([]);
  });

  const dist = join(ROOT, 'dist', 'assets');
  it.skipIf(!existsSync(dist))(
    'the built bundle (dist/, when built) has none, and its index.html no inline script',
    () => {
      const files = filesUnder(dist, (p) => p.endsWith('.js'));
      expect(files.length).toBeGreaterThan(0);
      expect(offenders(files)).toEqual([]);
      const html = readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8');
      expect(html).toContain('http-equiv="Content-Security-Policy"');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        expect(attrs).toMatch(/\bsrc="\//);
        expect(body!.trim()).toBe('');
      }
    },
  );

  it('the pattern is not blind: it finds each form it forbids', () => {
    for (const bad of [
      'eval("1")',
      'x = new Function("a", "return a")',
      'setTimeout("alert(1)", 1)',
      'window.setInterval(`x`, 5)',
    ]) {
      expect(CODE_FROM_STRING.test(bad), bad).toBe(true);
    }
    for (const fine of ['retrieval(x)', 'obj.eval(x)', 'setTimeout(() => 1, 5)', 'const isFunction = 1']) {
      expect(CODE_FROM_STRING.test(fine), fine).toBe(false);
    }
  });
});

describe('ESLint refuses markup and code built from strings', () => {
  const probe = [
    'export function Probe({ el, html }: { el: HTMLElement; html: string }) {',
    '  el.innerHTML = html;',
    "  el['outerHTML'] = html;",
    "  el.insertAdjacentHTML('beforeend', html);",
    '  document.write(html);',
    '  document.createRange().createContextualFragment(html);',
    '  eval(html);',
    "  const f = new Function('return 1');",
    "  setTimeout('alert(1)', 1);",
    '  return <div onClick={f} dangerouslySetInnerHTML={{ __html: html }} />;',
    '}',
  ].join('\n');

  it('flags every line of the probe', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText(probe, { filePath: join(ROOT, 'src', 'features', 'security-probe.tsx') });
    const byLine = new Map<number, string[]>();
    for (const m of result!.messages) byLine.set(m.line, [...(byLine.get(m.line) ?? []), m.ruleId ?? 'parse']);
    expect(byLine.get(2)).toContain('no-restricted-syntax');
    expect(byLine.get(3)).toContain('no-restricted-syntax');
    expect(byLine.get(4)).toContain('no-restricted-syntax');
    expect(byLine.get(5)).toContain('no-restricted-syntax');
    expect(byLine.get(6)).toContain('no-restricted-syntax');
    expect(byLine.get(7)).toContain('no-eval');
    expect(byLine.get(8)).toContain('no-new-func');
    expect(byLine.get(9)).toContain('no-implied-eval');
    expect(byLine.get(10)).toContain('no-restricted-syntax');
  }, 60_000);
});
