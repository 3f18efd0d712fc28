import { defineConfig, type Plugin } from 'vite';

/**
 * Writes every character outside ASCII as a \uXXXX escape (in strings, templates and regular expressions,
 * all the minified code holds). Node decodes a source file with one such character as a two-byte
 * string, which V8 scans more slowly: with the file all ASCII, `recommend --json` started 10–20 ms
 * sooner on an idle 2-core machine (issue 15, the bench's CLI figure).
 */
function asciiOnly(): Plugin {
  return {
    name: 'rke2-cli-ascii-only',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk')
          chunk.code = chunk.code.replace(
            /[\u0080-\uffff]/g,
            (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
          );
    },
  };
}

/**
 * `npm run build:cli`: the CLI as one self-contained ES module for Node (dist-cli/rke2-cni-wizard.mjs).
 * Everything it imports (the domain, js-yaml, fflate) is bundled in, so the packed package has no
 * dependencies and runs where only Node is installed; nothing is transpiled at start-up.
 */
export default defineConfig({
  plugins: [asciiOnly()],
  define: { __CLI_PROG__: JSON.stringify('rke2-cni-wizard') },
  // No public/ copy and no .env lookup: this build is only the CLI.
  publicDir: false,
  envDir: false,
  logLevel: 'warn',
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: 'src/cli/bin.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      output: {
        format: 'es',
        entryFileNames: 'rke2-cni-wizard.mjs',
        // One file: the lazy imports (if any) are inlined rather than split into chunks.
        codeSplitting: false,
        banner: '#!/usr/bin/env node',
      },
    },
  },
});
