// Lint: ESLint's and typescript-eslint's recommended rules (syntax-aware, not type-aware, so it stays
// fast on two cores); the type checker (`npm run typecheck`) covers the rest. The import rules hold
// the layering of STYLE.md: a change that crosses a boundary or closes an import cycle fails `npm test`.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Who may not import whom, by folder: each zone's `target` may not import from its `from`. */
const boundaries = [
  {
    target: './server/domain',
    from: ['./server/http', './server/db', './server/letters', './server/import', './server/graph', './server/demo', './server/auth', './server/jobs', './server/config.ts', './addin'],
    message: 'server/domain holds pure rules: no transport, no database, no configuration.',
  },
  {
    target: ['./server/db', './server/letters', './server/import', './server/graph', './server/demo', './server/auth', './server/jobs'],
    from: './server/http',
    message: 'Only server/http knows HTTP: return domain values and throw server/domain/errors.ts errors.',
  },
  {
    target: './server/db/kysely.ts',
    from: './server/import',
    message: 'The database handle knows nothing of the import.',
  },
  {
    target: './addin',
    from: ['./server/domain', './server/db', './server/letters', './server/import', './server/graph', './server/demo', './server/auth', './server/http/routes', './server/http/plugins', './server/http/mappers'],
    message: 'The pane knows the server only through the API types of server/http/schemas.',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'bench/data/', 'test-artifacts/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly',
        window: 'readonly', document: 'readonly', fetch: 'readonly', AbortController: 'readonly',
        Office: 'readonly', navigator: 'readonly', performance: 'readonly', structuredClone: 'readonly',
        TextEncoder: 'readonly', TextDecoder: 'readonly', queueMicrotask: 'readonly', setImmediate: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/**/*.ts', 'addin/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
    },
  },
  {
    // COPY goes through the database handle's explicit copyFrom (server/db/kysely.ts), nowhere else.
    files: ['**/*.ts'],
    ignores: ['server/db/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'pg-copy-streams', message: 'Bulk loads go through DatabaseHandle.transaction(... copyFrom ...).' }],
      }],
    },
  },
  {
    // Routes and plugins run no SQL: they call a repository (kysely's types are fine).
    files: ['server/http/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [
          { name: 'kysely', message: 'Routes and plugins run no SQL: call a repository.', allowTypeImports: true },
          { name: 'pg', message: 'Routes and plugins run no SQL: call a repository.' },
          { name: '@electric-sql/pglite', message: 'Routes and plugins run no SQL: call a repository.' },
        ],
      }],
      'no-restricted-syntax': ['error', {
        selector: 'CallExpression > MemberExpression.callee > Identifier.property[name=/^(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto|selectNoFrom)$/]',
        message: 'Routes and plugins run no SQL: call a repository in server/db/repositories.',
      }],
    },
  },
);
