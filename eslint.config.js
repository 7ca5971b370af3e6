// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const engineLeafMessage =
  'src/engine/ is a leaf: pure numerics that import nothing outside src/engine/ (no React, DOM, d3, zustand or app code).';

export default tseslint.config(
  {
    ignores: ['dist', 'dist-bench', 'node_modules', 'test-results', 'playwright-report', 'public'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Files directly in src/engine/: only ./siblings and ./sub/folders.
    files: ['src/engine/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!\\./)', message: engineLeafMessage }] },
      ],
    },
  },
  {
    // One folder down (src/engine/cells/x.ts): ./ and ../ stay inside, ../../ leaves.
    files: ['src/engine/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!\\.{1,2}/)|^\\.\\./\\.\\./', message: engineLeafMessage }] },
      ],
    },
  },
  {
    // Scripts and benchmarks print their figures.
    files: ['bench/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
);
