import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin, type Rollup } from 'vite';
import react from '@vitejs/plugin-react';
import type { PrerenderedPage } from '../src/app/pages';
import { AFTER_PAINT_PRELOADS } from '../src/app/after-paint.js';

/**
 * Issue 15: after `vite build` writes the client, build src/app/server.tsx for Node, render every page
 * it lists (the wizard's first screen, /compare, each /cni/<id>) and write it into dist/ from the
 * built index.html: the page's markup inside #root (marked with its route, which main.tsx checks before
 * it hydrates), its styles in <head>, and module preloads for the chunks the page loads lazily.
 * Nothing is copied by hand: the HTML is whatever the components render.
 */
export const SERVER_ENTRY = 'src/app/server.tsx';

interface ServerModule {
  PAGES: readonly PrerenderedPage[];
  SHELL_PAGES: readonly PrerenderedPage[];
  renderPage(path: string): Promise<{ html: string; styles: string }>;
}

/** The chunk files a page needs for its lazily loaded modules: each module's chunk and its static imports. */
function preloads(bundle: Rollup.OutputBundle, root: string, modules: readonly string[]): string[] {
  const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
  const byModule = new Map(chunks.flatMap((c) => (c.facadeModuleId ? [[resolve(c.facadeModuleId), c]] : [])));
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const out = new Set<string>();
  const add = (chunk: Rollup.OutputChunk) => {
    if (out.has(chunk.fileName)) return;
    out.add(chunk.fileName);
    for (const f of chunk.imports) add(byFile.get(f)!);
  };
  for (const m of modules) {
    const chunk = byModule.get(resolve(root, m));
    if (!chunk) throw new Error(`prerender: no chunk of its own for ${m} (is it still imported lazily?)`);
    add(chunk);
  }
  return [...out];
}

const ROOT = '<div id="root"></div>';

export function prerender(): Plugin {
  let root = '';
  let outDir = '';
  let bundle: Rollup.OutputBundle | null = null;
  return {
    name: 'rke2-prerender',
    apply: (config) => !config.build?.ssr && config.mode !== 'single',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, output) {
      bundle = output;
    },
    async closeBundle() {
      if (!bundle) return;
      const started = Date.now();
      const serverDir = mkdtempSync(join(tmpdir(), 'rke2-prerender-'));
      try {
        await build({
          configFile: false,
          root,
          mode: 'production',
          logLevel: 'warn',
          plugins: [react()],
          // Every dependency bundled: one file Node can import from a temporary folder.
          ssr: { noExternal: true, target: 'node' },
          build: {
            ssr: SERVER_ENTRY,
            outDir: serverDir,
            emptyOutDir: true,
            minify: false,
            target: 'node20',
            rollupOptions: { output: { entryFileNames: 'server.mjs', format: 'es' } },
          },
        });
        const server = (await import(pathToFileURL(join(serverDir, 'server.mjs')).href)) as ServerModule;
        const template = readFileSync(join(outDir, 'index.html'), 'utf8');
        if (!template.includes(ROOT) || !template.includes('</head>'))
          throw new Error(`prerender: dist/index.html has no ${ROOT} or no </head>`);
        const named = new Set([...template.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]!));
        const links = (page: PrerenderedPage) =>
          preloads(bundle!, root, page.modules)
            .filter(() => page.preload)
            .filter((f) => !named.has(f))
            .map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`)
            .join('');
        // A page whose HTML already holds its content names its chunks in an inert <template> that
        // main.tsx moves into <head> once the first frame is painted: fetched and compiled at once,
        // the ~200 kB of React and MUI held that paint back by ~150 ms (bench, LCP of /).
        const afterPaint = (page: PrerenderedPage) => {
          const html = links(page);
          return html ? `<template id="${AFTER_PAINT_PRELOADS}">${html}</template>` : '';
        };
        const write = (page: PrerenderedPage, text: string) => {
          const file = join(outDir, page.file);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, text);
        };
        // The shells first: index.html is the template, and the wizard's page replaces it below.
        for (const page of server.SHELL_PAGES)
          write(
            page,
            template.replace('</head>', () => `${links(page)}</head>`),
          );
        for (const page of server.PAGES) {
          const { html, styles } = await server.renderPage(page.path);
          if (/<script\b/i.test(html))
            throw new Error(`prerender: ${page.path} rendered a <script> (the policy forbids inline scripts)`);
          const text = template
            .replace('</head>', () => `${afterPaint(page)}${styles}</head>`)
            .replace(ROOT, () => `<div id="root" data-route="${page.route}">${html}</div>`);
          write(page, text);
        }
        this.info?.(
          `prerendered ${server.PAGES.length} pages into ${relative(root, outDir)}/ in ${Date.now() - started} ms`,
        );
      } finally {
        rmSync(serverDir, { recursive: true, force: true });
      }
    },
  };
}
