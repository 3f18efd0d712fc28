import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin, type Rollup } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * `npm run build:single`: the whole app in one HTML file, dist-single/rke2-cni-wizard.html, for an
 * air-gapped site: it opens from disk (file://) and fetches nothing. Every script is inline, and the
 * Content-Security-Policy allows exactly those scripts by their SHA-256 hash: no 'unsafe-inline'
 * script, no 'unsafe-eval', no network (connect-src 'none'). Routes live in the hash (src/lib/location.ts,
 * mode "single"), because a file URL's path cannot change.
 */
export const SINGLE_FILE_NAME = 'rke2-cni-wizard.html';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Text that is safe inside <script>…</script>: "</script" and "<!--" would end or alter the element. */
const scriptText = (code: string) => code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

function policy(scriptHashes: string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.join(' ')}`,
    // MUI/Emotion insert <style> elements at run time; styles cannot run code.
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * A file:// page can start no module worker (and the policy allows no worker source), so the one file
 * reads imports in place: the same bounded reader, on the main thread. Fails the build if the code moved.
 */
function importInPlace(): Plugin {
  return {
    name: 'rke2-single-import-in-place',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/features/wizard/import-answers.ts')) return null;
      const out = code
        .replace("typeof Worker === 'undefined'", 'true')
        .replace(
          "new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' })",
          '(null as unknown as Worker)',
        );
      if (out.includes('import-worker.ts') || !out.startsWith(code.slice(0, 10)))
        this.error('single-file: import-answers.ts no longer matches the in-place rewrite');
      return out;
    },
  };
}

function singleFile(): Plugin {
  return {
    name: 'rke2-single-file',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['index.html'] as Rollup.OutputAsset | undefined;
      if (!html) return this.error('single-file: no index.html in the bundle');
      let text = String(html.source);
      const hashes: string[] = [];
      const inline = (code: string, module: boolean) => {
        const body = scriptText(code);
        hashes.push(sha256(body));
        return `<script${module ? ' type="module"' : ''}>${body}</script>`;
      };
      text = text.replace(/<link rel="modulepreload"[^>]*>\s*/g, '');
      text = text.replace(
        /<script type="module" crossorigin src="(?:\.?\/)?([^"]+)"><\/script>/g,
        (_tag, file: string) => {
          const chunk = bundle[file] as Rollup.OutputChunk | undefined;
          if (!chunk || chunk.type !== 'chunk') this.error(`single-file: ${file} is not a chunk of this build`);
          delete bundle[file];
          // With code splitting off, Vite leaves its preload-list marker in each inlined dynamic
          // import; there is nothing to preload (the imported code is in this same script).
          return inline(chunk!.code.replaceAll('__VITE_PRELOAD__', 'void 0'), true);
        },
      );
      text = text.replace(/<script src="[^"]*color-scheme\.js"><\/script>/, () =>
        inline(readFileSync('public/color-scheme.js', 'utf8'), false),
      );
      const favicon = readFileSync('public/favicon.svg').toString('base64');
      text = text.replace(/href="[^"]*favicon\.svg"/, `href="data:image/svg+xml;base64,${favicon}"`);
      text = text.replace(
        /<!--\s*Content-Security-Policy[\s\S]*?-->/,
        '<!-- Content-Security-Policy: every script is inline and allowed by its SHA-256 hash (npm run build:single). -->',
      );
      const csp = /<meta http-equiv="Content-Security-Policy" content="[^"]*" \/>/;
      if (!csp.test(text)) this.error('single-file: index.html has no Content-Security-Policy meta tag');
      text = text.replace(csp, () => `<meta http-equiv="Content-Security-Policy" content="${policy(hashes)}" />`);

      const left = Object.keys(bundle).filter((f) => f !== 'index.html');
      if (left.length) this.error(`single-file: files left outside the HTML: ${left.join(', ')}`);
      if (/<script[^>]+src=|<link[^>]+href="(?!data:)/.test(text))
        this.error('single-file: a script or link still points at a file');
      delete bundle['index.html'];
      this.emitFile({ type: 'asset', fileName: SINGLE_FILE_NAME, source: text });
    },
  };
}

export default defineConfig({
  // src/lib/location.ts keeps routes in the hash in this mode.
  mode: 'single',
  base: './',
  // favicon.svg and color-scheme.js are inlined by the plugin; nothing else is copied.
  publicDir: false,
  plugins: [importInPlace(), react(), singleFile()],
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: 'dist-single',
    emptyOutDir: true,
    assetsInlineLimit: () => true,
    reportCompressedSize: false,
    // One JavaScript chunk: every lazy import (bundle view, comparison pages, import) is inlined.
    rollupOptions: { output: { codeSplitting: false } },
    chunkSizeWarningLimit: 4000,
  },
});
