// The report pages in the browser (run after the flows of flows.mjs, against
// the same demo): the auditor's LRA with an XLSX download saved and read back
// and a figure drilled down to its ledger entries and SP2D; the RFK of a past
// month, frozen, and a correction frozen by the monitoring team; the
// quarterly evaluation with its bands; e-controlling's absorption, critical
// contracts and warnings; funding sources and the control card.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { login, pick } from './flows.mjs';

const shots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** "Rp 1.250.000,50", "-Rp 10,00", "(Rp 10,00)" -> sen as a BigInt, exactly. */
const sen = (text) => {
  const t = /-?\(?Rp [\d.]+,\d\d/.exec(text)?.[0];
  assert.ok(t, `an amount: ${text}`);
  const v = BigInt(t.replace(/[^\d]/g, ''));
  return t.startsWith('-') || t.startsWith('(') ? -v : v;
};
/** 6597500000n -> "65975000.00" */
const decimal = (s) => `${s < 0n ? '-' : ''}${(s < 0n ? -s : s) / 100n}.${String((s < 0n ? -s : s) % 100n).padStart(2, '0')}`;

const nav = (page, name) => page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name, exact: true }).click();

/** The cells of an LRA row, by the column headings of its table. */
async function lraRow(page, code) {
  const table = page.getByRole('table', { name: 'Laporan Realisasi Anggaran (LRA)' });
  const head = await table.getByRole('columnheader').allInnerTexts();
  const cells = await page.getByTestId(`lra-row-${code}`).getByRole('cell').allInnerTexts();
  return Object.fromEntries(head.map((h, i) => [h.trim(), cells[i]?.trim()]));
}

