import { defineConfig } from 'vite';

/**
 * `npm run build:cli`: the CLI as one self-contained ES module for Node (dist-cli/rke2-cni-wizard.mjs).
 * Everything it imports (the domain, js-yaml, fflate) is bundled in, so the packed package has no
 * dependencies and runs where only Node is installed; nothing is transpiled at start-up.
 */
export default defineConfig({
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
