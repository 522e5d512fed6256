// The flows of the browser tests, in order, against one fresh demo (a flow
// may use what an earlier one made): each drives the web app as the demo
// user would, by labels and roles, and asserts what the page shows.
/* global fetch, sessionStorage, document, URL */
import assert from 'node:assert/strict';

const PASSWORD = 'grms-demo';

export async function login(page, base, username) {
  await page.goto(`${base}/`);
  await page.evaluate(() => { sessionStorage.clear(); });
  await page.goto(`${base}/`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByTestId('whoami').filter({ hasText: username }).waitFor();
}

/** Picks an option of a Mantine Select by typing into it. */
export async function pick(page, label, typed, option) {
  const esc = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const input = page.getByLabel(new RegExp(`^${esc}( \\*)?$`)).first();
  await input.click();
  if (typed) await input.fill(typed);
  const opt = option instanceof RegExp ? page.getByRole('option', { name: option }).first() : page.getByRole('option', { name: option ?? typed }).first();
  await opt.click();
}

/** "Rp 1.250.000,50" -> 125000050n (sen, exact). */
const sen = (text) => BigInt(text.replace(/^Rp /, '').replace(/\./g, '').replace(',', ''));

const nav = (page, name) => page.getByRole('navigation').getByRole('link', { name }).click();
const state = { doc: null, sppNumber: null, sp2dNumber: null };

export const flows = [
  {
    name: 'the login page, in Indonesian, refuses a wrong password next to the form',
    slug: '01-login',
    async run({ page, base, visit }) {
      await page.goto(`${base}/`);
      await page.getByLabel('Nama pengguna').waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'id');
      await visit('login', { readme: 'login' });
      await page.getByLabel('Nama pengguna').fill('planner-a');
      await page.getByLabel('Kata sandi').fill('wrong password');
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.getByRole('alert').filter({ hasText: '401' }).waitFor();
      await visit('login-refused');
      await page.getByText('English', { exact: true }).click();
      await page.getByLabel('Username').waitFor();
      await page.getByText('Bahasa Indonesia', { exact: true }).click();
      await page.getByLabel('Nama pengguna').waitFor();
    },
  },
  {
    name: 'planner: a budget document from empty to submitted, with a catalogue search, coefficients and VAT; the draft survives an expired session',
    slug: '02-planner',
    async run({ page, base, visit }) {
      await login(page, base, 'planner-a');
      await visit('home');
      await nav(page, 'Dokumen anggaran (RKA/DPA)');
      await page.getByRole('form', { name: 'Dokumen baru' }).waitFor();
      await pick(page, 'Tahun anggaran', null, '2027');
      await pick(page, 'Sub kegiatan', '1.01.02.1.01.0003', /1\.01\.02\.1\.01\.0003/);
      await visit('new-document');
      await page.getByRole('button', { name: 'Buat' }).click();
      await page.getByRole('heading', { name: /RKA 1\.01\.02\.1\.01\.0003/ }).waitFor();
      state.doc = page.url().split('#/documents/')[1];
      assert.match(await page.getByTestId('doc-total').innerText(), /Rp 0,00/);
      await pick(page, 'Cari katalog e-HSB', 'SSH.ATK.0001', /SSH\.ATK\.0001/);
      await page.getByLabel('Jumlah satuan 1', { exact: true }).fill('10');
      await page.getByLabel('Satuan 1', { exact: true }).fill('sekolah');
      await page.getByRole('button', { name: 'Tambah koefisien' }).click();
      await page.getByLabel('Jumlah satuan 2', { exact: true }).fill('20');
      await page.getByLabel('Satuan 2', { exact: true }).fill('rim');
      await page.getByLabel('Harga satuan').fill('57.500,50');
      await page.getByLabel('Justifikasi harga').fill('harga pasar setempat lebih tinggi');
      await page.getByLabel('PPN').check();
      assert.match(await page.getByTestId('item-preview').innerText(), /10 sekolah x 20 rim x Rp 57\.500,50 = Rp 11\.500\.100,00/);
      // the session ends mid-form: the login dialog comes up over the page, and what was typed stays
      await page.evaluate(() => fetch('/api/v1/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${sessionStorage.getItem('grms.token')}` } }));
      // the next call to the API (the add, or a search already under way) is refused 401
      await page.getByRole('button', { name: 'Tambah rincian' }).click({ timeout: 3000 }).catch(() => undefined);
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByLabel('Kata sandi').fill(PASSWORD);
      await visit('session-expired');
      await dialog.getByRole('button', { name: 'Masuk' }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await page.getByLabel('Harga satuan').inputValue(), '57.500,50');
      assert.equal(await page.getByLabel('Satuan 2', { exact: true }).inputValue(), 'rim');
      await page.reload();
      await page.getByLabel('Harga satuan').waitFor();
      assert.equal(await page.getByLabel('Harga satuan').inputValue(), '57.500,50', 'the draft survives a reload');
      await page.getByRole('button', { name: 'Tambah rincian' }).click();
      await page.getByRole('cell', { name: '10 sekolah x 20 rim' }).waitFor();
      assert.match(await page.getByTestId('doc-total').innerText(), /Rp 12\.765\.111,00/);
      assert.equal(await page.getByLabel('Harga satuan').inputValue(), '', 'the form is cleared once the API took it');
      await visit('document-with-item', { readme: 'planner' });
      await page.getByRole('button', { name: 'Ajukan' }).click();
      await page.getByText('SUBMITTED', { exact: true }).first().waitFor();
      await visit('document-submitted');
      await nav(page, 'Rencana kas');
      await page.getByRole('heading', { name: 'Rencana kas 2026' }).waitFor();
      await page.getByRole('table', { name: 'Rencana kas' }).getByRole('row').nth(1).waitFor();
      await visit('cash-plans');
    },
  },
  {
    name: 'budget verifier: the queue, the review and the approval',
    slug: '03-verifier',
    async run({ page, base, visit }) {
      await login(page, base, 'verifier');
      await visit('home');
      await nav(page, 'Dokumen anggaran (RKA/DPA)');
      await page.getByRole('heading', { name: 'Antrian verifikasi' }).waitFor();
      await page.getByRole('link', { name: /Buka 1\.01\.02\.1\.01\.0003/ }).click();
      await page.getByRole('heading', { name: /1\.01\.02\.1\.01\.0003/ }).waitFor();
      await page.getByTestId('review-flags').waitFor();
      assert.match(await page.getByTestId('review-flags').innerText(), /ABOVE_CATALOGUE_PRICE/);
      await visit('review', { readme: 'budget-verifier' });
      await page.getByRole('button', { name: 'Setujui' }).click();
      await page.getByRole('heading', { name: /^DPA 1\.01\.02\.1\.01\.0003/ }).waitFor();
      await page.getByRole('cell', { name: 'SUBMITTED → APPROVED' }).waitFor();
      await visit('approved');
    },
  },
  {
    name: 'one LS payment from SPD and SPP to SP2D across the treasurer, the finance officer, the budget user and the cash authority',
    slug: '04-ls-payment',
    async run({ page, base, visit }) {
      await login(page, base, 'cash-authority');
      await visit('home');
      await nav(page, 'Pembayaran (SPD, SPP, SPM, SP2D)');
      await page.getByRole('form', { name: 'SPD baru' }).waitFor();
      await pick(page, 'Bulan', null, 'Desember');
      await pick(page, 'Rekening belanja', '5.1.02', /5\.1\.02/);
      // a text that is not an amount is refused by the field itself; more than the cash plan, by the API with its arithmetic
      await page.getByLabel('Nilai').fill('12.50');
      await page.getByLabel('Nilai').blur();
      await page.getByText('Tulis nilai seperti 1.250.000,50').waitFor();
      await page.getByLabel('Nilai').fill('999.999.999.999');
      await page.getByRole('button', { name: 'Buat' }).click();
      await page.getByRole('alert').filter({ hasText: '422 EXCEEDS_CASH_PLAN' }).waitFor();
      assert.match(await page.getByTestId('problem-detail').innerText(), /requested 999999999999\.00 > cash plan to date [\d.]+ - earlier SPDs [\d.]+ = [\d.]+/);
      await visit('spd-refused');
      await page.getByLabel('Nilai').fill('5.000.000');
      await page.getByRole('button', { name: 'Buat' }).click();
      await page.getByRole('button', { name: /^Setujui SPD/ }).waitFor();
      await visit('spd-draft');
      await login(page, base, 'cash-authority-2');
      await page.goto(`${base}/#/payments/spd`);
      await page.getByRole('button', { name: /^Setujui SPD/ }).click();
      await page.getByText('APPROVED', { exact: true }).first().waitFor();

      await login(page, base, 'treasurer-a');
      await visit('home');
      await page.goto(`${base}/#/payments/spp`);
      await pick(page, 'Rekening belanja', '5.1.02', /5\.1\.02/);
      await page.getByTestId('availability').waitFor();
      const arithmetic = /SPD (Rp [\d.]+,\d\d) − Realisasi (Rp [\d.]+,\d\d) − Komitmen (Rp [\d.]+,\d\d) = (Rp [\d.]+,\d\d)/.exec(await page.getByTestId('availability').innerText());
      assert.ok(arithmetic, 'the availability arithmetic is shown before the SPP is made');
      const [allotted, disbursed, committed, room] = arithmetic.slice(1).map(sen);
      assert.equal(room, allotted - disbursed - committed);
      await page.getByLabel('Nilai').fill('1.000.000,55');
      await page.getByLabel('Keperluan').fill('Pengadaan ATK sekolah');
      await page.getByLabel(/^Penerima( \*)?$/).fill('CV Maju Jaya');
      await page.getByLabel('Nama bank').fill('Bank Jateng');
      await page.getByLabel('Nomor rekening').fill('1234567890');
      // a field the API refuses gets the API's message under it
      await page.getByRole('textbox', { name: 'NPWP' }).fill('12345');
      await page.getByRole('button', { name: 'Buat' }).click();
      await page.locator('input[aria-invalid="true"]').first().waitFor();
      assert.equal(await page.getByRole('textbox', { name: 'NPWP' }).getAttribute('aria-invalid'), 'true');
      await visit('spp-field-error');
      await page.getByRole('textbox', { name: 'NPWP' }).fill('012345678901000');
      await page.getByRole('checkbox', { name: 'Penerima PKP (terdaftar PPN)' }).check();
      await page.getByRole('checkbox', { name: 'PPN', exact: true }).check();
      await page.getByRole('checkbox', { name: 'PPH23' }).check();
      const after = /Nilai Rp 1\.000\.000,55 → Sisa (Rp [\d.]+,\d\d)/.exec(await page.getByTestId('availability').innerText());
      assert.equal(sen(after[1]), room - 100000055n);
      await visit('spp-form', { readme: 'treasurer' });
      await page.getByRole('button', { name: 'Buat' }).click();
      const submit = page.getByRole('button', { name: /^Ajukan SPP/ });
      await submit.waitFor();
      state.sppNumber = (await submit.innerText()).replace(/^Ajukan\s*/, '').trim();
      await page.getByRole('row').filter({ hasText: state.sppNumber }).getByRole('cell', { name: 'Rp 981.982,55' }).waitFor(); // net of PPh 23 on the DPP, PPN not collected up to Rp 2.000.000
      await submit.click();
      await page.getByText('SUBMITTED', { exact: true }).first().waitFor();
      await visit('spp-submitted');

      await login(page, base, 'finance-officer-a');
      await visit('home');
      await page.goto(`${base}/#/payments/spp`);
      await page.getByRole('button', { name: `Verifikasi & buat SPM ${state.sppNumber}` }).click();
      await page.getByText('VERIFIED', { exact: true }).first().waitFor();
      await visit('spp-verified', { readme: 'finance-officer' });

      await login(page, base, 'budget-user-a');
      await visit('home');
      await page.goto(`${base}/#/payments/spm`);
      await page.getByRole('row').filter({ hasText: state.sppNumber }).getByRole('button', { name: /^Terbitkan SPM/ }).click();
      await page.getByText('APPROVED', { exact: true }).first().waitFor();
      await visit('spm-issued', { readme: 'budget-user' });

      await login(page, base, 'cash-authority');
      await page.goto(`${base}/#/payments/sp2d`);
      await page.getByRole('row').filter({ hasText: state.sppNumber }).getByRole('button', { name: /^Terbitkan SP2D/ }).click();
      const sp2d = page.getByRole('table', { name: 'SP2D' }).getByRole('row').filter({ hasText: 'CV Maju Jaya' }).last();
      await sp2d.waitFor();
      state.sp2dNumber = (await sp2d.getByRole('cell').first().innerText()).trim();
      assert.match(state.sp2dNumber, /SP2D/);
      assert.match(await sp2d.innerText(), /Rp 1\.000\.000,55/);
      // every status badge shows its whole word in the tables' narrow columns (they were cut to "APPR..." and "I...")
      const cut = await page.locator('.mantine-Badge-label').evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth).map((l) => l.textContent));
      assert.deepEqual(cut, []);
      assert.ok(await sp2d.getByText('ISSUED', { exact: true }).isVisible());
      await visit('sp2d-issued', { readme: 'cash-authority' });

      await login(page, base, 'treasurer-a');
      await page.goto(`${base}/#/payments/spp`);
      await page.getByRole('row', { name: new RegExp(state.sppNumber.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')) }).getByText('PAID').waitFor();
    },
  },
  {
    name: 'treasurer: the cash book with its running balance shows the SP2D',
    slug: '05-cash-book',
    async run({ page, base, visit }) {
      await login(page, base, 'treasurer-a');
      await nav(page, 'Buku Kas Umum (BKU)');
      await page.getByRole('heading', { name: /Buku Kas Umum \(BKU\) 2026/ }).waitFor();
      await page.getByRole('table', { name: 'Buku Kas Umum (BKU)' }).getByRole('row').nth(1).waitFor();
      const rows = await page.getByRole('table', { name: 'Buku Kas Umum (BKU)' }).getByRole('row').allInnerTexts();
      assert.ok(rows.some((r) => r.includes('Rp 1.000.000,55')), 'the SP2D is in the book');
      for (const b of await page.getByTestId('bku-balance').allInnerTexts()) assert.match(b, /^Rp \d{1,3}(\.\d{3})*,\d{2}$/, 'every balance is a non-negative Rupiah amount');
      await visit('bku');
      await nav(page, 'Bukti & SPJ');
      await page.getByRole('heading', { name: /Bukti & SPJ/ }).waitFor();
      await visit('receipts');
    },
  },
  {
    name: 'project officer: contracts, termins and progress',
    slug: '06-contracts',
    async run({ page, base, visit }) {
      await login(page, base, 'project-officer-a');
      await visit('home');
      await nav(page, 'Kontrak');
      await page.getByRole('heading', { name: /Kontrak 2026/ }).waitFor();
      await visit('contracts');
      const open = page.getByRole('link', { name: /^Buka / }).first();
      if (await open.count()) {
        await open.click();
        await page.getByRole('heading', { name: 'Termin' }).waitFor();
        await visit('contract', { readme: 'project-officer' });
      }
    },
  },
  {
    name: 'auditor: the audit trail, its verification, and the budget lines with their ledger entries',
    slug: '07-auditor',
    async run({ page, base, visit }) {
      await login(page, base, 'auditor');
      await visit('home');
      await nav(page, 'Jejak audit');
      await page.getByRole('cell', { name: 'SP2D.ISSUE' }).first().waitFor();
      await page.getByRole('button', { name: 'Verifikasi jejak audit' }).click();
      await page.getByTestId('verify-result').waitFor();
      assert.match(await page.getByTestId('verify-result').innerText(), /Jejak audit utuh/);
      await visit('audit-verified', { readme: 'auditor' });
      await nav(page, 'Laporan');
      await page.getByRole('heading', { name: /Laporan 2026/ }).waitFor();
      await page.getByRole('table', { name: 'Rekening belanja' }).getByRole('row').nth(1).waitFor();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Unduh XLSX' }).click();
      assert.match((await download).suggestedFilename(), /\.xlsx$/);
      await visit('reports');
    },
  },
];

// The daily work pages (issue 14): a payment document's history, the work
// waiting on the home page, the revenue treasurer's STS, packages and S-curves.
const bearer = (page, path, method = 'GET') => page.evaluate(async ([p, m]) => {
  const headers = { authorization: `Bearer ${sessionStorage.getItem('grms.token')}` };
  if (m !== 'GET') headers['content-type'] = 'application/json';
  const r = await fetch(`/api/v1${p}`, { method: m, headers, body: m === 'GET' ? undefined : '{}' });
  return r.json();
}, [path, method]);
const waiting = (page, label) => page.getByRole('region', { name: label }).getByTestId('waiting-count');
const waitingCount = async (page, label) => {
  const text = waiting(page, label);
  await text.filter({ hasNotText: '…' }).waitFor();
  return text.innerText();
};

flows.push(
  {
    name: 'a payment document\'s history after the LS payment: who did what when, for the treasurer, and with its audit events for the auditor',
    slug: '08-doc-history',
    async run({ page, base, visit }) {
      assert.ok(state.sppNumber, 'the LS payment flow ran first');
      await login(page, base, 'treasurer-a');
      await page.goto(`${base}/#/payments/spp`);
      await page.getByRole('link', { name: state.sppNumber, exact: true }).click();
      const history = page.getByTestId('doc-history');
      await history.getByText('SP2D diterbitkan').waitFor();
      const text = await history.innerText();
      assert.match(text, /Dibuat — treasurer-a, \d+ \w+ 2026/);
      assert.match(text, /Diverifikasi — finance-officer-a/);
      assert.match(text, /Dibuat — finance-officer-a/, 'the SPM the finance officer drafted');
      assert.match(text, /Disetujui \/ diterbitkan — budget-user-a/, 'the SPM the budget user issued');
      assert.match(text, /SP2D diterbitkan — .*\(cash-authority\)/);
      await visit('spp-history');
      const sppPage = page.url();
      await history.getByRole('link', { name: /^SP2D / }).click();
      await page.getByRole('heading', { name: new RegExp(`^SP2D ${state.sp2dNumber.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`) }).waitFor();
      await page.getByTestId('doc-history').getByRole('link', { name: `SPP ${state.sppNumber}` }).waitFor();
      await visit('sp2d-history');
      await login(page, base, 'auditor');
      await page.goto(sppPage);
      const events = page.getByRole('table', { name: 'Peristiwa jejak audit dokumen ini' });
      await events.getByRole('cell', { name: 'SPP.VERIFY' }).waitFor();
      const actions = await events.locator('tbody tr td:nth-child(3)').allInnerTexts();
      assert.deepEqual(actions, ['SPP.CREATE', 'SPP.SUBMIT', 'SPP.VERIFY'], 'the SPP\'s own audit events, oldest first');
      await visit('spp-audit-events');
    },
  },
  {
    name: 'the budget user\'s home page counts the work waiting as the API does (critical contracts, overdue TU advances), each count a link to its list',
    slug: '09-home-counts',
    async run({ page, base, visit }) {
      await login(page, base, 'budget-user-a');
      const critical = (await bearer(page, '/controlling/packages?fiscalYear=2026&status=CRITICAL&limit=1')).meta.total;
      assert.ok(critical > 0, 'the demo has critical contracts');
      assert.equal(await waitingCount(page, 'Kontrak kritis'), String(critical));
      const sp2ds = (await bearer(page, '/penatausahaan/sp2d?fiscalYear=2026&status=ISSUED&limit=500')).data;
      assert.equal(await waitingCount(page, 'Uang TU lewat batas pertanggungjawaban'), String(sp2ds.filter((x) => x.accountOverdue).length));
      await visit('budget-user-home');
      await page.getByRole('link', { name: 'Buka Kontrak kritis' }).click();
      const table = page.getByRole('table', { name: 'Kontrak kritis' });
      await table.getByRole('row').nth(1).waitFor();
      assert.equal(await table.locator('tbody tr').count(), critical, 'the count links to the list it counts');
      await visit('critical-contracts');
    },
  },
  {
    name: 'revenue treasurer: an STS recorded, in the list, in the revenue cash book with its running balance, and counted on the home page',
    slug: '10-revenue',
    async run({ page, base, visit }) {
      await login(page, base, 'revenue-treasurer-a');
      const before = Number(await waitingCount(page, 'STS tahun ini'));
      assert.ok(before >= 3, 'the demo\'s deposits are counted');
      await visit('home');
      await nav(page, 'Penerimaan (STS)');
      await page.getByRole('form', { name: 'STS baru' }).waitFor();
      await pick(page, 'Rekening pendapatan', '4.1.02', /4\.1\.02\.02\.01\.004 .*Retribusi Jasa Usaha/);
      await page.getByLabel(/^Nilai( \*)?$/).fill('2.500.000,50');
      await page.getByLabel(/^Penyetor( \*)?$/).fill('SMA Negeri 5 Semarang');
      await page.getByLabel(/^Uraian( \*)?$/).fill('Retribusi pemakaian laboratorium November 2026');
      await page.getByRole('button', { name: 'Buat' }).click();
      await page.getByRole('table', { name: 'STS' }).getByRole('row').filter({ hasText: 'SMA Negeri 5 Semarang' }).waitFor();
      const book = page.getByRole('table', { name: 'BKU penerimaan' });
      await book.getByRole('row').filter({ hasText: 'SMA Negeri 5 Semarang' }).waitFor();
      const rows = await book.locator('tbody tr').allInnerTexts();
      assert.ok(rows.some((r) => r.includes('Rp 2.500.000,50')) && rows.some((r) => r.includes('-Rp 2.500.000,50')), 'received, then deposited');
      const balances = await page.getByTestId('revenue-balance').allInnerTexts();
      assert.equal(balances.at(-1), 'Rp 0,00', 'everything received was deposited');
      assert.equal(await page.getByTestId('revenue-held').innerText(), 'Rp 0,00');
      assert.equal(await page.getByLabel(/^Penyetor( \*)?$/).inputValue(), '', 'the form is cleared once the API took it');
      await visit('sts-recorded', { readme: 'revenue-treasurer' });
      await nav(page, 'Beranda');
      // the home page refetches its counts: the new STS is counted (a wrong count times out here)
      await waiting(page, 'STS tahun ini').filter({ hasText: new RegExp(`^${before + 1}$`) }).waitFor({ timeout: 10_000 });
    },
  },
  {
    name: 'planner: packages with their funding sources by name and an S-curve per contract against the plan; project officer: progress with evidence; supervisor: its verification on the curve; monitoring verifier: the realisations to verify',
    slug: '11-packages',
    async run({ page, base, visit }) {
      await login(page, base, 'planner-a');
      await nav(page, 'Paket pengadaan');
      const list = page.getByRole('table', { name: 'Paket pengadaan' });
      await list.getByRole('row').filter({ hasText: 'PKT/2026/000001' }).getByText('Dana Alokasi Umum').waitFor();
      await visit('packages');
      await page.getByRole('link', { name: 'Kurva S PKT/2026/000001' }).click();
      const curve = page.locator('[data-testid="scurve"][aria-label^="KTR/001/"]:not([aria-label$="—"])');
      await curve.waitFor(); // once its progress reports are read
      assert.match(await curve.getAttribute('aria-label'), /^KTR\/001\/DISDIKBUD\/2026: Rencana [\d.]+%; Realisasi: 2026-04-30 10\.00%, 2026-05-31 25\.00%, 2026-06-30 40\.00%$/);
      await page.getByText('Tabel kurva S').first().click();
      const june = page.getByRole('table', { name: /^Tabel kurva S: KTR\/001/ }).getByRole('row', { name: /^Juni / });
      assert.equal(await june.locator('td').nth(2).innerText(), '40.00', 'the latest report by the end of June');
      assert.equal(await june.locator('td').nth(1).innerText(), (await bearer(page, '/project-planning/packages?fiscalYear=2026&limit=100')).data.find((x) => x.code === 'PKT/2026/000001').physicalPlan[5], 'June\'s plan is the package\'s');
      await visit('package-scurve');
      // the planner resubmits the demo's rejected realisation (the web app has no realisation entry yet: through the API)
      const rejected = (await bearer(page, '/monev/indicators?fiscalYear=2026&limit=500')).data.flatMap((i) => i.realizations).find((r) => r.status === 'REJECTED');
      assert.ok(rejected, 'the demo has a rejected realisation');
      assert.equal((await bearer(page, `/monev/realizations/${rejected.id}/submit`, 'POST')).status, 'SUBMITTED');
      // the project officer reports progress with two evidence references; the supervisor verifies it
      await login(page, base, 'project-officer-a');
      await nav(page, 'Kontrak');
      await page.getByRole('table', { name: 'Kontrak kritis' }).getByRole('link', { name: 'KTR/001/DISDIKBUD/2026' }).click();
      const form = page.getByRole('form', { name: 'Laporkan kemajuan' });
      await form.getByLabel('Persen kumulatif').fill('45');
      const evidence = form.getByLabel('Bukti dukung (nomor MC, nama berkas foto)');
      await evidence.fill('MC-04/2026');
      await evidence.press('Enter');
      await evidence.fill('foto-progres-november.zip');
      await evidence.press('Enter');
      await form.getByRole('button', { name: 'Simpan' }).click();
      const reported = page.getByRole('table', { name: 'Kemajuan' }).getByRole('row').filter({ hasText: '45.00%' });
      await reported.getByText('SUBMITTED').waitFor();
      assert.deepEqual(await reported.getByRole('listitem').allInnerTexts(), ['MC-04/2026', 'foto-progres-november.zip']);
      await visit('progress-reported');
      await login(page, base, 'supervisor-a');
      await nav(page, 'Kontrak');
      await page.getByRole('table', { name: 'Kontrak kritis' }).getByRole('link', { name: 'KTR/001/DISDIKBUD/2026' }).click();
      await page.locator('[data-testid="scurve"][data-plan="package"]').waitFor(); // the package's plan, not the straight line
      await page.getByRole('table', { name: 'Kemajuan' }).getByRole('row').filter({ hasText: '45.00%' }).getByRole('button', { name: /^Verifikasi / }).click();
      await page.getByRole('table', { name: 'Kemajuan' }).getByRole('row').filter({ hasText: '45.00%' }).getByText('VERIFIED').waitFor();
      await page.locator('[data-testid="scurve"][aria-label*="40.00%, 2026-"][aria-label$=" 45.00%"]').waitFor(); // the report on the curve
      await visit('contract-scurve', { readme: 'supervisor' });
      await login(page, base, 'monev-verifier');
      const queue = (await bearer(page, '/monev/indicators?fiscalYear=2026&limit=500')).data.flatMap((i) => i.realizations).filter((r) => r.status === 'SUBMITTED').length;
      assert.ok(queue >= 1, 'the resubmitted realisation waits');
      assert.equal(await waitingCount(page, 'Realisasi indikator menunggu verifikasi'), String(queue));
      await page.getByRole('link', { name: 'Buka Realisasi indikator menunggu verifikasi' }).click();
      await page.getByRole('heading', { name: 'Realisasi indikator 2026' }).waitFor();
      const rows = page.getByRole('table', { name: 'Realisasi indikator' }).locator('tbody tr');
      await rows.first().waitFor();
      assert.equal(await rows.count(), queue);
      await visit('monev-queue', { readme: 'monev-verifier' });
      await rows.filter({ hasText: `TW ${rejected.quarter}` }).first().getByRole('button', { name: /^Verifikasi / }).click();
      await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Realisasi indikator"] table tbody tr').length < n, queue);
      const after = (await bearer(page, '/monev/indicators?fiscalYear=2026&limit=500')).data.flatMap((i) => i.realizations).find((r) => r.id === rejected.id);
      assert.equal(after.status, 'VERIFIED');
    },
  },
);

// The fiscal year of the session (decision 0518): the working year is the
// API's year in EXECUTION, the year picked in the header is asked of the API
// by every page and kept through a reload, the e-HSB catalogue takes the year
// in PLANNING while the session has picked none.
const sessionYear = (page) => page.getByTestId('session-year');
const asked = (page, path, year) => page.waitForResponse((r) => r.url().includes(`/api/v1${path}?`) && new URL(r.url()).searchParams.get('fiscalYear') === String(year));

flows.push(
  {
    name: 'the fiscal year of the session: the year in execution by default, the year picked in the header followed by every page and kept through a reload',
    slug: '12-fiscal-year',
    async run({ page, base, visit }) {
      const years = (await (await fetch(`${base}/api/v1/fiscal-years?limit=100`, { headers: { authorization: `Bearer ${(await (await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'auditor', password: PASSWORD }) })).json()).accessToken}` } })).json()).data;
      const execution = years.find((y) => y.status === 'EXECUTION').year;
      const planning = years.find((y) => y.status === 'PLANNING').year;
      assert.notEqual(execution, planning);
      await login(page, base, 'auditor');
      assert.equal(await sessionYear(page).inputValue(), String(execution));
      await nav(page, 'Laporan');
      await page.getByRole('heading', { name: `Laporan ${execution}` }).waitFor();
      // the header's year: the page asks the API for that year's lines
      const lines = asked(page, '/budget-lines', planning);
      await pick(page, 'Tahun kerja', null, String(planning));
      await lines;
      await page.getByRole('heading', { name: `Laporan ${planning}` }).waitFor();
      await visit('reports-planning-year');
      // another page follows the same year, and a reload keeps it
      const lra = asked(page, '/reports/lra', planning);
      await page.getByRole('navigation').getByRole('link', { name: 'LRA', exact: true }).click();
      await lra;
      await page.getByRole('heading', { name: `Laporan Realisasi Anggaran (LRA) ${planning}` }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: `Laporan Realisasi Anggaran (LRA) ${planning}` }).waitFor();
      assert.equal(await sessionYear(page).inputValue(), String(planning));
      // the report page's own year picker is the session's: back to the working year everywhere
      await pick(page, 'Tahun anggaran', null, String(execution));
      await page.getByRole('heading', { name: `Laporan Realisasi Anggaran (LRA) ${execution}` }).waitFor();
      assert.equal(await sessionYear(page).inputValue(), String(execution));
      await visit('lra-working-year');
      // the price team's catalogue is the planning year's while the session has picked no year
      await login(page, base, 'price-admin');
      await page.getByRole('link', { name: `Buka Item katalog ${planning} belum dikunci` }).waitFor();
      await page.goto(`${base}/#/hsb`);
      await page.getByRole('heading', { name: `Katalog e-HSB ${planning}` }).waitFor();
    },
  },
);
