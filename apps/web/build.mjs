// Builds the web app (apps/web) into dist/web with esbuild: one JS bundle, one
// CSS file and index.html, everything served by the API process (no CDN).
// `node apps/web/build.mjs --if-stale` rebuilds only when a source is newer
// than the bundle (npm start runs it so).
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const out = join(root, 'dist', 'web');

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

const bundle = join(out, 'app.js');
if (process.argv.includes('--if-stale') && existsSync(bundle)) {
  const sources = Math.max(newest(join(here, 'src')), statSync(join(here, 'index.html')).mtimeMs, statSync(join(here, 'build.mjs')).mtimeMs);
  if (statSync(bundle).mtimeMs >= sources) process.exit(0);
}

mkdirSync(out, { recursive: true });
const started = Date.now();
await build({
  entryPoints: { app: join(here, 'src', 'main.tsx') },
  outdir: out,
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  target: ['chrome110', 'firefox110', 'safari16'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  legalComments: 'linked',
});
copyFileSync(join(here, 'index.html'), join(out, 'index.html'));
process.stdout.write(`web: built dist/web in ${Date.now() - started} ms\n`);
