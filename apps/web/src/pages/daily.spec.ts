import fc from 'fast-check';
import { monthEnd, plannedAt } from './curve';
import { Doc, documentSteps } from './steps';

const PLAN = ['0', '0', '0', '10', '25', '55', '70', '80', '90', '100', '100', '100'];

describe('the planned side of an S-curve', () => {
  it('is the package plan at each month end', () => {
    PLAN.forEach((v, i) => expect(plannedAt(monthEnd(2026, i + 1), PLAN, '2026-04-01', '2026-12-15', 2026)).toBeCloseTo(Number(v), 9));
  });

  it('is linear within a month and never leaves the plan\'s bounds', () => {
    expect(plannedAt('2026-05-16', PLAN, '2026-04-01', '2026-12-15', 2026)).toBeCloseTo(10 + 15 * (16 / 31), 6); // 16 of the 31 days from 30 April to 31 May
    fc.assert(fc.property(fc.integer({ min: 0, max: 364 }), (day) => {
      const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
      const p = plannedAt(date, PLAN, '2026-04-01', '2026-12-15', 2026);
      return p >= 0 && p <= 100;
    }));
  });

  it('without a plan is the straight line from the contract\'s start to its end, held at 0 and 100 outside them', () => {
    expect(plannedAt('2026-03-01', null, '2026-04-01', '2026-05-01', 2026)).toBe(0);
    expect(plannedAt('2026-04-16', null, '2026-04-01', '2026-05-01', 2026)).toBeCloseTo(50, 9);
    expect(plannedAt('2026-06-01', null, '2026-04-01', '2026-05-01', 2026)).toBe(100);
  });

  it('knows the month ends of a leap year', () => {
    expect(monthEnd(2028, 2)).toBe('2028-02-29');
    expect(monthEnd(2026, 2)).toBe('2026-02-28');
    expect(monthEnd(2026, 12)).toBe('2026-12-31');
  });
});

const doc = (fields: Record<string, unknown>): Doc => ({ id: 'x', number: 'N', status: 'DRAFT', ...fields });

describe('a payment document\'s own steps', () => {
  it('an SPP paid: made, submitted, verified by the finance officer, paid', () => {
    const steps = documentSteps('spp', doc({ status: 'PAID', createdBy: 'treasurer-a', createdAt: '2026-03-01T02:00:00Z', submittedAt: '2026-03-01T03:00:00Z', verifiedBy: 'finance-officer-a' }));
    expect(steps.map((x) => [x.what, x.who])).toEqual([['histCreated', 'treasurer-a'], ['histSubmitted', null], ['histVerified', 'finance-officer-a'], ['histPaid', null]]);
  });

  it('an SPP rejected carries the reason', () => {
    const steps = documentSteps('spp', doc({ status: 'REJECTED', createdBy: 'treasurer-a', createdAt: '2026-03-01', submittedAt: '2026-03-02', rejectReason: 'kuitansi belum ada' }));
    expect(steps.at(-1)).toEqual({ what: 'histRejected', who: null, when: null, note: 'kuitansi belum ada' });
  });

  it('a draft takes only the steps taken', () => {
    expect(documentSteps('spm', doc({ createdBy: 'finance-officer-a', createdAt: '2026-03-01', approvedBy: null, approvedAt: null })).map((x) => x.what)).toEqual(['histCreated']);
  });

  it('an SP2D: issued by its issuer, then cancelled with the reason', () => {
    const steps = documentSteps('sp2d', doc({ status: 'CANCELLED', issuedByName: 'Kuasa BUD', issuedBy: 'cash-authority', issuedOn: '2026-03-05', cancelledBy: 'cash-authority', cancelledAt: '2026-03-06T01:00:00Z', cancelReason: 'rekening salah' }));
    expect(steps).toEqual([
      { what: 'histIssued', who: 'Kuasa BUD (cash-authority)', when: '2026-03-05', note: undefined },
      { what: 'histCancelled', who: 'cash-authority', when: '2026-03-06T01:00:00Z', note: 'rekening salah' },
    ]);
  });

  it('an SPD withdrawn, and one revised twice', () => {
    expect(documentSteps('spd', doc({ status: 'WITHDRAWN', createdBy: 'cash-authority', createdAt: '2026-01-02', withdrawReason: 'salah bulan' })).at(-1)?.note).toBe('salah bulan');
    expect(documentSteps('spd', doc({ status: 'APPROVED', createdBy: 'a', approvedBy: 'b', approvedAt: '2026-01-03', revisions: 2 })).map((x) => x.what)).toEqual(['histCreated', 'histApproved', 'histRevised']);
  });
});
