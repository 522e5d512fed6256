import { Injectable } from '@nestjs/common';
import { labelSuffix, lineLabels } from '@grms/budget';
import { AuditService, DomainError, Money } from '@grms/core';
import { EntityManager } from 'typeorm';
import { lockContract } from '../contracts/contract.queries';
import { deliverySettings } from '../contracts/delivery-settings';
import { latePenalty, payableOf } from '../contracts/termin-schedule';

export interface TerminPaymentRequest {
  contractId: string;
  terminNo: number;
  organizationId: string;
  gross: Money;
  lines: { budgetLineId: string; amount: string }[];
  payee: { npwp: string | null; bankAccount: string };
}

export interface ContractPayeeTaxes {
  name: string;
  npwp: string;
  vatRegistered: boolean;
  qualification: 'SMALL' | 'CERTIFIED' | 'UNCERTIFIED';
  /** the day the certificates were checked on */
  onDate: string;
}

interface TerminRow { kind: string; amount: string; advance_recovery: string; retention_held: string; progress_threshold: string; paid_sp2d_id: string | null }

// The port e-penatausahaan calls for an LS SPP that pays a contract termin:
// is the termin due, what is its gross, who is the payee; and, when the SP2D
// is issued or cancelled, which termin is paid and how much of the
// contract's commitment the SP2D turned into disbursement.
@Injectable()
export class ContractPaymentsService {
  constructor(private readonly audit: AuditService) {}

  /** Checks the request under the contract's lock; returns the penalty the payment deducts. 404 for another OPD's contract. */
  async checkTerminPayment(m: EntityManager, r: TerminPaymentRequest): Promise<Money> {
    const c = await lockContract(m, r.contractId);
    if (c.organization_id !== r.organizationId) throw DomainError.notFound('contract', r.contractId);
    if (!['SIGNED', 'HANDED_OVER', 'COMPLETED', 'TERMINATED'].includes(c.status)) {
      throw DomainError.rule('CONTRACT_NOT_PAYABLE', `contract ${c.number} is ${c.status}; termins are paid on a signed contract`, [{ field: 'contractId', message: c.status }]);
    }
    const [t]: TerminRow[] = await m.query(
      `SELECT kind, amount::text, advance_recovery::text, retention_held::text, progress_threshold::text, paid_sp2d_id FROM contract_termins WHERE contract_id = $1 AND termin_no = $2`, [r.contractId, r.terminNo]);
    if (!t) throw DomainError.rule('UNKNOWN_TERMIN', `contract ${c.number} has no termin ${r.terminNo}`, [{ field: 'terminNo', message: 'unknown termin' }]);
    if (t.paid_sp2d_id) throw DomainError.conflict('TERMIN_ALREADY_PAID', `termin ${r.terminNo} of contract ${c.number} is already paid`);
    const [progress] = await m.query(
      `SELECT COALESCE(max(cumulative_percent), 0)::numeric(5,2)::text AS pct,
         to_char(min(reported_on) FILTER (WHERE cumulative_percent >= $2::numeric), 'YYYY-MM-DD') AS reached_on
       FROM progress_reports WHERE contract_id = $1 AND status = 'VERIFIED'`, [r.contractId, t.progress_threshold]);
    if (t.kind === 'RETENTION') {
      if (c.status !== 'COMPLETED') throw DomainError.rule('TERMIN_NOT_DUE', `the retention termin is paid after FHO; contract ${c.number} is ${c.status}`, [{ field: 'terminNo', message: 'FHO first' }]);
    } else if (t.kind !== 'ADVANCE' && Number(progress.pct) < Number(t.progress_threshold)) {
      throw DomainError.rule('TERMIN_NOT_DUE', `termin ${r.terminNo} is payable at ${t.progress_threshold}% verified progress; verified progress of contract ${c.number} is ${progress.pct}%`, [{ field: 'terminNo', message: `progress ${progress.pct}% < ${t.progress_threshold}%` }]);
    }
    const termin = { amount: Money.of(t.amount), advanceRecovery: Money.of(t.advance_recovery), retentionHeld: Money.of(t.retention_held) };
    let penalty = Money.ZERO;
    if ((t.kind === 'PROGRESS' || t.kind === 'MONTHLY') && progress.reached_on) {
      const [{ days }] = await m.query(`SELECT ($1::date - $2::date) AS days`, [progress.reached_on, c.end_date]);
      penalty = latePenalty(termin.amount, Number(days), deliverySettings(c.fiscal_year).penaltyPerMillePerDay, payableOf(termin));
    }
    const expected = payableOf(termin, penalty);
    if (!r.gross.eq(expected)) {
      throw DomainError.rule('TERMIN_GROSS_MISMATCH',
        `termin ${r.terminNo} pays ${t.amount} - advance recovered ${t.advance_recovery} - retention held ${t.retention_held} - penalty ${penalty} = ${expected}; the SPP asks ${r.gross}`,
        [{ field: 'lines', message: `gross must be ${expected}` }]);
    }
    await this.requireVendorPayee(m, c, r.payee);
    const funding: { id: string; committed: string }[] = await m.query(`SELECT budget_line_id AS id, committed::text FROM contract_funding WHERE contract_id = $1`, [r.contractId]);
    const byId = new Map(funding.map((f) => [f.id, Money.of(f.committed)]));
    const refused = r.lines.map((l, i) => ({ l, i, held: byId.get(l.budgetLineId) })).find(({ l, held }) => !held || Money.of(l.amount).gt(held));
    if (refused) {
      // the line named by its codes beside its id (decision 0117), read only when a refusal needs it
      const { l, i, held } = refused;
      const named = `budget line ${l.budgetLineId}${labelSuffix(await lineLabels(m, [l.budgetLineId]), l.budgetLineId)}`;
      if (!held) throw DomainError.rule('LINE_NOT_OF_CONTRACT', `${named} does not fund contract ${c.number}`, [{ field: `lines.${i}.budgetLineId`, message: 'not a funding line of the contract' }]);
      throw DomainError.rule('EXCEEDS_CONTRACT_COMMITMENT', `requested ${Money.of(l.amount)} > the contract's commitment ${held} on ${named}`, [{ field: `lines.${i}.amount`, message: `at most ${held}` }]);
    }
    return penalty;
  }

