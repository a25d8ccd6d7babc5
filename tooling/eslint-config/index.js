import vitest from '@vitest/eslint-plugin';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { allowedDependencies, appNames, folderOf } from './layers.js';

const libraries = Object.keys(allowedDependencies);

/** Import restrictions for one library: no upward package, no app, no reaching into src/ or dist/. */
function layeringRules(packageName) {
  const allowed = new Set([packageName, ...allowedDependencies[packageName]]);
  const forbidden = libraries.filter((name) => !allowed.has(name));
  const patterns = [
    {
      group: ['@bayan/*/src', '@bayan/*/src/*', '@bayan/*/dist', '@bayan/*/dist/*'],
      message: "Import a package through its public entry ('@bayan/x'), never its src/ or dist/.",
    },
    {
      regex: String.raw`^(\.\./)+(packages|apps)/|^(\.\./){2,}[a-z-]+/(src|dist)(/|$)`,
      message: 'Relative imports must stay inside the package; depend on the other package instead.',
    },
    {
      regex: `^(${appNames.join('|')})(/|$)`,
      message: 'Libraries never import an app.',
    },
  ];
  if (forbidden.length > 0) {
    patterns.push({
      regex: `^(${forbidden.map((n) => n.replace('/', '\\/')).join('|')})(/|$)`,
      message: `${packageName} may only depend on: ${[...allowed].filter((n) => n !== packageName).join(', ') || 'no Bayan package'} (see docs/architecture.md).`,
    });
  }
  return {
    files: [`packages/${folderOf(packageName)}/**/*.{ts,tsx,js,mjs}`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

const uiFiles = ['packages/ui/**/*.tsx', 'packages/widgets/**/*.tsx', 'apps/**/*.tsx'];
const testFiles = ['**/*.test.ts', '**/*.test.tsx', '**/*.test-d.ts'];

/** Bayan's flat ESLint config. */
export const bayanEslintConfig = tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.turbo/**',
      '**/coverage/**',
      '.tools/**',
      '**/*.d.ts',
      'data/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  ...libraries.map(layeringRules),
  {
    files: uiFiles,
    plugins: { react, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    languageOptions: { globals: { ...globals.browser } },
    settings: { react: { version: '19' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.strict.rules,
      // TypeScript checks props; runtime prop-types add nothing.
      'react/prop-types': 'off',
    },
  },
  {
    files: testFiles,
    plugins: { vitest },
    rules: {
      ...vitest.configs.recommended.rules,
      'vitest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'assert*'] }],
      'vitest/no-disabled-tests': 'error',
      'vitest/no-focused-tests': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
