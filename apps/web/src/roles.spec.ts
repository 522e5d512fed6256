import { OPD_ROLES, ROLES } from './roles';

describe('web roles: the API\'s list, read at build time', () => {
  it('every role of the API, each once; the OPD roles among them', () => {
    expect(ROLES).toEqual(expect.arrayContaining(['ADMIN', 'PRICE_ADMIN', 'PLANNER', 'AUDITOR', 'REGIONAL_SECRETARY', 'MONEV_VERIFIER']));
    expect(new Set(ROLES).size).toBe(ROLES.length);
    expect(OPD_ROLES).toEqual(expect.arrayContaining(['PLANNER', 'TREASURER', 'SUPERVISOR']));
    expect(OPD_ROLES).not.toContain('AUDITOR');
    for (const r of OPD_ROLES) expect(ROLES).toContain(r);
  });
});
