// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const engineLeafMessage =
  'src/engine/ is a leaf: pure numerics that import nothing outside src/engine/ (no React, DOM, d3, zustand or app code).';
const ioMessage =
  "src/io/ never imports src/store/ or src/views/: it reads the scene's types, limits and defaults from src/scene/; the store calls io, not the other way round.";
const lessonsMessage =
  "src/lessons/ never imports src/views/: shared number formats live in src/format/, the scene's vocabulary in src/scene/.";
const sceneMessage =
  'src/scene/ is plain vocabulary (types, limits, defaults) that store, io and views read: it imports only src/engine/ and its own files.';

/**
 * Rules that refuse imports whose path matches `regex` (a string), as static imports and
 * re-exports (no-restricted-imports) and as dynamic `import('…')` (no-restricted-syntax).
 * @param {string} regex
 * @param {string} message
 */
function boundary(regex, message) {
  return {
    'no-restricted-imports': ['error', { patterns: [{ regex, message }] }],
    'no-restricted-syntax': [
      'error',
      { selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\x2F')}/]`, message },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-bench',
      'dist-single',
      'node_modules',
      'test-results',
      'playwright-report',
      'public',
    ],
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
    rules: boundary('^(?!\\./)', engineLeafMessage),
  },
  {
    // One folder down (src/engine/cells/x.ts): ./ and ../ stay inside, ../../ leaves.
    files: ['src/engine/*/**/*.ts'],
    rules: boundary('^(?!\\.{1,2}/)|^\\.\\./\\.\\./', engineLeafMessage),
  },
  {
    // io reads the scene; the store (and the views) call io. Any depth of ../ counts.
    files: ['src/io/**/*.{ts,tsx}'],
    rules: boundary('^(\\.\\./)+(store|views)(/|$)', ioMessage),
  },
  {
    files: ['src/lessons/**/*.{ts,tsx}'],
    rules: boundary('^(\\.\\./)+views(/|$)', lessonsMessage),
  },
  {
    // Files directly in src/scene/: ./siblings and ../engine only (no packages, no app code).
    files: ['src/scene/*.ts'],
    rules: boundary('^(?!\\./|\\.\\./engine(/|$))', sceneMessage),
  },
  {
    // Scripts and benchmarks print their figures.
    files: ['bench/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
);
