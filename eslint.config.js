// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['test/helpers/*.mjs', 'dist/', 'node_modules/', 'coverage/', '.bench-build/', '.faults-build/', 'bin/', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-import-type-side-effects': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        {
          selector: "ImportDeclaration[source.value=/^(fs|path|os|crypto|http|https|stream|url|util|zlib|child_process|events|net|readline|worker_threads|fs\\u002Fpromises|stream\\u002Fpromises|timers\\u002Fpromises)$/]",
          message: 'Import Node built-ins with the node: protocol.',
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // Tool configuration files are read by their tools through a default export.
    files: ['*.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { name: 'commander', message: 'Only src/cli/ may use commander.' },
        { name: 'chalk', message: 'Only src/cli/ may use chalk.' },
      ],
    },
  },
);
