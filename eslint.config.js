import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import autoImports from './.wxt/eslint-auto-imports.mjs';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/fixtures/build/**', 'test-results/**', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  autoImports,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Page text is hostile: no HTML sinks anywhere in product code.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Page text is hostile: build nodes and set textContent.' },
        { property: 'outerHTML', message: 'Page text is hostile: build nodes and set textContent.' },
        { property: 'insertAdjacentHTML', message: 'Page text is hostile: build nodes and set textContent.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Page text is hostile: render text, never HTML.' },
      ],
    },
  },
  {
    // Views read the database only through lib/db's named reads (lib/db/views): the storage layer
    // can change (team sync) without touching a component.
    files: ['components/**/*.{ts,tsx}', 'entrypoints/sidepanel/**/*.{ts,tsx}', 'entrypoints/review/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dexie', message: 'Views never query Dexie: add a named read to lib/db/views.' },
            { name: 'dexie-react-hooks', message: 'Views never query Dexie: add a named hook to lib/db/views.' },
          ],
          patterns: [{ group: ['**/lib/db/db', '@/lib/db/db'], message: 'Views never hold the database: add a named read to lib/db/views.' }],
        },
      ],
    },
  },
  {
    // Playwright fixtures call their continuation `use`, which is not React's hook.
    files: ['tests/**', 'scripts/**'],
    rules: { 'no-restricted-properties': 'off', 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);
