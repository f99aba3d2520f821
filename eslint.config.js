// ESLint 10 flat config: typescript-eslint (type-aware where it catches real bugs), import cycles,
// and a determinism fence around Temporal workflow code.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      'web/dist/**',
      'web/src/gql/**',
      '.data/**',
      'data/**',
      'coverage/**',
      'test-results/**',
      'server/src/db/migrations/**',
      'test/bench/results/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts', '.cts'] },
      // Relative imports are written with `.js` suffixes but point at `.ts` files.
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.mjs', '.json', '.node'],
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/await-thenable': 'error',
      // `return promise` inside try without await skips the catch/finally.
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        // `typeof import('pg')` stays allowed for modules that are loaded lazily.
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Workflow code is replayed by Temporal and must be deterministic: no Node APIs, no I/O,
    // no server code. Activities are referenced by type only (`import type`), which is allowed.
    files: ['workflows/**/*.workflow.ts', 'workflows/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'Workflow code must be deterministic: no Node built-ins (use activities).',
            })),
            ...['@temporalio/client', '@temporalio/worker', '@temporalio/activity'].map((name) => ({
              name,
              message: 'Workflow code may only use @temporalio/workflow and @temporalio/common.',
              allowTypeImports: true,
            })),
          ],
          patterns: [
            {
              group: ['**/server/**', '**/activities/**', 'pg', '@mikro-orm/*', 'express'],
              message:
                'Workflow code must not import server code or I/O libraries; call an activity.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // The domain knows no transport: services, the domain context and errors, the database
    // helpers and Temporal activities take uuids and DomainContext, never GraphQL types,
    // RequestContext or global ids. GraphQL stays at the edge, in each module's resolvers,
    // GraphQL types (*.types.ts), inputs (*.inputs.ts) and DataLoaders (*.loaders.ts: they
    // live on the per-request RequestContext and serve field resolvers only).
    files: [
      'server/src/modules/**/*.ts',
      'server/src/domain/**/*.ts',
      'server/src/db/**/*.ts',
      'workflows/activities/**/*.ts',
    ],
    ignores: ['server/src/modules/**/*.{resolver,types,inputs,loaders}.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Relative specifiers only, so the `graphql` package itself is not caught.
              regex: String.raw`^\.{1,2}/(.*/)?graphql/`,
              message:
                'Services, the domain, db/ and activities must not depend on GraphQL: take uuids and a DomainContext, and decode ids in the resolver (see server/src/graphql/global-ids.ts).',
              allowTypeImports: false,
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read dynamic GraphQL JSON; typing every response shape there adds noise, not safety.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
);
