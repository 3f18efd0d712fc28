/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { securityHeaders } from './scripts/security-headers.js';

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
    // The lazily loaded bundle view holds the precompiled chart-schema validators (~800 kB raw, ~90 kB gzip).
    chunkSizeWarningLimit: 1000,
  },
  // The same security headers as the README's nginx sample (issue 11); the header size limit is in package.json.
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: securityHeaders(import.meta.dirname) },
  test: {
    // Playwright specs live in e2e/ and must not be picked up (toolchain note 4).
    // Everything here runs in Node: the domain has no DOM, and src/lib tests use Node's Blob.
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
