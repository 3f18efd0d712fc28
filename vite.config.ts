/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { securityHeaders } from './scripts/security-headers.js';
import { prerender } from './scripts/prerender.js';

/**
 * Suites that `npm run test:fast` (`vitest run --mode fast`, the edit loop) leaves out: fuzz and
 * property-based runs, and the suites that spawn processes (bash, unzip, npm). `npm test` runs them all.
 */
export const SLOW_SUITES = [
  'src/**/*.fuzz.test.ts',
  'src/**/fuzz.test.ts',
  'src/**/*.property.test.ts',
  'src/**/property.test.ts',
  'src/test/decision-space.test.ts',
  'src/domain/generators/shell.test.ts',
  'src/lib/zip.test.ts',
  'src/cli/package.test.ts',
];

export default defineConfig(({ mode }) => ({
  // prerender(): the wizard's first screen, /compare and the CNI pages as HTML in dist/ (issue 15).
  plugins: [react(), prerender()],
  build: {
    target: 'es2022',
    sourcemap: false,
    // Browsers without <link rel="modulepreload"> (Firefox before 115) ignore the preload hints and
    // fetch the chunks when imported: slower, never broken. The polyfill cost every visit ~0.6 kB gzip.
    modulePreload: { polyfill: false },
    // The lazily loaded bundle view holds the precompiled chart-schema validators (~800 kB raw, ~90 kB gzip).
    chunkSizeWarningLimit: 1000,
  },
  // The same security headers as the README's nginx sample (issue 11); the header size limit is in package.json.
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: securityHeaders(import.meta.dirname) },
  test: {
    // Playwright specs live in e2e/ and must not be picked up (toolchain note 4).
    // Everything here runs in Node: the domain has no DOM, and src/lib tests use Node's Blob.
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(mode === 'fast' ? SLOW_SUITES : [])],
    // The edit loop shares modules between test files in a worker (half the CPU: the domain, the
    // release table and the validators are imported once per worker, not once per file). npm test
    // keeps every file isolated.
    isolate: mode !== 'fast',
    environment: 'node',
    // Hang guards, not budgets: vitest's 5 s default failed the subprocess tests (src/cli/package.test.ts)
    // on a 2-core machine with two busy loops and other suites running. Nothing here times the code.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
}));
