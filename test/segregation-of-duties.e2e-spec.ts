import { allottedLine, approvedSpm, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// Four-eyes holds across whole chains and role mixes: incompatible roles are
// refused at assignment (ADMIN included) and by the database; an account that
// still holds a mix from before is stopped at every later step it took part in.
describe('segregation of duties', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => { t = await startTestApp(); orgA = await t.orgId('A'); });
  afterAll(async () => { await t.close(); });

  const userId = async (username: string) => (await t.sql<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [username]))[0].id;
  /** An account that got a role mix before the rule existed (the constraint is NOT VALID for old rows). */
  const legacyMix = async (username: string, roles: string[]) => {
    await t.superSql(`ALTER TABLE users DROP CONSTRAINT users_roles_compatible`);
    await t.sql(`INSERT INTO users (username, password_hash, full_name, roles, organization_id)
                 SELECT $1, password_hash, 'Legacy ' || $1, $2, $3 FROM users WHERE username = 'admin'`, [username, roles, orgA]);
  };
  const restoreConstraint = async (definition: string) => t.superSql(`ALTER TABLE users ADD CONSTRAINT users_roles_compatible ${definition} NOT VALID`);

  it('refuses incompatible role mixes at creation and change, for ADMIN itself too, and in the database', async () => {
    const mixes = [['TREASURER', 'FINANCE_OFFICER'], ['TREASURER', 'CASH_AUTHORITY'], ['PLANNER', 'BUDGET_VERIFIER'], ['REVENUE_TREASURER', 'TREASURER'], ['ADMIN', 'CASH_AUTHORITY'], ['ADMIN', 'AUDITOR']];
    for (const roles of mixes) {
      const res = await t.post('/users', { username: 'mixed-user', password: 'a-long-password', fullName: 'Mixed', roles, organizationId: orgA }, 'admin');
      expect({ roles, status: res.status, code: res.body.code }).toEqual({ roles, status: 422, code: 'INCOMPATIBLE_ROLES' });
      expect(res.body.errors[0].field).toBe('roles');
    }
    const treasurer = await t.patch(`/users/${await userId('treasurer-a')}`, { roles: ['TREASURER', 'CASH_AUTHORITY'] }, 'admin');
    expect(treasurer.status).toBe(422);
    expect(treasurer.body.detail).toContain('TREASURER with CASH_AUTHORITY');
    const self = await t.patch(`/users/${await userId('admin')}`, { roles: ['ADMIN', 'TREASURER'], organizationId: orgA }, 'admin');
    expect(self.status).toBe(422);
    expect(self.body.code).toBe('INCOMPATIBLE_ROLES');
    await expect(t.sql(`UPDATE users SET roles = ARRAY['PLANNER','BUDGET_VERIFIER'] WHERE username = 'planner-a'`)).rejects.toThrow(/users_roles_compatible/);
    expect((await t.get('/users?q=planner-a', 'admin')).body.data[0].roles).toEqual(['PLANNER']);
  });

  it('stops whoever made or approved an earlier step of a payment: no SPM approval of its own SPP, no SP2D of its own chain', async () => {
    const [{ def }] = await t.sql<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'users_roles_compatible'`);
    await legacyMix('all-in-one', ['TREASURER', 'FINANCE_OFFICER', 'BUDGET_USER', 'CASH_AUTHORITY']);
    await restoreConstraint(def);
    const id = await allottedLine(t, '1000000.00', '1000000.00');
    const body = { type: 'LS', organizationId: orgA, payee: SUPPLIER, taxes: [], lines: [{ budgetLineId: id, amount: '100000.00' }] };

    // its own SPP: another officer makes the SPM, the mixed account may not approve it
    const spp = await t.post('/penatausahaan/spp', body, 'all-in-one');
    expect(spp.status).toBe(201);
    expect((await t.post(`/penatausahaan/spp/${spp.body.id}/submit`, {}, 'all-in-one')).status).toBe(200);
    const spm = await t.post('/penatausahaan/spm', { sppId: spp.body.id }, 'finance-officer-a');
    expect(spm.status).toBe(201);
    const approve = await t.post(`/penatausahaan/spm/${spm.body.id}/approve`, {}, 'all-in-one');
    expect(approve.status).toBe(403);
    expect(approve.body.code).toBe('SEGREGATION_OF_DUTIES');
    expect(approve.body.detail).toContain('made its SPP');
    expect((await t.post(`/penatausahaan/spm/${spm.body.id}/approve`, {}, 'budget-user-a')).status).toBe(200);
    const own = await t.post('/penatausahaan/sp2d', { spmId: spm.body.id }, 'all-in-one');
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('SEGREGATION_OF_DUTIES');

    // somebody else's SPP, but the mixed account approved its SPM: no SP2D either
    const other = await approvedSpm(t, body, 'treasurer-a', 'finance-officer-a', 'all-in-one');
    const approved = await t.post('/penatausahaan/sp2d', { spmId: other.spmId }, 'all-in-one');
    expect(approved.status).toBe(403);
    expect(approved.body.detail).toContain('approved its SPM');
    expect(await t.sql(`SELECT 1 FROM sp2d WHERE spm_id = ANY($1)`, [[spm.body.id, other.spmId]])).toEqual([]);
    // a hand with no earlier step issues it
    expect((await t.post('/penatausahaan/sp2d', { spmId: other.spmId }, 'cash-authority')).status).toBe(201);

    // the database refuses the same SP2D if the service check were skipped
    await expect(t.sql(
      `INSERT INTO sp2d (number, spm_id, spp_id, type, fiscal_year, organization_id, gross, net, issued_by)
       SELECT 'SP2D-TEST', m.id, m.spp_id, 'LS', m.fiscal_year, m.organization_id, 100000, 100000, p.created_by FROM spm m JOIN spp p ON p.id = m.spp_id WHERE m.id = $1`,
      [spm.body.id])).rejects.toThrow(/SP2D made or approved an earlier step/);
  });

  it('stops whoever edited a budget document (added an item) from approving it', async () => {
    const [{ def }] = await t.sql<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'users_roles_compatible'`);
    await legacyMix('plans-and-approves', ['PLANNER', 'BUDGET_VERIFIER']);
    await restoreConstraint(def);
    const hard = (await t.post('/hsb/items', { fiscalYear: 2027, code: 'T.SOD.HON', name: 'Honorarium narasumber', specification: 'per jam', unit: 'OJ', price: '1000000', category: 'SBU', accountCodes: ['5.1.02.02.01.0004'], ceiling: 'HARD' }, 'price-admin')).body;
    const doc = await t.post('/budgeting/documents', { fiscalYear: 2027, organizationId: orgA, subActivityCode: '1.01.02.1.01.0003', stage: 'MURNI' }, 'planner-a');
    expect(doc.status).toBe(201);
    const item = { accountCode: '5.1.02.02.01.0004', fundingSourceCode: '1.1.1.01', hsbItemId: hard.id, description: 'Honorarium narasumber', coefficients: [{ quantity: '2', unit: 'jam' }], unitPrice: '1000000', vat: false };
    expect((await t.post(`/budgeting/documents/${doc.body.id}/items`, item, 'plans-and-approves')).status).toBe(201);
    expect((await t.post(`/budgeting/documents/${doc.body.id}/submit`, {}, 'planner-a')).status).toBe(200);
    const res = await t.post(`/budgeting/documents/${doc.body.id}/approve`, {}, 'plans-and-approves');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('SEGREGATION_OF_DUTIES');
    expect(res.body.detail).toContain('edited it');
    // the database keeps the same rule
    await expect(t.sql(`UPDATE budget_documents SET status = 'APPROVED', approved_by = (SELECT id FROM users WHERE username = 'plans-and-approves'), approved_at = now() WHERE id = $1`, [doc.body.id]))
      .rejects.toThrow(/approver of a budget document edited it/);
    expect((await t.post(`/budgeting/documents/${doc.body.id}/approve`, {}, 'verifier')).status).toBe(200);
  });
});
