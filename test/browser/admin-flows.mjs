// The pages of the roles that had none (decision 0517), run after the other
// flows against the same demo: the administrator's users, the price team's
// e-HSB catalogue and imports, and the start pages of the regional finance
// head and the regional secretary with the budget shifts they decide. Each
// checks what the page shows against the API's own answer.
/* global fetch, sessionStorage, document */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { login } from './flows.mjs';

// the price list uploaded lands beside the screenshots (not committed), as the LRA's XLSX does
const shots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** The API as the logged-in user of the page (its token), for what the page is checked against. */
const call = (page, method, path, body) => page.evaluate(async ([m, p, b]) => {
  const headers = { authorization: `Bearer ${sessionStorage.getItem('grms.token')}` };
  if (b !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(`/api/v1${p}`, { method: m, headers, body: b === undefined ? undefined : JSON.stringify(b) });
  return { status: r.status, body: await r.json().catch(() => null) };
}, [method, path, body]);

const nav = (page, name) => page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name, exact: true }).click();
const field = (scope, label) => scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`)).first();
/** Picks options of a Mantine Select or MultiSelect (their lists open outside the form). */
async function choose(page, scope, label, ...options) {
  const input = field(scope, label);
  for (const o of options) {
    await input.click();
    await page.getByRole('option', { name: o, exact: true }).first().click();
  }
  await input.press('Escape');
}
const waitingCount = async (page, label) => {
  const text = page.getByRole('region', { name: label }).getByTestId('waiting-count');
  await text.filter({ hasNotText: '…' }).waitFor();
  return (await text.innerText()).trim();
};
/** "1500000.00" -> "Rp 1.500.000,00", as the app writes an amount. */
const rupiah = (s) => { const [w, f] = s.split('.'); return `Rp ${w.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${f}`; };

export const adminFlows = [
  {
    name: 'admin: the start page counts the accounts and checks the audit chain; the Users page lists, filters, creates with the API\'s refusals by field, changes roles, deactivates and reactivates',
    slug: '20-admin-users',
    async run({ page, base, visit }) {
      await login(page, base, 'admin');
      const total = (await call(page, 'GET', '/users?limit=1')).body.meta.total;
      assert.equal(await waitingCount(page, 'Akun pengguna'), String(total));
      await page.getByRole('region', { name: 'Rantai jejak audit' }).getByRole('button', { name: 'Verifikasi jejak audit' }).click();
      assert.match(await page.getByTestId('home-verify-result').innerText(), /Jejak audit utuh/);
      await visit('home');

      await nav(page, 'Pengguna');
      const table = page.getByRole('table', { name: 'Pengguna' });
      await table.getByTestId('user-treasurer-a').waitFor();
      // the role filter: the rows the API gives for it
      await choose(page, page, 'Saring menurut peran', 'TREASURER');
      const treasurers = (await call(page, 'GET', '/users?role=TREASURER&limit=20')).body;
      await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Pengguna"] table tbody tr').length === n, treasurers.data.length);
      assert.deepEqual(await table.locator('tbody tr td:first-child').allInnerTexts(), treasurers.data.map((u) => u.username));
      assert.match(await page.getByText(/^Halaman 1 dari/).innerText(), new RegExp(`\\(${treasurers.meta.total}\\)`));
      // and by OPD: the treasurers of Disdikbud, as the API lists them
      const disdikbud = (await call(page, 'GET', '/organizations?limit=500')).body.data.find((o) => o.code === '1.01.0.00.0.00.01.0000');
      await choose(page, page, 'Saring menurut perangkat daerah', `${disdikbud.code} ${disdikbud.name}`);
      const ofOpd = (await call(page, 'GET', `/users?role=TREASURER&organizationId=${disdikbud.id}&limit=20`)).body.data.map((u) => u.username);
      assert.deepEqual(ofOpd, ['treasurer-a']);
      await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Pengguna"] table tbody tr').length === n, ofOpd.length);
      assert.deepEqual(await table.locator('tbody tr td:first-child').allInnerTexts(), ofOpd);
      await visit('users-by-role');
      await page.reload(); // the filters start empty again

      // a new account: each refusal of the API under its field, as the API words it
      const form = page.getByRole('form', { name: 'Pengguna baru' });
      await field(form, 'Nama pengguna').fill('planner-d');
      await field(form, 'Nama lengkap').fill('Perencana Baru Disdikbud');
      await field(form, 'Kata sandi').fill('grms-demo-2027-kunci');
      await choose(page, form, 'Peran', 'PLANNER');
      await form.getByRole('button', { name: 'Buat' }).click();
      await form.getByText('required for an OPD role', { exact: true }).waitFor(); // under the field, as the API words it
      assert.equal(await field(form, 'Perangkat daerah (OPD)').getAttribute('aria-invalid'), 'true');
      await visit('new-user-needs-opd');
      await choose(page, form, 'Perangkat daerah (OPD)', '1.01.0.00.0.00.01.0000 Dinas Pendidikan dan Kebudayaan');
      await form.getByRole('button', { name: 'Buat' }).click();
      await form.getByText('must not contain the demo password', { exact: true }).waitFor();
      assert.match(await form.getByRole('alert').innerText(), /400 WEAK_PASSWORD/);
      await visit('new-user-weak-password', { readme: 'admin' });
      await field(form, 'Kata sandi').fill('lembar kerja senja merapi');
      await form.getByRole('button', { name: 'Buat' }).click();
      await form.getByRole('status').filter({ hasText: 'planner-d' }).waitFor();
      const created = (await call(page, 'GET', '/users?q=planner-d')).body.data[0];
      assert.deepEqual([created.roles, created.active], [['PLANNER'], true]);

      // find it, change its roles: an incompatible pair is refused with the API's reason
      await page.getByLabel('Cari nama pengguna atau nama').fill('planner-d');
      const row = table.getByTestId('user-planner-d');
      await row.getByText('Dinas Pendidikan dan Kebudayaan').waitFor();
      await row.getByRole('button', { name: 'Ubah peran planner-d' }).click();
      const edit = page.getByRole('form', { name: 'Ubah peran: planner-d' });
      await choose(page, edit, 'Peran', 'BUDGET_VERIFIER');
      await edit.getByRole('button', { name: 'Simpan' }).click();
      await edit.getByRole('alert').filter({ hasText: '422 INCOMPATIBLE_ROLES' }).waitFor();
      assert.match(await edit.getByTestId('problem-detail').innerText(), /one person may not hold PLANNER with BUDGET_VERIFIER \(the budget team approves the documents planners draft\)/);
      await visit('roles-refused');
      await field(edit, 'Peran').click();
      await field(edit, 'Peran').press('Backspace'); // the last role picked goes
      await choose(page, edit, 'Peran', 'SUPERVISOR');
      await edit.getByRole('button', { name: 'Simpan' }).click();
      await edit.waitFor({ state: 'detached' });
      await row.getByRole('cell', { name: 'PLANNER, SUPERVISOR' }).waitFor();
      assert.deepEqual((await call(page, 'GET', `/users/${created.id}`)).body.roles, ['PLANNER', 'SUPERVISOR']);

      // deactivated: the account cannot log in; reactivated: it can
      await row.getByRole('button', { name: 'Nonaktifkan planner-d' }).click();
      await row.getByText('Nonaktif', { exact: true }).waitFor();
      assert.equal((await call(page, 'GET', `/users/${created.id}`)).body.active, false);
      const tryLogin = () => fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'planner-d', password: 'lembar kerja senja merapi' }) }).then((r) => r.status);
      assert.equal(await tryLogin(), 401);
      await visit('user-deactivated');
      await row.getByRole('button', { name: 'Aktifkan kembali planner-d' }).click();
      await row.getByText('Aktif', { exact: true }).waitFor();
      assert.equal(await tryLogin(), 200);
    },
  },
  {
    name: 'price admin: the start page counts the unlocked items; the e-HSB page lists and searches the catalogue with prices as money, locks an item and a year\'s category, and imports a price list (dry run, strict refusal, partial) with its bad rows by line and column',
    slug: '21-price-admin',
    async run({ page, base, visit }) {
      await login(page, base, 'price-admin');
      const unlocked = (await call(page, 'GET', '/hsb/items?fiscalYear=2027&locked=false&page=1&limit=1')).body.meta.total;
      assert.ok(unlocked > 0, 'the demo catalogue of 2027 is open');
      assert.equal(await waitingCount(page, 'Item katalog 2027 belum dikunci'), String(unlocked));
      await visit('home');
      await page.getByRole('link', { name: 'Buka Item katalog 2027 belum dikunci' }).click();
      await page.getByRole('heading', { name: 'Katalog e-HSB 2027' }).waitFor();
      const table = page.getByRole('table', { name: 'Katalog e-HSB' });
      const first = (await call(page, 'GET', '/hsb/items?fiscalYear=2027&page=1&limit=20')).body.data[0];
      const firstRow = table.getByRole('row').filter({ hasText: first.code });
      await firstRow.getByRole('cell', { name: rupiah(first.price) }).waitFor();
      // search as the API searches
      await page.getByLabel('Cari kode, nama atau spesifikasi').fill('honorarium anggota');
      const found = (await call(page, 'GET', '/hsb/items?fiscalYear=2027&q=honorarium%20anggota&page=1&limit=20')).body;
      assert.ok(found.meta.total >= 1);
      await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Katalog e-HSB"] table tbody tr').length === n, found.data.length);
      await visit('catalogue-search', { readme: 'price-admin' });
      await page.getByLabel('Cari kode, nama atau spesifikasi').fill('');

      // one item locked, then the year's SBU category locked and opened again
      await firstRow.getByRole('button', { name: `Kunci ${first.code}` }).click();
      await firstRow.getByText('Terkunci', { exact: true }).waitFor();
      assert.equal((await call(page, 'GET', `/hsb/items/${first.id}`)).body.locked, true);
      const year = page.getByRole('region', { name: 'Kunci katalog satu tahun' });
      await choose(page, year, 'Kategori', 'SBU');
      await year.getByRole('button', { name: 'Kunci semua' }).click();
      const sbu = (await call(page, 'GET', '/hsb/items?fiscalYear=2027&category=SBU&page=1&limit=1')).body.meta.total;
      await year.getByTestId('lock-result').filter({ hasText: new RegExp(`^2027 SBU: Terkunci — \\d+ / ${sbu} `) }).waitFor();
      assert.equal((await call(page, 'GET', '/hsb/items?fiscalYear=2027&category=SBU&locked=false&page=1&limit=1')).body.meta.total, 0);
      await visit('year-locked');
      await year.getByRole('button', { name: 'Buka semua' }).click();
      await year.getByTestId('lock-result').filter({ hasText: `2027 SBU: Terbuka — ${sbu} / ${sbu} ` }).waitFor();

      // an import: one good row, one bad price
      const file = join(shots, '21-harga-2027.csv');
      writeFileSync(file, 'code,name,specification,unit,price,category,accountCodes,ceiling\n'
        + 'SSH.ATK.9101,Map Plastik Kancing,folio,Buah,4250.50,SSH,5.1.02.01.01.0024,ESTIMATE\n'
        + 'SSH.ATK.9102,Penjepit Kertas,no. 107,Kotak,12.5.0,SSH,5.1.02.01.01.0024,ESTIMATE\n');
      const form = page.getByRole('form', { name: 'Impor daftar harga' });
      await form.getByLabel('Berkas CSV atau XLSX').setInputFiles(file);
      await form.getByRole('button', { name: 'Impor' }).click(); // a dry run, strict: the report, nothing written
      const errors = form.getByTestId('import-errors');
      await errors.getByRole('cell', { name: '3', exact: true }).waitFor();
      assert.equal(await form.getByTestId('import-rows').innerText(), '2');
      // a strict dry run with a bad row would write nothing: said so, with no "0 new" shown as if it were a result
      assert.match(await form.getByTestId('import-outcome').innerText(), /^Tidak ada yang akan ditulis: 1 dari 2 baris salah \(baris 3\), dan impor mode ketat menolak seluruh berkas/);
      assert.equal(await form.getByTestId('import-imported').count(), 0);
      const cells = await errors.locator('tbody tr').first().getByRole('cell').allInnerTexts();
      assert.deepEqual(cells.slice(0, 3), ['3', 'price (E)', 'price']);
      assert.match(cells[3], /^price "12\.5\.0" is not a non-negative amount/);
      await visit('import-dry-run');
      await form.getByLabel('Uji saja (tidak menulis)').uncheck();
      await form.getByRole('button', { name: 'Impor' }).click(); // strict: refused whole
      await form.getByRole('alert').filter({ hasText: '422 IMPORT_INVALID_ROWS' }).waitFor();
      await errors.getByRole('cell', { name: 'price (E)' }).waitFor();
      assert.equal((await call(page, 'GET', '/hsb/items?fiscalYear=2027&q=SSH.ATK.9101&page=1&limit=1')).body.meta.total, 0, 'nothing written');
      await visit('import-refused');
      await choose(page, form, 'Mode', 'Sebagian: baris yang benar ditulis');
      await form.getByRole('button', { name: 'Impor' }).click(); // partial: the good row written, the bad one reported
      await form.getByTestId('import-imported').filter({ hasText: /^1$/ }).waitFor();
      assert.equal(await form.getByTestId('import-skipped').innerText(), '1');
      await visit('import-partial');
      await page.getByLabel('Cari kode, nama atau spesifikasi').fill('SSH.ATK.9101');
      await table.getByRole('row').filter({ hasText: 'Map Plastik Kancing' }).getByRole('cell', { name: 'Rp 4.250,50' }).waitFor();
    },
  },
  {
    name: 'finance head: a budget shift within one objek waits on the start page, is approved on its document, and the reports it may read are linked',
    slug: '22-finance-head',
    async run({ page, base, visit }) {
      const id = await submitShift(page, base, '5.1.02.02.01.0001', 'WITHIN_OBJEK');
      await login(page, base, 'finance-head');
      const waiting = (await call(page, 'GET', '/budgeting/documents?stage=PERGESERAN&status=SUBMITTED&limit=500')).body.data.filter((d) => d.shiftClass === 'WITHIN_OBJEK');
      assert.equal(await waitingCount(page, 'Pergeseran dalam satu objek menunggu persetujuan'), String(waiting.length));
      const reports = page.getByRole('navigation', { name: 'Laporan yang dapat Anda buka' });
      await reports.getByRole('link', { name: 'LRA', exact: true }).waitFor();
      await visit('home', { readme: 'finance-head' });
      await page.getByRole('link', { name: 'Buka Pergeseran dalam satu objek menunggu persetujuan' }).click();
      await page.getByRole('heading', { name: 'Pergeseran menunggu persetujuan' }).waitFor();
      await page.getByRole('row').filter({ hasText: 'WITHIN_OBJEK' }).first().waitFor();
      await visit('shift-queue');
      await page.goto(`${base}/#/documents/${id}`);
      await page.getByRole('button', { name: 'Setujui' }).click();
      await page.getByRole('cell', { name: 'SUBMITTED → APPROVED' }).waitFor();
      const doc = (await call(page, 'GET', `/budgeting/documents/${id}`)).body;
      assert.deepEqual([doc.status, doc.approvedBy], ['APPROVED', 'finance-head']);
      await visit('shift-approved');
      await nav(page, 'Beranda');
      await reports.getByRole('link', { name: 'LRA', exact: true }).click();
      await page.getByRole('heading', { name: 'Laporan Realisasi Anggaran (LRA) 2026' }).waitFor();
    },
  },
  {
    name: 'regional secretary: a budget shift between objek waits on the start page and is rejected with a reason, back to its planner',
    slug: '23-regional-secretary',
    async run({ page, base, visit }) {
      const id = await submitShift(page, base, '5.1.02.01.01.0001', 'BETWEEN_OBJEK');
      await login(page, base, 'regional-secretary');
      const waiting = (await call(page, 'GET', '/budgeting/documents?stage=PERGESERAN&status=SUBMITTED&limit=500')).body.data.filter((d) => d.shiftClass === 'BETWEEN_OBJEK');
      assert.ok(waiting.some((d) => d.id === id));
      assert.equal(await waitingCount(page, 'Pergeseran antar-objek menunggu persetujuan'), String(waiting.length));
      await page.getByRole('navigation', { name: 'Laporan yang dapat Anda buka' }).getByRole('link', { name: 'Sumber dana & kartu kendali' }).waitFor();
      await visit('home', { readme: 'regional-secretary' });
      await page.getByRole('link', { name: 'Buka Pergeseran antar-objek menunggu persetujuan' }).click();
      await page.getByRole('row').filter({ hasText: 'BETWEEN_OBJEK' }).first().getByRole('link', { name: /^Buka / }).click();
      await page.getByText(/^PERGESERAN r\d+ · BETWEEN_OBJEK$/).waitFor();
      await page.getByLabel('Alasan').fill('pergeseran antar-objek belum didukung telaah TAPD');
      await page.getByRole('button', { name: 'Tolak' }).click();
      await page.getByRole('cell', { name: 'SUBMITTED → DRAFT' }).waitFor();
      const doc = (await call(page, 'GET', `/budgeting/documents/${id}`)).body;
      assert.deepEqual([doc.status, doc.rejectionReason], ['DRAFT', 'pergeseran antar-objek belum didukung telaah TAPD']);
      await visit('shift-rejected');
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Beranda' }).click();
      // the start page reads its counts again: the rejected shift no longer waits (a wrong count times out here)
      await page.getByRole('region', { name: 'Pergeseran antar-objek menunggu persetujuan' }).getByTestId('waiting-count').filter({ hasText: new RegExp(`^${waiting.length - 1}$`) }).waitFor({ timeout: 10_000 });
    },
  },
];

