// Lint rules that keep the layout honest: no import cycles, and each context imports only what it may run.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const restrict = (patterns) => ['error', { patterns }];
const group = (group, message, allowTypeImports = false) => ({ group, message, allowTypeImports });

/** What a content script must not carry: it runs inside every webmail page, so it stays small. */
const contentScriptBans = [
  group(['valibot', 'preact', 'preact/*', '@preact/*', 'idb', '@tanstack/*'], 'content scripts stay small: no valibot, Preact, idb or virtual lists'),
  group(['@/utils/api/client', '@/utils/cache/*', '@/utils/background/*'], 'content scripts reach the provider only through the background'),
  group(['@/utils/api/schemas'], 'content scripts may use the schemas\u2019 types, not the schemas', true),
];
/** What a view (an extension page or frame) must not import: the background is reached through messages. */
const viewBans = [
  group(
    ['@/utils/background/*', '@/utils/cache/*', '@/utils/api/client', '@/entrypoints/background'],
    'views reach the background through the rpc client only',
  ),
];
const serverBan = group(['**/server/**', '../server/*', '../../server/*'], 'the extension and the reference provider share no code');
const extensionBan = group(
  ['@/*', '**/utils/**', '**/entrypoints/**', '**/components/**'],
  'the reference provider shares no code with the extension',
);

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', '.data/', 'test-results/'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: ['tsconfig.json', 'server/tsconfig.json'], noWarnOnMultipleProjects: true }),
      ],
    },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['entrypoints/*.content/**'], rules: { '@typescript-eslint/no-restricted-imports': restrict([...contentScriptBans, serverBan]) } },
  {
    files: ['entrypoints/archive/**', 'entrypoints/popup/**', 'entrypoints/options/**', 'entrypoints/postmaster/**', 'components/**'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict([...viewBans, serverBan]) },
  },
  { files: ['utils/**', 'entrypoints/background.ts'], rules: { '@typescript-eslint/no-restricted-imports': restrict([serverBan]) } },
  { files: ['server/**'], ignores: ['server/test/**'], rules: { '@typescript-eslint/no-restricted-imports': restrict([extensionBan]) } },
  // Tests read JSON replies and poke at internals; a loose type there hides nothing users run.
  { files: ['test/**', 'server/test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  prettier,
);
