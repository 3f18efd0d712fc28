import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The one architectural rule (../shared/design/architecture.md): src/domain is plain TypeScript.
const UI_LIBRARIES = ['react', 'react-dom', 'react-dom/*', '@mui/*', '@emotion/*', 'react-hook-form', 'fflate'];
// Nothing bypasses React's escaping: markup is never built from strings (issue 6, "Locked down").
const NO_RAW_HTML = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'No dangerouslySetInnerHTML: render text and elements so React escapes them.',
  },
  {
    selector: "Property[key.name='dangerouslySetInnerHTML']",
    message: 'No dangerouslySetInnerHTML (not in createElement props either).',
  },
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'No innerHTML/outerHTML assignment: build DOM nodes or render with React.',
  },
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.value=/^(innerHTML|outerHTML)$/]',
    message: 'No innerHTML/outerHTML assignment: build DOM nodes or render with React.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'No insertAdjacentHTML: build DOM nodes or render with React.',
  },
  {
    selector: "CallExpression[callee.property.name='createContextualFragment']",
    message: 'No createContextualFragment: it parses markup from a string.',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
    message: 'No document.write: it parses markup from a string.',
  },
];
const BROWSER_GLOBALS = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'Blob',
  'navigator',
  'location',
  'fetch',
  'URL.createObjectURL',
];

// Floors of src/domain (arrows point down; src/test/architecture.test.ts checks the whole graph and cycles).
const UPPER_DOMAIN = {
  facts: [
    '**/engine/**',
    '**/generators/**',
    '**/validate/**',
    '**/matrix/**',
    '**/known-issues/**',
    '**/answers/**',
    '**/cni/**',
    '**/net/**',
    '**/airgap/**',
  ],
  low: ['**/engine/**', '**/generators/**', '**/validate/**', '**/matrix/**', '**/known-issues/**'],
  answers: ['**/engine/**', '**/generators/**', '**/validate/**', '**/matrix/**', '**/known-issues/**'],
  engine: ['**/generators/**', '**/validate/**', '**/matrix/**', '**/known-issues/**'],
};
const layerZone = (files, group) => ({
  files,
  ignores: ['src/domain/**/*.test.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group,
            message:
              'src/domain layers point down: facts <- rke2/net/cni <- answers <- engine <- generators/validate/matrix.',
          },
        ],
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-cli',
      'dist-single',
      'node_modules',
      'test-results',
      'playwright-report',
      'e2e-artifacts',
      'src/domain/validate/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      // eval and its relatives are also refused at run time by the CSP (script-src without 'unsafe-eval').
      'no-restricted-syntax': ['error', ...NO_RAW_HTML],
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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: UI_LIBRARIES, message: 'src/domain is plain TypeScript: no UI libraries (architecture.md).' },
            {
              group: ['**/lib/**', '**/ui/**', '**/features/**', '**/app/**', '**/cli/**'],
              message: 'src/domain imports no other src layer.',
            },
            { group: ['node:*', 'fs', 'path'], message: 'src/domain runs in the browser too: no Node built-ins.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...BROWSER_GLOBALS.filter((g) => !g.includes('.')).map((name) => ({
          name,
          message: 'src/domain touches no browser global.',
        })),
      ],
    },
  },
  layerZone(['src/domain/facts/**/*.ts'], UPPER_DOMAIN.facts),
  layerZone(
    [
      'src/domain/{rke2,net,cni,evidence,airgap}/**/*.ts',
      'src/domain/kernel.ts',
      'src/domain/k8s-names.ts',
      'src/domain/sources.ts',
    ],
    UPPER_DOMAIN.low,
  ),
  layerZone(['src/domain/{answers,discover}/**/*.ts'], UPPER_DOMAIN.answers),
  layerZone(['src/domain/engine/**/*.ts'], UPPER_DOMAIN.engine),
);
