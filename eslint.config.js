// Lint rules: ESLint's and typescript-eslint's recommended sets. `tsc` (npm run typecheck)
// does the type checking; this catches what types cannot: unused code, needless `let`,
// risky patterns.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a parameter kept for its position in a signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A `let` read by a closure before its one assignment (late-bound wiring) stays a `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // The REPL protocol is made of control bytes (Ctrl-A…Ctrl-E, ESC): matching them is the job.
      'no-control-regex': 'off',
    },
  },
  {
    // Plain JavaScript entry points (bin/, scripts/) run in Node.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // A CommonJS file (a module preloaded with `node --require`) loads with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