/**
 * As the planner (through the API: the web app's shift entry is the budget
 * document page): a PERGESERAN of sub kegiatan 1.01.02.1.01.0070 that takes
 * a month off the members' honoraria and puts Rp 5.000.000 on `to`, submitted;
 * the API classifies it (`shiftClass`).
 */
async function submitShift(page, base, to, expected) {
  await login(page, base, 'planner-a');
  const orgId = await page.evaluate(() => JSON.parse(sessionStorage.getItem('grms.user')).organizationId);
  const rev = await call(page, 'POST', '/budgeting/documents', { fiscalYear: 2026, organizationId: orgId, subActivityCode: '1.01.02.1.01.0070', stage: 'PERGESERAN' });
  assert.equal(rev.status, 201, JSON.stringify(rev.body));
  const member = rev.body.items.find((i) => i.description.includes('anggota') && i.accountCode === '5.1.02.02.01.0004');
  const coefficients = member.coefficients.map((c) => (c.unit === 'bulan' ? { ...c, quantity: String(Number(c.quantity) - 1) } : c));
  assert.equal((await call(page, 'PATCH', `/budgeting/documents/${rev.body.id}/items/${member.id}`, { coefficients })).status, 200);
  const add = await call(page, 'POST', `/budgeting/documents/${rev.body.id}/items`, { accountCode: to, fundingSourceCode: member.fundingSourceCode, description: 'pergeseran',
    coefficients: [{ quantity: '100', unit: 'paket' }], unitPrice: '50000', vat: false });
  assert.equal(add.status, 201, JSON.stringify(add.body));
  const submit = await call(page, 'POST', `/budgeting/documents/${rev.body.id}/submit`, {});
  assert.equal(submit.status, 200, JSON.stringify(submit.body));
  assert.equal(submit.body.shiftClass, expected);
  return rev.body.id;
}
