import { allottedLine, approvedSpm, ledgerClean, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// Taxes on the right base, as a treasurer sees them on an LS SPP: the DPP of
// a VAT-inclusive gross, the minimum below which nothing is collected, PPh
// 4(2) by the contractor's qualification, the surcharge without NPWP.
describe('e-penatausahaan: taxes withheld on the right base', () => {
  let t: TestApp;
  let orgA: string;
  let line: string;
  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.orgId('A');
    line = await allottedLine(t, '120000000.00', '60000000.00');
  });
  afterAll(async () => { await t.close(); });

  const spp = (gross: string, taxes: string[], payee: Record<string, unknown> = {}) => t.post('/penatausahaan/spp', {
    type: 'LS', lsSubtype: 'GOODS_SERVICES', purpose: 'Pengadaan laptop', organizationId: orgA,
    lines: [{ budgetLineId: line, amount: gross }], payee: { ...SUPPLIER, ...payee }, taxes: taxes.map((code) => ({ code })),
  }, 'treasurer-a');
  const pick = (body: { taxes: { code: string; base: string; baseAmount: string; rate: string; amount: string }[] }) =>
    body.taxes.map((x) => [x.code, x.base, x.baseAmount, x.rate, x.amount]);

  it('Rp10,000,000.00 incl. VAT withholds PPN 990,990 and PPh 22 135,135 of the DPP 9,009,009; the supplier gets 8,873,875', async () => {
    const res = await spp('10000000.00', ['PPN', 'PPH22']);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ gross: '10000000.00', dpp: '9009009.00', taxesTotal: '1126125.00', net: '8873875.00', purpose: 'Pengadaan laptop', lsSubtype: 'GOODS_SERVICES' });
    expect(pick(res.body)).toEqual([['PPH22', 'DPP', '9009009.00', '1.5000', '135135.00'], ['PPN', 'DPP', '9009009.00', '11.0000', '990990.00']]);
    // paid: the ledger takes the gross, the payee the net, and the stored SPP still answers the same
    const { spmId } = await approvedSpm(t, { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: line, amount: '10000000.00' }], payee: SUPPLIER, taxes: [{ code: 'PPN' }, { code: 'PPH22' }] });
    const bad = await t.post('/penatausahaan/sp2d', { spmId, taxDeposits: [{ code: 'PPH23', billingCode: '820260300000009', ntpn: 'E2E0TAX0PPH23000' }] }, 'cash-authority');
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'taxDeposits.0.code']);
    const issued = await t.post('/penatausahaan/sp2d', { spmId, taxDeposits: [{ code: 'PPN', billingCode: '820260300000010', ntpn: 'E2E0TAX0PPN00001' }] }, 'cash-authority');
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ gross: '10000000.00', net: '8873875.00', deductions: { PPN: '990990.00', PPH22: '135135.00' }, deductionsTotal: '1126125.00', lsSubtype: 'GOODS_SERVICES' });
    // the taxes are received and deposited on the SP2D's day: no tax balance left in the treasurer's book from it
    const bku = (await t.get(`/penatausahaan/bku?organizationId=${orgA}&fiscalYear=2026`, 'treasurer-a')).body;
    const tax = bku.entries.filter((e: { documentNumber: string; subLedger: string }) => e.documentNumber === issued.body.number && e.subLedger === 'TAX');
    expect(tax.map((e: { taxCode: string; receipt: string; expenditure: string }) => [e.taxCode, e.receipt, e.expenditure])).toEqual([
      ['PPH22', '135135.00', '0.00'], ['PPH22', '0.00', '135135.00'], ['PPN', '990990.00', '0.00'], ['PPN', '0.00', '990990.00']]);
    const deposits = (await t.get(`/penatausahaan/tax-deposits?organizationId=${orgA}&fiscalYear=2026`, 'auditor')).body.data
      .filter((d: { documentNumber: string }) => d.documentNumber === issued.body.number);
    expect(deposits.map((d: { taxCode: string; amount: string; ntpn: string | null }) => [d.taxCode, d.amount, d.ntpn])).toEqual([['PPH22', '135135.00', null], ['PPN', '990990.00', 'E2E0TAX0PPN00001']]);
    // the NTPN of PPh 22 arrives later, once
    const pph22 = deposits[0].id;
    const proof = await t.post(`/penatausahaan/tax-deposits/${pph22}/proof`, { billingCode: '820260300000011', ntpn: 'E2E0TAX0PPH22001' }, 'treasurer-a');
    expect(proof.body).toMatchObject({ billingCode: '820260300000011', ntpn: 'E2E0TAX0PPH22001' });
    expect((await t.post(`/penatausahaan/tax-deposits/${pph22}/proof`, { billingCode: '820260300000011', ntpn: 'E2E0TAX0PPH22002' }, 'treasurer-a')).body.code).toBe('DEPOSIT_ALREADY_PROVEN');
    expect((await t.post(`/penatausahaan/tax-deposits/${pph22}/proof`, { billingCode: '8202603', ntpn: 'x' }, 'cash-authority')).status).toBe(400);
    // the register carries purpose, subtype, deductions by type and names
    const reg = await t.get(`/penatausahaan/sp2d/register?fiscalYear=2026&organizationId=${orgA}&format=csv`, 'auditor');
    const rows = reg.text.trim().split('\r\n');
    expect(rows[0]).toBe('Nomor SP2D,Tanggal,Jenis,Nomor SPM,Nomor SPP,Kode OPD,OPD,LS,Penerima,Uraian,Bruto,Potongan PPN,Potongan PPH21,Potongan PPH22,Potongan PPH23,Potongan PPH4_2,Potongan lain,Netto,Status,Alasan batal,Diterbitkan oleh');
    expect(rows.find((r) => r.startsWith(issued.body.number))).toMatch(/,GOODS_SERVICES,CV Maju Jaya,,10000000\.00,990990\.00,0\.00,135135\.00,0\.00,0\.00,0\.00,8873875\.00,ISSUED,,/);
    await ledgerClean(t);
  });

  it('a purchase of Rp1,500,000.00 withholds neither PPN nor PPh 22, and says why', async () => {
    const res = await spp('1500000.00', ['PPN', 'PPH22']);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ taxesTotal: '0.00', net: '1500000.00' });
    expect(res.body.taxes.map((x: { amount: string; note: string }) => [x.amount, x.note])).toEqual([
      ['0.00', 'not collected: the gross 1500000.00 is at most 2000000.00'], ['0.00', 'not collected: the gross 1500000.00 is at most 2000000.00']]);
  });

  it('construction by an uncertified contractor withholds PPh 4(2) at 4% of the DPP; the row follows the qualification', async () => {
    const res = await spp('10000000.00', ['PPN', 'PPH4_2'], { qualification: 'UNCERTIFIED' });
    expect(res.status).toBe(201);
    expect(pick(res.body)).toEqual([['PPH4_2_UNCERTIFIED', 'DPP', '9009009.00', '4.0000', '360360.00'], ['PPN', 'DPP', '9009009.00', '11.0000', '990990.00']]);
    expect(res.body.payee).toMatchObject({ qualification: 'UNCERTIFIED', vatRegistered: true });
    const small = await spp('10000000.00', ['PPH4_2'], { qualification: 'SMALL' });
    expect(pick(small.body)).toEqual([['PPH4_2_SMALL', 'DPP', '9009009.00', '1.7500', '157657.00']]);
    const none = await spp('10000000.00', ['PPH4_2']);
    expect([none.status, none.body.code, none.body.errors?.[0]?.field]).toEqual([422, 'QUALIFICATION_REQUIRED', 'payee.qualification']);
    const wrong = await spp('10000000.00', ['PPH4_2_UNCERTIFIED'], { qualification: 'CERTIFIED' });
    expect([wrong.status, wrong.body.code]).toEqual([422, 'TAX_NOT_APPLICABLE']);
    expect(wrong.body.detail).toContain('takes PPH4_2 (2.6500%)');
  });

  it('withholds PPh 22 and PPh 23 at twice the rate from a payee without NPWP; PPN needs a VAT-registered payee', async () => {
    const res = await spp('10000000.00', ['PPH22', 'PPH23'], { npwp: undefined });
    expect(res.status).toBe(201);
    expect(res.body.taxes.map((x: { code: string; rate: string; surcharge: string; amount: string }) => [x.code, x.rate, x.surcharge, x.amount])).toEqual([
      ['PPH22', '3.0000', '100.0000', '270270.00'], ['PPH23', '4.0000', '100.0000', '360360.00']]);
    const notPkp = await spp('10000000.00', ['PPN'], { vatRegistered: false });
    expect([notPkp.status, notPkp.body.code, notPkp.body.errors[0].field]).toEqual([422, 'TAX_NOT_APPLICABLE', 'payee.vatRegistered']);
    // not VAT-registered: no VAT inside the price, the base is the gross
    const plain = await spp('10000000.00', ['PPH23'], { vatRegistered: false });
    expect(plain.body).toMatchObject({ dpp: '10000000.00', taxesTotal: '200000.00' });
    const payroll = await t.post('/penatausahaan/spp', { type: 'LS', lsSubtype: 'PAYROLL', organizationId: orgA, lines: [{ budgetLineId: line, amount: '5000000.00' }], payee: SUPPLIER, taxes: [{ code: 'PPH22' }] }, 'treasurer-a');
    expect([payroll.status, payroll.body.code]).toEqual([422, 'TAX_NOT_APPLICABLE']);
  });

  it('numbers documents per OPD, type and year without gaps, refused requests included', async () => {
    const all = (await t.get(`/penatausahaan/spp?organizationId=${orgA}&fiscalYear=2026&type=LS&limit=500`, 'auditor')).body.data as { number: string }[];
    const [{ code }] = await t.sql<{ code: string }>(`SELECT code FROM organizations WHERE id = $1`, [orgA]);
    expect(all.every((x) => x.number.startsWith(`SPP-LS/${code}/2026/`))).toBe(true);
    const counters = all.map((x) => Number(x.number.split('/').at(-1))).sort((a, b) => a - b);
    expect(counters).toEqual(counters.map((_, i) => i + 1)); // this file refused several SPPs on the way: no number lost
    const spm = (await t.get(`/penatausahaan/spm?organizationId=${orgA}&fiscalYear=2026&limit=500`, 'auditor')).body.data as { number: string }[];
    const ls = spm.filter((x) => x.number.startsWith('SPM-LS/')).map((x) => Number(x.number.split('/').at(-1))).sort((a, b) => a - b);
    expect(ls).toEqual(ls.map((_, i) => i + 1));
  });

  it('serves every rule of the table and lets ADMIN change one per year', async () => {
    const table = (await t.get('/tax-rates?fiscalYear=2026', 'treasurer-a')).body as { code: string }[];
    expect(table.find((r) => r.code === 'PPH22')).toMatchObject({ base: 'DPP', minGross: '2000000.00', noNpwpSurcharge: '100.0000', requiresPkp: false });
    expect(table.find((r) => r.code === 'PPH4_2_UNCERTIFIED')).toMatchObject({ rate: '4.0000', group: 'PPH4_2', qualifications: ['UNCERTIFIED'] });
    const put = await t.put('/tax-rates/2026/PPH23', { name: 'PPh 23, excluded on grants', rate: '2', excludedAccounts: ['5.1.05'] }, 'admin');
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ rate: '2.0000', base: 'DPP', noNpwpSurcharge: '100.0000', excludedAccounts: ['5.1.05'] });
    expect((await t.put('/tax-rates/2026/PPH23', { name: 'x', rate: '2', base: 'NET' }, 'admin')).status).toBe(400);
  });
});
