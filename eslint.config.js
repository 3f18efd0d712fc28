import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The one architectural rule (../shared/design/architecture.md): src/domain is plain TypeScript.
const UI_LIBRARIES = ['react', 'react-dom', 'react-dom/*', '@mui/*', '@emotion/*', 'react-hook-form', 'fflate'];
const BROWSER_GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage', 'Blob', 'navigator', 'location', 'fetch', 'URL.createObjectURL'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'e2e-artifacts', 'src/domain/validate/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      'react/no-danger': 'off',
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: UI_LIBRARIES, message: 'src/domain is plain TypeScript: no UI libraries (architecture.md).' },
          { group: ['**/lib/**', '**/ui/**', '**/features/**', '**/app/**', '**/cli/**'], message: 'src/domain imports no other src layer.' },
          { group: ['node:*', 'fs', 'path'], message: 'src/domain runs in the browser too: no Node built-ins.' },
        ],
      }],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS.filter((g) => !g.includes('.')).map((name) => ({ name, message: 'src/domain touches no browser global.' }))],
    },
  },
);
