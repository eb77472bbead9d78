import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    // shared/ is pure TypeScript: no Node, no DOM, no Electron, no React.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ must stay pure: no Node modules.' },
            {
              group: ['electron', 'react', 'react-dom', 'better-sqlite3', 'exceljs', 'kysely'],
              message: 'shared/ must stay pure.',
            },
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ may not import from other layers.',
            },
          ],
        },
      ],
    },
  },
  {
    // The backend runs under plain Node: it never imports Electron or the UI.
    files: ['electron/backend/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: 'The backend never imports electron.' },
            { group: ['**/renderer/**', '**/main/**', '**/preload/**'], message: 'Arrows point down only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      // No React Compiler here; TanStack hooks are used as documented.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', 'better-sqlite3', 'exceljs', 'kysely'],
              message: 'The renderer talks to the backend only through its api client.',
            },
            { group: ['**/electron/**'], message: 'The renderer may import shared/ only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
