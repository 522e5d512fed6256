import { approverOf, mayDecide, shiftClassOf } from './approvers';

describe('web budget documents: who decides a submitted document', () => {
  it('a shift by its class, anything else by the budget verifier', () => {
    expect(approverOf('WITHIN_OBJEK')).toBe('REGIONAL_FINANCE_HEAD');
    expect(approverOf('BETWEEN_OBJEK')).toBe('REGIONAL_SECRETARY');
    expect(approverOf(null)).toBe('BUDGET_VERIFIER');
    expect(approverOf(undefined)).toBe('BUDGET_VERIFIER');
  });

  it('only a submitted document, only by its approver', () => {
    expect(mayDecide(['REGIONAL_FINANCE_HEAD'], { status: 'SUBMITTED', shiftClass: 'WITHIN_OBJEK' })).toBe(true);
    expect(mayDecide(['REGIONAL_SECRETARY'], { status: 'SUBMITTED', shiftClass: 'WITHIN_OBJEK' })).toBe(false);
    expect(mayDecide(['BUDGET_VERIFIER'], { status: 'SUBMITTED', shiftClass: 'BETWEEN_OBJEK' })).toBe(false);
    expect(mayDecide(['BUDGET_VERIFIER'], { status: 'SUBMITTED', shiftClass: null })).toBe(true);
    expect(mayDecide(['REGIONAL_SECRETARY'], { status: 'DRAFT', shiftClass: 'BETWEEN_OBJEK' })).toBe(false);
  });

  it('the shift class a role approves', () => {
    expect(shiftClassOf(['REGIONAL_FINANCE_HEAD'])).toBe('WITHIN_OBJEK');
    expect(shiftClassOf(['REGIONAL_SECRETARY'])).toBe('BETWEEN_OBJEK');
    expect(shiftClassOf(['BUDGET_VERIFIER'])).toBeNull();
  });
});