export const reportFlows = [
  {
    name: 'auditor: the LRA with its filters, an XLSX download saved and read back, and a figure drilled down to its budget lines, ledger entries and SP2D',
    slug: '08-lra',
    async run({ page, base, visit }) {
      await login(page, base, 'auditor');
      await nav(page, 'LRA');
      await page.getByRole('heading', { name: 'Laporan Realisasi Anggaran (LRA) 2026' }).waitFor();
      await page.getByTestId('lra-row-SILPA').waitFor();
      await page.getByTestId('lra-row-5.1.02').waitFor();
      // level 2: the jenis rows go, the statutory sections stay
      await pick(page, 'Tingkat rekening', null, '2');
      await page.getByTestId('lra-row-5.1.02').waitFor({ state: 'detached' });
      for (const s of ['Pendapatan', 'Belanja', 'Pembiayaan']) await page.getByRole('columnheader', { name: s, exact: true }).waitFor();
      const revenue = await lraRow(page, '4');
      const spending = await lraRow(page, '5');
      const surplus = await lraRow(page, 'SURPLUS');
      assert.equal(sen(surplus.Realisasi), sen(revenue.Realisasi) - sen(spending.Realisasi), 'SURPLUS/(DEFISIT) = pendapatan - belanja, as shown');
      assert.equal(sen(spending['Lebih/(kurang)']), sen(spending.Realisasi) - sen(spending.Anggaran), 'more/(less) = realisation - budget');
      await visit('lra', { readme: 'auditor-reports' });

      // the API's own XLSX, under the name of its Content-Disposition, read back
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Unduh XLSX' }).click();
      const file = await download;
      assert.match(file.suggestedFilename(), /^lra-2026-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const saved = join(shots, '08-lra.xlsx');
      await file.saveAs(saved);
      const bytes = readFileSync(saved);
      assert.ok(bytes.length > 1000, `a non-empty file (${bytes.length} bytes)`);
      assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004', 'an XLSX is a zip');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes);
      const sheet = book.worksheets[0];
      let found = null;
      sheet.eachRow((row) => { if (row.values.includes('BELANJA DAERAH')) found = row.values; });
      assert.ok(found, 'the XLSX has the BELANJA DAERAH row');
      const amounts = found.filter((v) => v !== undefined).map((v) => (typeof v === 'number' ? v.toFixed(2) : String(v)));
      assert.ok(amounts.includes(decimal(sen(spending.Realisasi))), `the XLSX carries the realisation shown (${decimal(sen(spending.Realisasi))}): ${amounts.join(', ')}`);

      // drill-down: the figure of akun 5 -> the budget lines behind it (their disbursements add up to it) -> a line's entries -> the SP2D
      await page.getByRole('button', { name: /Rincian angka 5$/ }).click();
      const panel = page.getByTestId('drill-panel');
      await panel.getByRole('heading', { name: /Rekening di balik angka: 5 BELANJA DAERAH/ }).waitFor();
      const lines = panel.getByRole('table').first();
      await lines.getByRole('row').nth(1).waitFor();
      const head = await lines.getByRole('columnheader').allInnerTexts();
      const col = head.findIndex((h) => h.trim() === 'Realisasi');
      const rows = await lines.getByRole('row').all();
      let total = 0n;
      for (const r of rows.slice(1)) total += sen(await r.getByRole('cell').nth(col).innerText());
      assert.equal(total, sen(spending.Realisasi), 'the lines behind the figure add up to it');
      await panel.getByRole('button', { name: /Entri buku besar 1\.01\.02\.1\.01\.0072 5\.1\.02/ }).click();
      const sp2d = panel.getByTestId('entry-document').filter({ hasText: /^SP2D-LS\// }).first();
      await sp2d.waitFor();
      await panel.getByRole('cell', { name: 'DISBURSEMENT' }).first().waitFor();
      await visit('lra-drill-down');
    },
  },
  {
    name: 'auditor and monitoring team: the RFK of a past month, frozen, and a correction frozen as version 2',
    slug: '09-rfk',
    async run({ page, base, visit }) {
      await login(page, base, 'auditor');
      await nav(page, 'RFK');
      await page.getByRole('heading', { name: 'Realisasi Fisik dan Keuangan (RFK) 2026' }).waitFor();
      await pick(page, 'Bulan', null, 'September');
      const state = page.getByTestId('rfk-state');
      await state.filter({ hasText: 'Per tanggal 2026-09-30' }).waitFor();
      assert.match(await state.innerText(), /Dibekukan: Versi 1 oleh admin/);
      await page.getByTestId('rfk-row-OPD').first().waitFor();
      await page.getByTestId('rfk-row-PACKAGE').filter({ hasText: 'CRITICAL' }).first().waitFor();
      assert.equal(await page.getByRole('button', { name: 'Bekukan RFK bulan ini' }).count(), 0, 'the auditor reads, does not freeze');
      await visit('rfk-september');

      await login(page, base, 'monev-verifier');
      await page.goto(`${base}/#/rfk`);
      await pick(page, 'Bulan', null, 'September');
      await page.getByTestId('rfk-state').filter({ hasText: 'Versi 1 oleh admin' }).waitFor();
      await page.getByLabel('Alasan koreksi (wajib untuk versi berikutnya)').fill('koreksi: laporan kemajuan September yang terlambat diverifikasi');
      await page.getByRole('button', { name: 'Bekukan RFK bulan ini' }).click();
      await page.getByRole('status').filter({ hasText: 'RFK dibekukan: Versi 2' }).waitFor();
      await page.getByTestId('rfk-state').filter({ hasText: 'Versi 2 oleh monev-verifier' }).waitFor();
      assert.match(await page.getByTestId('rfk-state').innerText(), /koreksi: laporan kemajuan September/);
      await visit('rfk-corrected');
    },
  },
  {
    name: 'auditor: the quarterly evaluation with its bands, e-controlling (absorption against the cash plan, critical contracts, warnings), funding sources and the control card',
    slug: '10-evaluation-controlling',
    async run({ page, base, visit }) {
      await login(page, base, 'auditor');
      await nav(page, 'Evaluasi kinerja (e-monev)');
      await page.getByRole('heading', { name: 'Evaluasi kinerja (e-monev) 2026' }).waitFor();
      await page.getByTestId('evaluation-row').first().waitFor();
      assert.ok(await page.getByTestId('evaluation-row').count() >= 2);
      await page.getByTestId('evaluation-row').getByText('Sangat tinggi').first().waitFor();
      const chart = page.getByRole('img', { name: /Capaian per indikator menurut predikat/ });
      await chart.waitFor();
      await page.getByTestId('bands-chart').getByText('Data grafik sebagai tabel').click();
      const alt = page.getByTestId('bands-chart').getByRole('table');
      assert.equal(await alt.getByRole('row').count() - 1, await page.getByTestId('evaluation-row').count(), 'the table alternative has a row per indicator');
      await visit('evaluation', { readme: 'monev' });

      await nav(page, 'Pengendalian (e-controlling)');
      await page.getByRole('heading', { name: 'Pengendalian (e-controlling) 2026' }).waitFor();
      await page.getByRole('img', { name: /Serapan per perangkat daerah terhadap rencana kas/ }).waitFor();
      await page.getByRole('table', { name: 'Serapan per OPD' }).getByRole('row', { name: /Dinas Pendidikan dan Kebudayaan/ }).waitFor();
      await visit('absorption');
      await page.getByRole('tab', { name: 'Kontrak kritis' }).click();
      await page.getByTestId('critical-row').first().waitFor();
      assert.match(await page.getByTestId('critical-row').first().innerText(), /CRITICAL/);
      await visit('critical-contracts');
      await page.getByRole('tab', { name: 'Peringatan dini' }).click();
      await page.getByTestId('warning-row').first().waitFor();
      // each kind is said in the page's language, its code beside it
      assert.match(await page.getByTestId('warning-row').filter({ hasText: 'ALLOTMENT_UNSPENT' }).first().innerText(), /SPD belum terserap/);
      await visit('warnings');

      await nav(page, 'Sumber dana & kartu kendali');
      await page.getByTestId('source-row').first().waitFor();
      await page.getByRole('row', { name: /Jumlah dana umum/ }).waitFor();
      await visit('funding-sources');
      await page.getByRole('tab', { name: 'Kartu kendali per sub kegiatan' }).click();
      await page.getByTestId('card-row').first().waitFor();
      await visit('control-card');
    },
  },
];