  /**
   * A payee correction of a termin's SPP: the payee is still the contract's
   * vendor (NPWP) and the contract's account. 404 for another OPD's contract.
   */
  async checkPayeeCorrection(m: EntityManager, contractId: string, organizationId: string, payee: { npwp: string | null; bankAccount: string }): Promise<void> {
    const c = await lockContract(m, contractId);
    if (c.organization_id !== organizationId) throw DomainError.notFound('contract', contractId);
    await this.requireVendorPayee(m, c, payee);
  }

  private async requireVendorPayee(m: EntityManager, c: { vendor_id: string; bank_account: string }, payee: { npwp: string | null; bankAccount: string }): Promise<void> {
    const [vendor] = await m.query(`SELECT npwp, name FROM vendors WHERE id = $1`, [c.vendor_id]);
    const wrong = [
      ...(payee.npwp !== vendor.npwp ? [{ field: 'payee.npwp', message: `the vendor's NPWP is ${vendor.npwp}` }] : []),
      ...(payee.bankAccount !== c.bank_account ? [{ field: 'payee.bankAccount', message: `the contract's account is ${c.bank_account}` }] : []),
    ];
    if (wrong.length) {
      throw DomainError.rule('PAYEE_NOT_CONTRACT_VENDOR', `the payee must be the contract's vendor ${vendor.name} (NPWP ${vendor.npwp}) and account ${c.bank_account}`, wrong);
    }
  }

