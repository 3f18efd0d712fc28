import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { securityHeaders } from '../../../scripts/security-headers';

/** The policy lives in three places: index.html (meta), the README's nginx sample (header) and its Security section. */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

function normalise(policy: string): string[] {
  return policy
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];

describe('Content-Security-Policy', () => {
  it('index.html has one, before any script, without unsafe-eval or inline scripts', () => {
    expect(meta).toBeDefined();
    expect(html.indexOf('Content-Security-Policy" content=')).toBeLessThan(html.indexOf('<script'));
    expect(meta).not.toMatch(/unsafe-eval/);
    const script = normalise(meta!).find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self'");
  });

  it('every header in the README nginx sample is the meta policy plus frame-ancestors', () => {
    const headers = [...readme.matchAll(/add_header Content-Security-Policy "([^"]+)"/g)].map((m) => normalise(m[1]!));
    expect(headers.length).toBeGreaterThan(0);
    for (const header of headers) expect(header).toEqual([...normalise(meta!), "frame-ancestors 'none'"]);
  });

  it('npm start (vite preview) sends the same headers as the README nginx sample', () => {
    const headers = securityHeaders(ROOT);
    expect(normalise(headers['Content-Security-Policy']!)).toEqual([...normalise(meta!), "frame-ancestors 'none'"]);
    expect(readme).toContain(`add_header X-Content-Type-Options ${headers['X-Content-Type-Options']} always;`);
    expect(readme).toContain(`add_header Referrer-Policy ${headers['Referrer-Policy']} always;`);
  });

  it('the README Security section quotes the meta policy', () => {
    const section = readme.slice(readme.indexOf('## Security'));
    const quoted = /```text\n([\s\S]*?)```/.exec(section)?.[1];
    expect(normalise(quoted ?? '')).toEqual(normalise(meta!));
  });
});
