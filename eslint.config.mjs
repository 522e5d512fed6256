// Lint rules, including ARCHITECTURE.md's "who may import whom": a lib may
// import only the public face (@grms/<lib>) of the libs below it, never a
// file inside another lib, and never a lib above it.
import js from '@eslint/js';
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

// Lowest first. A lib may import the libs listed before it.
const LAYERS = ['core', 'budget', 'e-hsb', 'e-budgeting', 'e-project-planning', 'e-delivery', 'e-penatausahaan', 'e-controlling', 'e-monev'];

const deepImport = { group: ['@grms/*/*', '**/libs/*/src/**', '../../libs/**', '../../../libs/**'], message: 'import another lib only through its public face: @grms/<lib>' };

const boundaryRules = LAYERS.map((lib, i) => {
  const above = LAYERS.slice(i + 1);
  const patterns = [
    deepImport,
    ...(above.length ? [{ group: above.map((l) => `@grms/${l}`), message: `${lib} may not import a higher module (${above.join(', ')}): publish an event or a port instead` }] : []),
    { group: ['**/apps/**'], message: 'a lib never imports an app' },
  ];
  if (lib === 'core') patterns.push({ group: ['@grms/*'], message: 'core imports nothing of ours' });
  return {
    files: [`libs/${lib}/src/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: lib === 'core' ? patterns.filter((p) => p !== deepImport) : patterns }] },
  };
});

// Lint reads the checkout's source, not what lies around in it: nothing git
// ignores (dist/, coverage/, .data/, node_modules/, screenshots, at any depth)
// and no folder at the top that git does not track (a build output, a copy of
// the tree, another checkout). A change's new files in the tracked folders are
// linted before they are added. Outside a git checkout, the list above holds.
function untrackedIgnores() {
  const gitFiles = (...args) => execFileSync('git', ['ls-files', '-z', '--others', '--directory', ...args], {
    cwd: dirname(fileURLToPath(import.meta.url)), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024,
  }).split('\0').filter(Boolean);
  try {
    const ignored = gitFiles('--ignored', '--exclude-standard');
    const topFolders = gitFiles('--exclude-standard').filter((p) => /^[^/]+\/$/.test(p));
    // paths, not patterns: a glob character in a name stands for itself
    return [...ignored, ...topFolders].map((p) => p.replace(/[\\*?[\]{}()!+@]/g, '\\$&'));
  } catch {
    return [];
  }
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'eslint.config.mjs', 'jest.config.js'] },
  { ignores: untrackedIgnores() },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { project: false } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='parseFloat']", message: 'money never passes through a float: use Money' }],
    },
  },
  ...boundaryRules,
  {
    files: ['apps/**/*.ts', 'test/**/*.ts', 'migrations/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepImport] }] },
  },
);