  /**
   * The tax attributes of a contract's payee, from its vendor: NPWP, VAT
   * registration (PKP) and the PP 9/2022 qualification on `onDate` (the SPP
   * date, WIB): a certificate valid that day of qualification SMALL (or any
   * certificate of an individual) gives SMALL, one of MEDIUM or LARGE gives
   * CERTIFIED, none gives UNCERTIFIED (docs/decisions/0410).
   */
  async payeeTaxAttributes(m: EntityManager, contractId: string): Promise<ContractPayeeTaxes> {
    const [v]: { name: string; npwp: string; vat_registered: boolean; kind: string; quals: string[] | null; on: string }[] = await m.query(
      `SELECT v.name, v.npwp, v.vat_registered, v.kind, d.on::text AS on,
         (SELECT array_agg(DISTINCT c->>'qualification') FROM jsonb_array_elements(v.certificates) c
           WHERE (c->>'validFrom')::date <= d.on AND (c->>'validUntil')::date >= d.on) AS quals
       FROM contracts k JOIN vendors v ON v.id = k.vendor_id, (SELECT (now() AT TIME ZONE 'Asia/Jakarta')::date AS on) d
       WHERE k.id = $1`, [contractId]);
    if (!v) throw DomainError.notFound('contract', contractId);
    const quals = v.quals ?? [];
    const qualification: ContractPayeeTaxes['qualification'] = quals.length === 0 ? 'UNCERTIFIED'
      : quals.includes('SMALL') || v.kind === 'INDIVIDUAL' ? 'SMALL' : 'CERTIFIED';
    return { name: v.name, npwp: v.npwp, vatRegistered: v.vat_registered, qualification, onDate: v.on };
  }

  /** The SP2D paid the termin: it is marked paid and the contract's commitment per line goes down by what was disbursed. */
  async terminPaid(m: EntityManager, p: { contractId: string; terminNo: number; sp2dId: string; sp2dNumber: string; penalty: Money; lines: { budgetLineId: string; amount: string }[] }): Promise<void> {
    await lockContract(m, p.contractId);
    const res = await m.query(
      `UPDATE contract_termins SET paid_sp2d_id = $3, paid_sp2d_number = $4, penalty = $5 WHERE contract_id = $1 AND termin_no = $2 AND paid_sp2d_id IS NULL RETURNING termin_no`,
      [p.contractId, p.terminNo, p.sp2dId, p.sp2dNumber, p.penalty.toString()]);
    if (!res.length) throw DomainError.conflict('TERMIN_ALREADY_PAID', `termin ${p.terminNo} is already paid`);
    for (const l of p.lines) {
      await m.query(`UPDATE contract_funding SET committed = committed - $3 WHERE contract_id = $1 AND budget_line_id = $2`, [p.contractId, l.budgetLineId, Money.of(l.amount).toString()]);
    }
    this.audit.record({ action: 'CONTRACT.TERMIN_PAID', entityType: 'Contract', entityId: p.contractId, after: { terminNo: p.terminNo, sp2dId: p.sp2dId, sp2dNumber: p.sp2dNumber, penalty: p.penalty.toString(), lines: p.lines } });
  }

  /** The SP2D was cancelled: the termin is unpaid again and the commitment is back. */
  async terminUnpaid(m: EntityManager, p: { contractId: string; terminNo: number; sp2dId: string; lines: { budgetLineId: string; amount: string }[] }): Promise<void> {
    await lockContract(m, p.contractId);
    await m.query(`UPDATE contract_termins SET paid_sp2d_id = NULL, paid_sp2d_number = NULL, penalty = 0 WHERE contract_id = $1 AND termin_no = $2 AND paid_sp2d_id = $3`, [p.contractId, p.terminNo, p.sp2dId]);
    for (const l of p.lines) {
      await m.query(`UPDATE contract_funding SET committed = committed + $3 WHERE contract_id = $1 AND budget_line_id = $2`, [p.contractId, l.budgetLineId, Money.of(l.amount).toString()]);
    }
    this.audit.record({ action: 'CONTRACT.TERMIN_UNPAID', entityType: 'Contract', entityId: p.contractId, after: { terminNo: p.terminNo, sp2dId: p.sp2dId } });
  }
}
