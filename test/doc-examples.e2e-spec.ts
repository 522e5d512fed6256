import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from './support/test-app';

// The examples of the module pages run as written: every ```sh block of a
// page, in order, as one bash script, against a fresh server (the demo seed).
// Every request must succeed (a status below 400): an example that answers
// 400, 401, 403, 404 or 5xx is a broken example. The server checks each
// response against the OpenAPI document, as in every end-to-end test.
const ROOT = join(__dirname, '..');
const PAGES = [
  'docs/modules/platform.md',
  'docs/modules/e-hsb.md',
  'docs/modules/e-budgeting.md',
  'docs/modules/e-penatausahaan.md',
  'docs/modules/e-project-planning.md',
  'docs/modules/e-controlling.md',
  'docs/modules/reports.md',
  'docs/modules/lra.md',
  'docs/modules/e-monev.md',
  'docs/modules/e-delivery.md',
];

export function shellBlocks(markdown: string): string {
  return [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]).join('\n');
}

describe('documented examples', () => {
  let t: TestApp;
  let base: string;
  let work: string;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/api/v1`;
    work = mkdtempSync(join(tmpdir(), 'grms-doc-examples-'));
    symlinkSync(join(ROOT, 'data'), join(work, 'data'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('runs every module page that has examples (a page without ```sh blocks, such as web.md, has nothing to run)', () => {
    const withExamples = readdirSync(join(ROOT, 'docs/modules')).filter((f) => f.endsWith('.md'))
      .map((f) => `docs/modules/${f}`).filter((page) => shellBlocks(readFileSync(join(ROOT, page), 'utf8')).trim() !== '');
    expect(withExamples.filter((page) => !PAGES.includes(page))).toEqual([]);
  });

  it.each(PAGES)('%s: every curl runs as written and succeeds', async (page) => {
    const statuses = join(work, 'statuses');
    writeFileSync(statuses, '');
    const script = [
      'set -euo pipefail',
      // every request's status goes to a side file; the body stays where the example sends it
      `curl() { command curl -w '%{stderr}HTTP %{http_code} %{url_effective}\\n' "$@" 2>>${JSON.stringify(statuses)}; }`,
      shellBlocks(readFileSync(join(ROOT, page), 'utf8')),
    ].join('\n');
    try {
      // asynchronously: the server answers from this very process
      await promisify(execFile)('bash', ['-c', script], { cwd: work, env: { ...process.env, B: base }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
    } catch (e) {
      const err = e as { stderr?: string; code?: number | string; signal?: string };
      throw new Error(`${page}: the examples stopped (exit ${err.code ?? '?'}${err.signal ? `, ${err.signal}` : ''}): ${err.stderr || (e as Error).message}\n${readFileSync(statuses, 'utf8')}`);
    }
    const lines = readFileSync(statuses, 'utf8').split('\n').filter((l) => l.startsWith('HTTP '));
    // each curl of the page ran (the login helper's once or more)
    expect(lines.length).toBeGreaterThanOrEqual((shellBlocks(readFileSync(join(ROOT, page), 'utf8')).match(/^(?!\s*#).*\bcurl /gm) ?? []).length);
    const failed = lines.filter((l) => !/^HTTP [23]\d\d /.test(l));
    expect(failed).toEqual([]);
  });
});
