import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The headers `npm start` / `vite preview` send, the same as the README's nginx sample: the page's
 * own Content-Security-Policy (read from index.html's meta tag, so there is one policy) plus
 * frame-ancestors 'none', which only works as a header; nosniff; and no referrer.
 */
export function securityHeaders(root: string): Record<string, string> {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  if (!meta) throw new Error('index.html has no Content-Security-Policy meta tag');
  const policy = meta
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  return {
    'Content-Security-Policy': [...policy, "frame-ancestors 'none'"].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * Node's HTTP server refuses request heads over 16 KiB (431), which a 16,384-character `?a=` link
 * plus the browser's own headers exceeds; the preview server runs with this larger limit
 * (node --max-http-header-size, https://nodejs.org/api/cli.html#--max-http-header-sizesize).
 */
export const MAX_HTTP_HEADER_SIZE = 64 * 1024;
