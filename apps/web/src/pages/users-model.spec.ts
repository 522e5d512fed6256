import { needsOrganization, OPD_ROLES, ROLES, userChange, UserRow } from './users-model';

describe('web users page: roles and changes', () => {
  const planner: UserRow = { id: 'u1', username: 'planner-x', fullName: 'P', roles: ['PLANNER'], organizationId: 'org-a', active: true };

  it('an OPD role needs an organization, a province-wide role does not', () => {
    expect(needsOrganization(['PLANNER'])).toBe(true);
    expect(needsOrganization(['AUDITOR', 'SUPERVISOR'])).toBe(true);
    expect(needsOrganization(['AUDITOR'])).toBe(false);
    expect(needsOrganization([])).toBe(false);
    for (const r of OPD_ROLES) expect(ROLES).toContain(r);
  });

  it('sends only what changed', () => {
    expect(userChange(planner, ['PLANNER'], 'org-a')).toEqual({});
    expect(userChange({ ...planner, roles: ['PLANNER', 'SUPERVISOR'] }, ['SUPERVISOR', 'PLANNER'], 'org-a')).toEqual({});
    expect(userChange(planner, ['PLANNER', 'SUPERVISOR'], 'org-a')).toEqual({ roles: ['PLANNER', 'SUPERVISOR'] });
    expect(userChange(planner, ['PLANNER'], 'org-b')).toEqual({ organizationId: 'org-b' });
  });

  it('takes the organization away only when the new roles need none', () => {
    expect(userChange(planner, ['AUDITOR'], null)).toEqual({ roles: ['AUDITOR'], organizationId: null });
    // an OPD role left without an organization: the account's stays, and the API judges the rest
    expect(userChange(planner, ['TREASURER'], null)).toEqual({ roles: ['TREASURER'] });
  });
});
