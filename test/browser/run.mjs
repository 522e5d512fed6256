// Browser tests of the web app (apps/web) in headless Chromium, driven by
// playwright-core with the system browser (Debian's `chromium`; set
// CHROMIUM_PATH to use another). `npm run test:browser` (after `npm run
// build`): starts the API with its embedded PostgreSQL and the demo seed in a
// temporary folder, on free ports, then runs each flow as the demo users
// would, with an axe accessibility check (WCAG 2.1 A/AA) on every page it
// visits and a screenshot of each page under test/browser/screenshots/.
// `--screenshots-for-readme` also writes one small screenshot per role to
// docs/screenshots/.
/* global fetch, document */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { flows } from './flows.mjs';
import { reportFlows } from './report-flows.mjs';
import { adminFlows } from './admin-flows.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const shots = join(here, 'screenshots');
const readmeShots = process.argv.includes('--screenshots-for-readme') ? join(root, 'docs', 'screenshots') : null;
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const log = (s) => process.stdout.write(`${s}\n`);

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

function browserPath() {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) if (p && existsSync(p)) return p;
  throw new Error('no Chromium: install Debian\'s `chromium` (apt-get install -y chromium) or set CHROMIUM_PATH');
}

async function startApi() {
  const main = join(root, 'dist', 'apps', 'api', 'src', 'main.js');
  if (!existsSync(main) || !existsSync(join(root, 'dist', 'web', 'index.html'))) throw new Error('build first: npm run build');
  const dataDir = mkdtempSync(join(tmpdir(), 'grms-browser-'));
  const [port, pgPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: { ...process.env, GRMS_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', EMBEDDED_PG_PORT: String(pgPort), SEED_DEMO: 'true', LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill('SIGTERM');
    for (let i = 0; i < 60 && child.exitCode === null; i++) await sleep(250);
    if (child.exitCode === null) child.kill('SIGKILL');
    // `grms reset` removes the data folder with the cluster's own folder in the
    // temp dir (where the cluster lives under root); rmSync is for the rest
    spawnSync(process.execPath, [join(root, 'dist', 'apps', 'cli', 'src', 'main.js'), 'reset', '--yes'], { cwd: root, env: { ...process.env, GRMS_DATA_DIR: dataDir }, stdio: 'ignore' });
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 240_000;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}):\n${output}`);
      try { if ((await fetch(`${base}/health`)).ok) break; } catch { /* not yet */ }
      if (Date.now() > deadline) throw new Error(`the API did not start in time:\n${output}`);
      await sleep(500);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { base, stop };
}

const axeSource = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe on the page as it is now: every WCAG 2.1 A/AA violation fails the flow. */
async function checkAccessibility(page, name) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const r = await globalThis.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  if (result.length) throw new Error(`accessibility violations on ${name}:\n  ${result.join('\n  ')}`);
}

async function main() {
  mkdirSync(shots, { recursive: true });
  if (readmeShots) mkdirSync(readmeShots, { recursive: true });
  const started = Date.now();
  // --base=URL: a running API (with a fresh demo) instead of starting one
  const given = process.argv.find((a) => a.startsWith('--base='))?.slice('--base='.length);
  const api = given ? { base: given, stop: async () => undefined } : await startApi();
  log(`browser: API at ${api.base} after ${Math.round((Date.now() - started) / 1000)} s`);
  const browser = await chromium.launch({
    executablePath: browserPath(), headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  let passed = 0;
  let failed = 0;
  try {
    for (const flow of [...flows, ...reportFlows, ...adminFlows]) {
      if (only && !flow.name.includes(only)) continue;
      const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'id-ID', acceptDownloads: true });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      const refused = [];
      page.on('response', (r) => { if (r.status() >= 400) refused.push(`${r.status()} ${r.request().method()} ${r.url()}`); });
      let n = 0;
      const visit = async (label, { readme } = {}) => {
        n += 1;
        await page.waitForLoadState('networkidle');
        await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root'));
        const file = `${flow.slug}-${String(n).padStart(2, '0')}-${label}.png`;
        await page.screenshot({ path: join(shots, file), fullPage: true });
        if (readme && readmeShots) await page.evaluate(() => { globalThis.scrollTo(0, 0); });
        if (readme && readmeShots) await page.screenshot({ path: join(readmeShots, `${readme}.png`), scale: 'css', clip: { x: 0, y: 0, width: 1366, height: 800 } });
        await checkAccessibility(page, `${flow.name}: ${label}`);
      };
      const t0 = Date.now();
      try {
        await flow.run({ page, base: api.base, visit });
        if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
        passed += 1;
        log(`  ok   ${flow.name} (${Math.round((Date.now() - t0) / 1000)} s)`);
      } catch (e) {
        failed += 1;
        await page.screenshot({ path: join(shots, `${flow.slug}-failure.png`), fullPage: true }).catch(() => undefined);
        log(`  FAIL ${flow.name}: ${e.stack ?? e}`);
        if (refused.length) log(`       refused by the API on the way: ${refused.slice(-8).join('; ')}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await api.stop();
  }
  log(`browser: ${Math.round((Date.now() - started) / 1000)} s, screenshots in test/browser/screenshots/`);
  log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => { log(`browser: ${e.stack ?? e}`); process.exitCode = 1; });
