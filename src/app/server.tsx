/**
 * Build-time rendering (issue 15): the pages a first visit sees, rendered to HTML by the same
 * components the browser runs, so the first paint holds real content and main.tsx hydrates it.
 * scripts/prerender.ts builds this file for Node at `vite build` and writes one HTML file per path.
 *
 * Each page is rendered as a first visit sees it: default answers (and their recommendation), the
 * newest release, no saved answers; components read the address and the storage only after
 * hydration (src/ui/hydration.ts). MUI's styles are collected from an Emotion cache in "compat" mode
 * and returned as <style data-emotion="…"> elements, the format Emotion's browser cache adopts, so the
 * client inserts no style twice. Styles are inline (the policy allows inline styles, not scripts).
 */
import type { Readable } from 'node:stream';
import { prerenderToNodeStream } from 'react-dom/static';
import createCache, { type EmotionCache } from '@emotion/cache';
import { CacheProvider } from '@emotion/react';
import { App } from './App';
import { loadKnownIssues } from '../features/recommendation/known-issues-loader';
import { loadPanel } from '../features/recommendation/panel-loader';
export { PAGES, SHELL_PAGES, type PrerenderedPage } from './pages';

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
/** CSS inside <style>: only "</style" could end the element early. */
const styleText = (css: string) => css.replace(/<\/(style)/gi, '<\\/$1');

/**
 * The styles a page used, as Emotion's own server package writes them (extractCriticalToChunks and
 * constructStyleTagsFromChunks of @emotion/server): global styles one element each, keyed
 * "<key>-global <name>", then every class used in the HTML in one "<key> <ids…>" element.
 */
function styleTags(cache: EmotionCache, html: string): string {
  const used = new Set([...html.matchAll(new RegExp(`${cache.key}-([a-zA-Z0-9-_]+)`, 'g'))].map((m) => m[1]!));
  const tags: string[] = [];
  const ids: string[] = [];
  let css = '';
  for (const [id, rules] of Object.entries(cache.inserted)) {
    if (typeof rules !== 'string') continue;
    const registered = cache.registered[`${cache.key}-${id}`] !== undefined;
    if (registered && !used.has(id)) continue;
    if (registered) {
      ids.push(id);
      css += rules;
    } else {
      tags.push(`<style data-emotion="${escapeAttribute(`${cache.key}-global ${id}`)}">${styleText(rules)}</style>`);
    }
  }
  tags.push(`<style data-emotion="${escapeAttribute(`${cache.key} ${ids.join(' ')}`)}">${styleText(css)}</style>`);
  return tags.join('');
}

async function render(path: string): Promise<{ html: string; cache: EmotionCache }> {
  // Key "css": the key of the cache Emotion creates in the browser, which adopts these elements.
  const cache = createCache({ key: 'css' });
  cache.compat = true;
  const errors: unknown[] = [];
  const { prelude } = await prerenderToNodeStream(
    <CacheProvider value={cache}>
      <App serverPath={path} />
    </CacheProvider>,
    // One chunk: no boundary is streamed out of order (that needs inline scripts).
    { onError: (error) => void errors.push(error), progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  const html = await text(prelude as Readable);
  if (errors.length) throw new Error(`prerendering ${path} failed: ${errors.map(String).join('; ')}`);
  return { html, cache };
}

/**
 * One page's markup (the inside of #root) and the style elements for its <head>. Rendered twice: the
 * first pass waits for the page's lazy modules, so the second suspends nowhere and comes out in
 * document order. (A boundary that suspended is streamed after the shell with an inline script to
 * move it into place, which the Content-Security-Policy refuses.)
 */
export async function renderPage(path: string): Promise<{ html: string; styles: string }> {
  // Loaded by an effect in the browser; here before rendering, so the page shows what the browser will.
  await Promise.all([loadKnownIssues(), loadPanel()]);
  await render(path);
  const { html, cache } = await render(path);
  return { html, styles: styleTags(cache, html) };
}
