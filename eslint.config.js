import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { boundaryPolicies, boundarySettings } from './eslint.boundaries.js';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'bench/results/**', 'e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The web takes only types from core (erased at build): a value import would bundle core's
    // code tables and libraries into the browser.
    files: ['packages/web/src/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@zhenggong/core', message: 'Use `import type` from core in the web.', allowTypeImports: true }] },
      ],
    },
  },
  {
    // Migrations operate on Kysely<any> by design: they must not depend on today's table types.
    files: ['packages/server/src/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Module boundaries (docs/adr/013-person-sets.md): see eslint.boundaries.js for the element map and policies.
    files: ['packages/*/src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: boundarySettings,
    rules: { 'boundaries/dependencies': ['error', boundaryPolicies] },
  },
  {
    // Platform tests that drive every module's routes (hostile uploads, the system administrator's
    // walk) build fixtures from those modules; the platform code itself stays module-free.
    files: [
      'packages/server/src/platform/**/*.test.ts',
      'packages/server/src/platform/**/*-test-support.ts',
      'packages/server/src/platform/**/authorization-fixtures.ts',
    ],
    rules: { 'boundaries/dependencies': 'off' },
  },
);
