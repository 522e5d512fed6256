import { LedgerKind, LedgerService } from '@grms/budget';
import { Money, TransactionService } from '@grms/core';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { TestApp } from './test-app';

// Fixtures for the e-monev end-to-end specs.

/** Posts one dated ledger movement on a line (as budget's ledger service would for a document of that date). */
export async function postDated(t: TestApp, lineId: string, kind: LedgerKind, amount: string, valueDate: string): Promise<void> {
  await t.app.get(TransactionService).run((m) => t.app.get(LedgerService).post(m, [{ budgetLineId: lineId, kind, amount: Money.of(amount), sourceType: 'TestFixture', sourceId: 'e2e-monev', valueDate }]));
}

/** 2026's entry windows open until 2099 (so the specs do not depend on today's date); with closeFirst, TW I closed on its default day. */
export async function openWindows(t: TestApp, closeFirst = false): Promise<void> {
  const res = await t.put('/monev/settings/2026', { deadlines: [closeFirst ? '2026-04-10' : '2099-12-31', '2099-12-31', '2099-12-31', '2099-12-31'], regulation: 'test: windows held open' }, 'admin');
  if (res.status !== 200) throw new Error(`monev settings: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Creates, submits and (unless told otherwise) verifies a realisation; returns its id. */
export async function realize(t: TestApp, indicatorId: string, quarter: number, value: string, decide: 'verify' | 'reject' | 'none' = 'verify', user = 'planner-a'): Promise<string> {
  const r = await t.post(`/monev/indicators/${indicatorId}/realizations`, { quarter, value, evidence: `bukti TW ${quarter}` }, user);
  if (r.status !== 201) throw new Error(`realization: ${r.status} ${JSON.stringify(r.body)}`);
  const s = await t.post(`/monev/realizations/${r.body.id}/submit`, {}, user);
  if (s.status !== 200) throw new Error(`submit: ${s.status} ${JSON.stringify(s.body)}`);
  if (decide !== 'none') {
    const d = await t.post(`/monev/realizations/${r.body.id}/${decide}`, decide === 'reject' ? { reason: 'bukti kurang' } : {}, 'monev-verifier');
    if (d.status !== 200) throw new Error(`${decide}: ${d.status} ${JSON.stringify(d.body)}`);
  }
  return r.body.id;
}

/**
 * The budget columns recomputed from the ledger entries through the API: every
 * expenditure line of the OPD on the code or under it, APPROPRIATION as posted
 * (this year's budget) and DISBURSEMENT per quarter of value date, in sen.
 */
export async function ledgerColumns(t: TestApp, organizationId: string, code: string, quarter: number): Promise<{ appropriated: string; perQuarter: string[] }> {
  const lines = (await t.get(`/budget-lines?fiscalYear=2026&organizationId=${organizationId}&limit=500`, 'auditor')).body.data as { id: string; subActivityCode: string; accountCode: string }[];
  // code '' : every line of the OPD
  const mine = lines.filter((l) => (code === '' || l.subActivityCode === code || l.subActivityCode.startsWith(`${code}.`)) && l.accountCode.startsWith('5.'));
  let appropriated = 0n;
  const per = [0n, 0n, 0n, 0n];
  const end = ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'][quarter - 1];
  const sen = (a: string) => BigInt(a.replace('.', ''));
  for (const l of mine) {
    for (let page = 1; ; page++) {
      const res = await t.get(`/budget-lines/${l.id}/entries?limit=500&page=${page}`, 'auditor');
      for (const e of res.body.data as { kind: string; amount: string; valueDate: string }[]) {
        if (e.kind === 'APPROPRIATION') appropriated += sen(e.amount);
        if (e.valueDate > end) continue;
        // before the year counts in TW I
        if (e.kind === 'DISBURSEMENT') per[e.valueDate < '2026-01-01' ? 0 : Math.ceil(Number(e.valueDate.slice(5, 7)) / 3) - 1] += sen(e.amount);
      }
      if (page * 500 >= res.body.meta.total) break;
    }
  }
  const money = (v: bigint) => { const s = (v < 0n ? -v : v).toString().padStart(3, '0'); return `${v < 0n ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`; };
  return { appropriated: money(appropriated), perQuarter: per.map((v, i) => (i < quarter ? money(v) : '')) };
}

/** The rows of the first sheet of an XLSX download, as strings. */
export async function xlsxRows(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((row) => { rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))); });
  return rows;
}

/** `path` with `&format=xlsx` as `user`: its status and the file's bytes. */
export async function xlsxDownload(t: TestApp, path: string, user: string): Promise<{ status: number; body: Buffer }> {
  const x = await request(t.app.getHttpServer()).get(`/api/v1${path}&format=xlsx`).set('Authorization', `Bearer ${await t.token(user)}`).buffer(true)
    .parse((res, cb) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => cb(null, Buffer.concat(chunks))); });
  return { status: x.status, body: x.body as Buffer };
}

/** The CSV and XLSX downloads of an evaluation query, each as rows keyed by header. */
export async function evaluationFiles(t: TestApp, query: string, user = 'auditor'): Promise<{ csv: Record<string, string>[]; xlsx: Record<string, string>[] }> {
  const csv = await t.get(`${query}&format=csv`, user);
  if (csv.status !== 200) throw new Error(`csv: ${csv.status} ${csv.text}`);
  const x = await xlsxDownload(t, query, user);
  if (x.status !== 200) throw new Error(`xlsx: ${x.status}`);
  const [header, ...lines] = await xlsxRows(x.body);
  return { csv: parse(csv.text, { columns: true }) as Record<string, string>[], xlsx: lines.map((l) => Object.fromEntries(header.map((h, i) => [h, l[i] ?? '']))) };
}
