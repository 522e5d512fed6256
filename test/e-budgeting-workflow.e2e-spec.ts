import { startTestApp, TestApp } from './support/test-app';

// A planner prices a budget from the catalogue, the verifier approves it, and
// approval posts the exact appropriation per budget line.
describe('e-budgeting workflow', () => {
  let t: TestApp;
  let orgA: string;
  let hard: { id: string };
  let estimate: { id: string };
  let docId: string;
  const SUB = '1.01.02.1.01.0003';

  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.orgId('A');
    hard = (await t.post('/hsb/items', { fiscalYear: 2027, code: 'T.SBU.HON', name: 'Honorarium narasumber', specification: 'eselon II, per jam', unit: 'OJ', price: '1000000', category: 'SBU', accountCodes: ['5.1.02.02.01.0004'], ceiling: 'HARD' }, 'price-admin')).body;
    estimate = (await t.post('/hsb/items', { fiscalYear: 2027, code: 'T.SSH.KONS', name: 'Konsumsi rapat', specification: 'nasi kotak', unit: 'Kotak', price: '40000', category: 'SSH', accountCodes: ['5.1.02.01.01.0024'], ceiling: 'ESTIMATE' }, 'price-admin')).body;
  });
  afterAll(async () => { await t.close(); });

  const item = (over: Record<string, unknown> = {}) => ({
    accountCode: '5.1.02.02.01.0004', fundingSourceCode: '1.1.1.01', hsbItemId: hard.id, description: 'Honorarium narasumber',
    coefficients: [{ quantity: '10', unit: 'orang' }, { quantity: '2', unit: 'jam' }], unitPrice: '1000000', vat: false, ...over,
  });

  it('drafts a MURNI document for a sub kegiatan of the planner\'s own OPD (the default organization)', async () => {
    const bad = await t.post('/budgeting/documents', { fiscalYear: 2027, organizationId: orgA, subActivityCode: '1.01.02', stage: 'MURNI' }, 'planner-a');
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('INVALID_SUB_ACTIVITY');
    const other = await t.post('/budgeting/documents', { fiscalYear: 2027, organizationId: await t.orgId('B'), subActivityCode: SUB, stage: 'MURNI' }, 'planner-a');
    expect(other.status).toBe(404);
    // the planner's own OPD is the default organization
    const res = await t.post('/budgeting/documents', { fiscalYear: 2027, subActivityCode: SUB, stage: 'MURNI' }, 'planner-a');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ organizationId: orgA, status: 'DRAFT', stage: 'MURNI', revision: 0, total: '0.00', items: [] });
    docId = res.body.id;
  });

  it('prices items from the catalogue and refuses a unit price above a HARD ceiling, naming both prices', async () => {
    const over = await t.post(`/budgeting/documents/${docId}/items`, item({ unitPrice: '1000000.01' }), 'planner-a');
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('EXCEEDS_HSB_CEILING');
    expect(over.body.detail).toContain('1000000.01');
    expect(over.body.detail).toContain('1000000.00');
    const ok = await t.post(`/budgeting/documents/${docId}/items`, item(), 'planner-a');
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ volume: '20', volumeUnit: 'orang-jam', subtotal: '20000000.00', vatAmount: '0.00', total: '20000000.00', hsbVersion: 1, hsbPrice: '1000000.00' });
  });

  it('takes the catalogue price as the unit price when none is given; without a catalogue item the unit price is required', async () => {
    const { unitPrice: _omit, ...noPrice } = item({ accountCode: '5.1.02.01.01.0024', hsbItemId: estimate.id, description: 'Konsumsi rapat' });
    const priced = await t.post(`/budgeting/documents/${docId}/items`, noPrice, 'planner-a');
    expect([priced.status, priced.body.unitPrice, priced.body.subtotal]).toEqual([201, '40000.00', '800000.00']);
    expect((await t.del(`/budgeting/documents/${docId}/items/${priced.body.id}`, 'planner-a')).status).toBe(204);
    const { hsbItemId: _none, ...free } = noPrice;
    const refused = await t.post(`/budgeting/documents/${docId}/items`, free, 'planner-a');
    expect([refused.status, refused.body.errors]).toEqual([400, [{ field: 'unitPrice', message: 'unitPrice is required' }]]);
  });

  it('needs a justification above an ESTIMATE and adds VAT at the fiscal year\'s rate', async () => {
    const body = item({ accountCode: '5.1.02.01.01.0024', hsbItemId: estimate.id, description: 'Konsumsi rapat', coefficients: [{ quantity: '25', unit: 'orang' }, { quantity: '3', unit: 'kali' }], unitPrice: '42500.50', vat: true });
    const refused = await t.post(`/budgeting/documents/${docId}/items`, body, 'planner-a');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('JUSTIFICATION_REQUIRED');
    const ok = await t.post(`/budgeting/documents/${docId}/items`, { ...body, justification: 'harga pasar setempat lebih tinggi' }, 'planner-a');
    expect(ok.status).toBe(201);
    // 75 x 42,500.50 = 3,187,537.50 ; VAT 11% = 350,629.125 -> 350,629.13
    expect(ok.body).toMatchObject({ volume: '75', subtotal: '3187537.50', vatAmount: '350629.00', total: '3538166.50', vatRate: '0.110000' });
    const doc = await t.get(`/budgeting/documents/${docId}`, 'planner-a');
    expect(doc.body.total).toBe('23538166.50');
  });

  it('takes VAT from the one tax table: a changed PPN rate prices new items, existing ones keep theirs', async () => {
    const set = await t.req('put', '/tax-rates/2027/PPN', { user: 'admin', body: { name: 'PPN (VAT), 12% in full', rate: '12' } });
    expect(set.status).toBe(200);
    const res = await t.post(`/budgeting/documents/${docId}/items`, item({ description: 'Sewa tenda', coefficients: [{ quantity: '1', unit: 'paket' }], unitPrice: '1000000', vat: true }), 'planner-a');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ vatRate: '0.120000', vatAmount: '120000.00', total: '1120000.00' });
    const before = (await t.get(`/budgeting/documents/${docId}`, 'planner-a')).body.items.find((i: { description: string }) => i.description === 'Konsumsi rapat');
    expect(before.vatRate).toBe('0.110000');
    await t.req('put', '/tax-rates/2027/PPN', { user: 'admin', body: { name: 'PPN (VAT), 11% effective', rate: '11' } });
    expect((await t.del(`/budgeting/documents/${docId}/items/${res.body.id}`, 'planner-a')).status).toBe(204);
  });

  it('refuses bad input with a stable code and writes nothing', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [item({ unitPrice: 1000 }), 400, 'VALIDATION_FAILED'],
      [item({ unitPrice: '12,5' }), 400, 'VALIDATION_FAILED'],
      [item({ coefficients: [{ quantity: 'ten', unit: 'orang' }] }), 400, 'VALIDATION_FAILED'],
      [item({ accountCode: '5.9.99.99.99.999' }), 422, 'UNKNOWN_ACCOUNT'],
      [item({ accountCode: '5.1.02' }), 422, 'INVALID_ACCOUNT'],
      [item({ fundingSourceCode: '9.9.9' }), 422, 'UNKNOWN_FUNDING_SOURCE'],
      [item({ accountCode: '5.1.02.01.01.0024' }), 422, 'ACCOUNT_NOT_ALLOWED_FOR_HSB_ITEM'],
      [item({ hsbItemId: '00000000-0000-4000-8000-000000000000' }), 422, 'UNKNOWN_HSB_ITEM'],
    ];
    for (const [body, status, code] of cases) {
      const res = await t.post(`/budgeting/documents/${docId}/items`, body, 'planner-a');
      expect([JSON.stringify(body), res.status, res.body.code]).toEqual([JSON.stringify(body), status, code]);
    }
    const [other] = (await t.get('/hsb/items?fiscalYear=2026&q=SBU.HON.0002', 'planner-a')).body.data;
    const res = await t.post(`/budgeting/documents/${docId}/items`, item({ hsbItemId: other.id }), 'planner-a');
    expect(res.body.code).toBe('HSB_ITEM_OTHER_YEAR');
    expect((await t.post(`/hsb/items/${hard.id}/lock`, {}, 'price-admin')).status).toBe(200);
    const locked = await t.post(`/budgeting/documents/${docId}/items`, item(), 'planner-a');
    expect(locked.body.code).toBe('HSB_ITEM_LOCKED');
    const change = await t.patch(`/hsb/items/${hard.id}`, { price: '1100000' }, 'price-admin');
    expect(change.status).toBe(409);
    expect(change.body.code).toBe('HSB_ITEM_LOCKED');
    await t.post(`/hsb/items/${hard.id}/unlock`, {}, 'price-admin');
    expect((await t.get(`/budgeting/documents/${docId}`, 'planner-a')).body.itemCount).toBe(2);
  });

  it('keeps the catalogue version an item was priced with', async () => {
    const changed = await t.patch(`/hsb/items/${hard.id}`, { price: '900000' }, 'price-admin');
    expect(changed.body).toMatchObject({ version: 2, price: '900000.00' });
    const doc = await t.get(`/budgeting/documents/${docId}`, 'planner-a');
    const hon = doc.body.items.find((i: { hsbItemId: string }) => i.hsbItemId === hard.id);
    expect(hon).toMatchObject({ hsbVersion: 1, hsbPrice: '1000000.00', unitPrice: '1000000.00' });
    const refused = await t.post(`/budgeting/documents/${docId}/items`, item(), 'planner-a');
    expect(refused.body.code).toBe('EXCEEDS_HSB_CEILING');
  });

  it('planner-b never sees planner-a\'s documents', async () => {
    expect((await t.get(`/budgeting/documents/${docId}`, 'planner-b')).status).toBe(404);
    expect((await t.post(`/budgeting/documents/${docId}/submit`, {}, 'planner-b')).status).toBe(404);
    const list = await t.get('/budgeting/documents?fiscalYear=2027', 'planner-b');
    expect(list.body.data.length).toBeGreaterThan(0);
    expect(list.body.data.every((d: { organizationId: string }) => d.organizationId !== orgA)).toBe(true);
  });

  it('submits; the maker cannot approve; the verifier approves and the lines show the exact appropriation', async () => {
    expect((await t.post(`/budgeting/documents/${docId}/approve`, {}, 'verifier')).body.code).toBe('INVALID_STATE_TRANSITION');
    const sub = await t.post(`/budgeting/documents/${docId}/submit`, {}, 'planner-a');
    expect(sub.status).toBe(200);
    expect(sub.body.status).toBe('SUBMITTED');
    expect((await t.post(`/budgeting/documents/${docId}/submit`, {}, 'planner-a')).status).toBe(409);
    expect((await t.post(`/budgeting/documents/${docId}/approve`, {}, 'planner-a')).status).toBe(403);
    const edit = await t.post(`/budgeting/documents/${docId}/items`, item({ unitPrice: '900000' }), 'planner-a');
    expect(edit.status).toBe(409);
    const ok = await t.post(`/budgeting/documents/${docId}/approve`, {}, 'verifier');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'APPROVED', approvedBy: 'verifier', total: '23538166.50' });
    const lines = (await t.get(`/budget-lines?fiscalYear=2027&organizationId=${orgA}&subActivityCode=${SUB}`, 'planner-a')).body.data;
    const by = Object.fromEntries(lines.map((l: { accountCode: string; appropriated: string }) => [l.accountCode, l.appropriated]));
    expect(by).toEqual({ '5.1.02.01.01.0024': '3538166.50', '5.1.02.02.01.0004': '20000000.00' });
    const entries = await t.sql<{ amount: string; source_type: string }>(`SELECT amount, source_type FROM ledger_entries WHERE source_id = $1 ORDER BY amount`, [docId]);
    expect(entries).toEqual([{ amount: '3538166.50', source_type: 'BudgetDocument' }, { amount: '20000000.00', source_type: 'BudgetDocument' }]);
    expect((await t.post(`/budgeting/documents/${docId}/approve`, {}, 'verifier')).body.code).toBe('INVALID_STATE_TRANSITION');
  });

  it('keeps every stage with actor and totals', async () => {
    const h = await t.get(`/budgeting/documents/${docId}/history`, 'auditor');
    expect(h.body.data.map((e: { action: string; actorUsername: string; total: string }) => [e.action, e.actorUsername, e.total])).toEqual([
      ['CREATED', 'planner-a', '0.00'], ['SUBMITTED', 'planner-a', '23538166.50'], ['APPROVED', 'verifier', '23538166.50'],
    ]);
  });

  it('refuses a cash plan that misses the appropriation by one sen', async () => {
    const [line] = (await t.get(`/budget-lines?fiscalYear=2027&organizationId=${orgA}&subActivityCode=${SUB}&accountCode=5.1.02.01.01.0024`, 'planner-a')).body.data;
    const months = [...Array(11).fill('294847.00'), '294849.49'];
    const miss = await t.put(`/budgeting/cash-plans/${line.id}`, { months }, 'planner-a');
    expect(miss.status).toBe(422);
    expect(miss.body.code).toBe('CASH_PLAN_MISMATCH');
    months[11] = '294849.50';
    expect((await t.put(`/budgeting/cash-plans/${line.id}`, { months }, 'planner-a')).status).toBe(200);
  });

  it('rejects back to DRAFT with the reason, and holds totals to the OPD ceiling', async () => {
    const orgB = await t.orgId('B');
    const d = (await t.post('/budgeting/documents', { fiscalYear: 2027, organizationId: orgB, subActivityCode: '1.02.02.1.01.0001', stage: 'MURNI' }, 'planner-b')).body;
    await t.post(`/budgeting/documents/${d.id}/items`, { accountCode: '5.1.02.01.01.0024', fundingSourceCode: '1.1.1.01', description: 'Alat tulis', coefficients: [{ quantity: '1', unit: 'paket' }], unitPrice: '10000000', vat: false }, 'planner-b');
    await t.post(`/budgeting/documents/${d.id}/submit`, {}, 'planner-b');
    expect((await t.post(`/budgeting/documents/${d.id}/reject`, {}, 'verifier')).status).toBe(400);
    const rej = await t.post(`/budgeting/documents/${d.id}/reject`, { reason: 'rincian belum lengkap' }, 'verifier');
    expect(rej.body).toMatchObject({ status: 'DRAFT', rejectionReason: 'rincian belum lengkap' });
    // raise the item above what the ceiling leaves
    const [ceiling] = (await t.get(`/budgeting/ceilings?fiscalYear=2027&organizationId=${orgB}`, 'planner-b')).body.data;
    const [it] = (await t.get(`/budgeting/documents/${d.id}`, 'planner-b')).body.items;
    await t.patch(`/budgeting/documents/${d.id}/items/${it.id}`, { unitPrice: ceiling.amount }, 'planner-b');
    const over = await t.post(`/budgeting/documents/${d.id}/submit`, {}, 'planner-b');
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('EXCEEDS_CEILING');
    expect(over.body.detail).toContain(ceiling.amount);
    expect((await t.get(`/budgeting/documents/${d.id}`, 'planner-b')).body.status).toBe('DRAFT');
    const hist = (await t.get(`/budgeting/documents/${d.id}/history`, 'planner-b')).body.data.map((e: { action: string }) => e.action);
    expect(hist).toEqual(['CREATED', 'SUBMITTED', 'REJECTED']);
  });
});
