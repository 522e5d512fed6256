import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import Decimal from 'decimal.js';
import { AuditService, AuthUser, DomainError, Money, Permission, TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import { PackageWorkflowService } from '@grms/e-project-planning';
import { ContractsService } from './contracts.service';
import { fetchContract } from './contract.queries';
import { deliverySettings } from './delivery-settings';
import { splitProRata } from './funding-split';
import { ContractResponse } from './dto/contract.dto';
import { AddendumDto, HandoverDto } from '../progress/dto/progress.dto';
import { CONTRACT_PAYMENTS_IN_PROCESS, ContractPaymentsInProcess } from '../payments/payments-in-process';

/** A funding line's amount after an addendum, and its change. */
interface FundingAfter { budgetLineId: string; amount: string; change: string }

// After signing: addenda (value at most +10% of the original, time,
// termination; drafted by one officer, approved by another), handovers (PHO
// at 100% verified progress, FHO after it), and closing, which releases the
// commitment the contract still holds.
@Injectable()
export class ContractLifecycleService {
  constructor(private readonly tx: TransactionService, private readonly audit: AuditService, private readonly contracts: ContractsService, private readonly packages: PackageWorkflowService,
    private readonly moduleRef: ModuleRef) {}

  proposeAddendum(user: AuthUser, id: string, dto: AddendumDto): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const c = await this.contracts.lock(m, user, id, Permission.CONTRACT_WRITE);
      if (c.status !== 'SIGNED') throw DomainError.invalidTransition('contract', c.status, 'amended');
      if (!dto.value && !dto.endDate && !dto.terminate) throw DomainError.invalid('an addendum changes the value, the end date, or terminates', [{ field: 'value', message: 'nothing to change' }]);
      const [pending] = await m.query(`SELECT addendum_no FROM contract_addenda WHERE contract_id = $1 AND status = 'DRAFT'`, [id]);
      if (pending) throw DomainError.conflict('ADDENDUM_PENDING', `addendum ${pending.addendum_no} awaits approval`);
      const value = dto.value ? Money.of(dto.value) : Money.of(c.value);
      const max = Money.of(c.original_value).times(new Decimal(100).plus(deliverySettings(c.fiscal_year).addendumMaxIncreasePercent).dividedBy(100));
      if (value.gt(max)) {
        throw DomainError.rule('ADDENDUM_ABOVE_LIMIT', `new value ${value} > original ${Money.of(c.original_value)} + ${deliverySettings(c.fiscal_year).addendumMaxIncreasePercent}% = ${max}`, [{ field: 'value', message: `at most ${max}` }]);
      }
      if (dto.fundingLines && !dto.value) throw DomainError.invalid('fundingLines split a value change: give the new value too', [{ field: 'fundingLines', message: 'only with value' }]);
      const fundingAfter = value.eq(Money.of(c.value)) ? null : await this.fundingAfter(m, id, c.number, value, dto.fundingLines);
      // refused now rather than at approval when a line cannot carry its share (checked again, under the lines' lock, at approval)
      if (fundingAfter) await this.contracts.requireAvailable(m, fundingAfter.map((f) => ({ budgetLineId: f.budgetLineId, amount: Money.of(f.change) })));
      const kind = dto.terminate ? 'TERMINATION' : dto.value && dto.endDate ? 'VALUE_AND_TIME' : dto.value ? 'VALUE' : 'TIME';
      const [{ n }] = await m.query(`SELECT COALESCE(max(addendum_no), 0) + 1 AS n FROM contract_addenda WHERE contract_id = $1`, [id]);
      await m.query(
        `INSERT INTO contract_addenda (contract_id, addendum_no, kind, value_before, value_after, end_date_before, end_date_after, reason, created_by, funding_after)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [id, n, kind, c.value, value.toString(), c.end_date, dto.endDate ?? c.end_date, dto.reason, user.id, fundingAfter && JSON.stringify(fundingAfter)]);
      this.audit.record({ action: 'CONTRACT.ADDENDUM_PROPOSE', entityType: 'Contract', entityId: id, after: { addendumNo: n, kind, valueAfter: value.toString(), endDate: dto.endDate ?? c.end_date, reason: dto.reason, fundingAfter } });
      return fetchContract(m, id);
    });
  }

  approveAddendum(user: AuthUser, id: string): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const c = await this.contracts.lock(m, user, id, Permission.CONTRACT_SIGN);
      const [a] = await m.query(`SELECT id, addendum_no, kind, value_after::text, to_char(end_date_after, 'YYYY-MM-DD') AS end_date_after, created_by, funding_after FROM contract_addenda WHERE contract_id = $1 AND status = 'DRAFT' FOR UPDATE`, [id]);
      if (!a) throw DomainError.conflict('NO_PENDING_ADDENDUM', `contract ${c.number} has no addendum awaiting approval`);
      if (a.created_by === user.id) throw DomainError.sameMakerAndApprover('addendum');
      if (c.status !== 'SIGNED') throw DomainError.invalidTransition('contract', c.status, 'amended');
      const before = await fetchContract(m, id);
      const delta = Money.of(a.value_after).minus(Money.of(c.value));
      if (!delta.isZero()) {
        const termins: { termin_no: number; amount: string }[] = await m.query(
          `SELECT termin_no, amount::text FROM contract_termins WHERE contract_id = $1 AND kind IN ('PROGRESS','MONTHLY') AND paid_sp2d_id IS NULL ORDER BY termin_no DESC LIMIT 1`, [id]);
        if (!termins.length) throw DomainError.rule('NO_UNPAID_TERMIN', 'every work termin is paid: the value change has no termin to go to');
        const last = termins[0];
        const amount = Money.of(last.amount).plus(delta);
        const held = amount.times(new Decimal(c.retention_percent).dividedBy(100));
        await m.query(`UPDATE contract_termins SET amount = $3, retention_held = $4, percent = NULL WHERE contract_id = $1 AND termin_no = $2`, [id, last.termin_no, amount.toString(), held.toString()]);
        await m.query(`UPDATE contract_termins SET amount = (SELECT sum(retention_held) FROM contract_termins WHERE contract_id = $1 AND kind IN ('PROGRESS','MONTHLY')) WHERE contract_id = $1 AND kind = 'RETENTION'`, [id]);
        // the split recorded at proposal; payments since then are checked again under the contract's lock
        const split: { budgetLineId: string; amount: string }[] = a.funding_after ?? await this.fundingAfter(m, id, c.number, Money.of(a.value_after));
        const changes = await this.fundingAfter(m, id, c.number, Money.of(a.value_after), split);
        // a line new to the contract gets its row first (committed 0); commit() then posts its whole amount
        for (const f of changes) {
          await m.query(`INSERT INTO contract_funding (contract_id, budget_line_id, amount) VALUES ($1, $2, $3)
                         ON CONFLICT (contract_id, budget_line_id) DO UPDATE SET amount = EXCLUDED.amount`, [id, f.budgetLineId, f.amount]);
        }
        await this.contracts.commit(m, id, changes.map((f) => ({ budgetLineId: f.budgetLineId, amount: Money.of(f.change) })), `contract ${c.number} addendum ${a.addendum_no}`, 'ContractAddendum');
      }
      await m.query(`UPDATE contracts SET value = $2, end_date = $3, status = $4 WHERE id = $1`, [id, a.value_after, a.end_date_after, a.kind === 'TERMINATION' ? 'TERMINATED' : c.status]);
      await m.query(`UPDATE contract_addenda SET status = 'APPROVED', approved_by = $2, approved_at = now() WHERE id = $1`, [a.id, user.id]);
      const after = await fetchContract(m, id);
      this.audit.record({ action: 'CONTRACT.ADDENDUM_APPROVE', entityType: 'Contract', entityId: id, before, after: { ...after, addendumNo: a.addendum_no } });
      return after;
    });
  }

  // A pending addendum refused (or withdrawn by its proposer) with a reason:
  // nothing of the contract changes, and a new addendum may be proposed.
  rejectAddendum(user: AuthUser, id: string, reason: string): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const c = await this.contracts.lock(m, user, id, Permission.CONTRACT_SIGN);
      const [a] = await m.query(`SELECT id, addendum_no, kind, value_after::text, to_char(end_date_after, 'YYYY-MM-DD') AS end_date_after FROM contract_addenda WHERE contract_id = $1 AND status = 'DRAFT' FOR UPDATE`, [id]);
      if (!a) throw DomainError.conflict('NO_PENDING_ADDENDUM', `contract ${c.number} has no addendum awaiting approval`);
      await m.query(`UPDATE contract_addenda SET status = 'REJECTED', rejected_by = $2, rejected_at = now(), reject_reason = $3 WHERE id = $1`, [a.id, user.id, reason]);
      this.audit.record({ action: 'CONTRACT.ADDENDUM_REJECT', entityType: 'Contract', entityId: id,
        after: { addendumNo: a.addendum_no, kind: a.kind, valueAfter: a.value_after, endDate: a.end_date_after, reason } });
      return fetchContract(m, id);
    });
  }

  // A contract drafted by mistake is withdrawn by the OPD's project officer
  // before anyone signs it: it committed nothing, so nothing is reversed; it
  // keeps its number, and the package can take a new contract.
  cancelDraft(user: AuthUser, id: string, reason: string): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const c = await this.contracts.lock(m, user, id, Permission.CONTRACT_WRITE);
      if (c.status !== 'DRAFT') throw DomainError.invalidTransition('contract', c.status, 'cancelled (only a DRAFT; a signed contract is terminated by an addendum)');
      const before = await fetchContract(m, id);
      await m.query(`UPDATE contracts SET status = 'CANCELLED', cancelled_by = $2, cancelled_at = now(), cancel_reason = $3 WHERE id = $1`, [id, user.id, reason]);
      const after = await fetchContract(m, id);
      this.audit.record({ action: 'CONTRACT.CANCEL', entityType: 'Contract', entityId: id, before, after: { ...after, reason } });
      return after;
    });
  }

  private paymentsInProcess(): ContractPaymentsInProcess | null {
    try {
      return this.moduleRef.get<ContractPaymentsInProcess>(CONTRACT_PAYMENTS_IN_PROCESS, { strict: false });
    } catch {
      return null;
    }
  }

  /**
   * The new amount of each funding line for the new value: as named (every
   * line of the contract, and any new line of the package's OPD, year and sub
   * kegiatan, summing to the value; decision 0413) or the change split pro
   * rata over the contract's lines (splitProRata). No line goes below what it
   * has paid.
   */
  private async fundingAfter(m: EntityManager, id: string, number: string, value: Money, named?: { budgetLineId: string; amount: string }[]): Promise<FundingAfter[]> {
    const rows: { id: string; amount: string; committed: string }[] = await m.query(
      `SELECT budget_line_id AS id, amount::text, committed::text FROM contract_funding WHERE contract_id = $1 ORDER BY budget_line_id`, [id]);
    const current = new Map(rows.map((r) => [r.id, r]));
    let amounts: Money[];
    if (named) {
      const seen = new Set<string>();
      named.forEach((l, i) => {
        if (seen.has(l.budgetLineId)) throw DomainError.invalid(`budget line ${l.budgetLineId} is named twice`, [{ field: `fundingLines.${i}.budgetLineId`, message: 'duplicate' }]);
        seen.add(l.budgetLineId);
      });
      const added = named.filter((l) => !current.has(l.budgetLineId));
      await this.requireLinesOfPackage(m, id, number, added.map((l) => ({ budgetLineId: l.budgetLineId, index: named.indexOf(l) })));
      for (const l of added) {
        const r = { id: l.budgetLineId, amount: '0.00', committed: '0.00' };
        rows.push(r);
        current.set(r.id, r);
      }
      const missing = rows.filter((r) => !seen.has(r.id));
      if (missing.length) throw DomainError.rule('FUNDING_LINES_INCOMPLETE', `name the new amount of every funding line of contract ${number}; missing ${missing.map((r) => r.id).join(', ')}`, [{ field: 'fundingLines', message: 'every funding line of the contract' }]);
      const byId = new Map(named.map((l) => [l.budgetLineId, Money.of(l.amount)]));
      amounts = rows.map((r) => byId.get(r.id)!);
      const sum = Money.sum(amounts);
      if (!sum.eq(value)) throw DomainError.rule('FUNDING_NOT_VALUE', `the funding lines sum to ${named.map((l) => Money.of(l.amount)).join(' + ')} = ${sum}; the new value is ${value}`, [{ field: 'fundingLines', message: `must sum to ${value}` }]);
    } else {
      const shares = splitProRata(value.minus(Money.sum(rows.map((r) => Money.of(r.amount)))), rows.map((r) => Money.of(r.amount)));
      amounts = rows.map((r, i) => Money.of(r.amount).plus(shares[i]));
    }
    return rows.map((r, i) => {
      const paid = Money.of(r.amount).minus(Money.of(r.committed));
      const after = amounts[i];
      if (after.lt(paid) || !after.isPositive()) {
        throw DomainError.rule('ADDENDUM_BELOW_PAID',
          `budget line ${r.id}: new amount ${after} < paid ${Money.of(r.amount)} - still committed ${Money.of(r.committed)} = ${paid}${after.isPositive() ? '' : ' (or not above zero)'}`,
          [{ field: named ? `fundingLines.${named.findIndex((l) => l.budgetLineId === r.id)}.amount` : 'value', message: `at least ${paid}, above zero` }]);
      }
      return { budgetLineId: r.id, amount: after.toString(), change: after.minus(Money.of(r.amount)).toString() };
    });
  }

  /**
   * A line an addendum adds funds the contract's package: of its OPD, fiscal
   * year and sub kegiatan (404 for a line the OPD does not hold, 422
   * LINE_NOT_OF_PACKAGE otherwise). Its budget is checked with the others.
   */
  private async requireLinesOfPackage(m: EntityManager, id: string, number: string, added: { budgetLineId: string; index: number }[]): Promise<void> {
    if (!added.length) return;
    const [pkg]: { organization_id: string; fiscal_year: number; sub_activity_code: string }[] = await m.query(
      `SELECT p.organization_id, p.fiscal_year, p.sub_activity_code FROM contracts c JOIN packages p ON p.id = c.package_id WHERE c.id = $1`, [id]);
    const lines: { id: string; organization_id: string; fiscal_year: number; sub_activity_code: string }[] = await m.query(
      `SELECT id, organization_id, fiscal_year, sub_activity_code FROM budget_lines WHERE id = ANY($1::uuid[])`, [added.map((a) => a.budgetLineId)]);
    const byId = new Map(lines.map((l) => [l.id, l]));
    for (const a of added) {
      const l = byId.get(a.budgetLineId);
      if (!l || l.organization_id !== pkg.organization_id) throw DomainError.notFound('budget line', a.budgetLineId);
      if (l.fiscal_year !== pkg.fiscal_year || l.sub_activity_code !== pkg.sub_activity_code) {
        throw DomainError.rule('LINE_NOT_OF_PACKAGE', `budget line ${a.budgetLineId} is of ${l.fiscal_year} / ${l.sub_activity_code}; contract ${number} and its package are of ${pkg.fiscal_year} / ${pkg.sub_activity_code}`,
          [{ field: `fundingLines.${a.index}.budgetLineId`, message: 'another year or sub kegiatan' }]);
      }
    }
  }

  handover(user: AuthUser, id: string, dto: HandoverDto): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const c = await this.contracts.lock(m, user, id, Permission.CONTRACT_WRITE);
      const before = await fetchContract(m, id);
      if (dto.kind === 'PHO') {
        if (c.status !== 'SIGNED') throw DomainError.invalidTransition('contract', c.status, 'handed over (PHO)');
        if (Number(before.progress) < 100) throw DomainError.rule('PROGRESS_NOT_COMPLETE', `PHO needs 100% verified progress; verified progress is ${before.progress}%`, [{ field: 'kind', message: `progress ${before.progress}%` }]);
        await m.query(`UPDATE contracts SET status = 'HANDED_OVER', pho_date = $2 WHERE id = $1`, [id, dto.date]);
      } else {
        if (c.status !== 'HANDED_OVER') throw DomainError.invalidTransition('contract', c.status, 'finally handed over (FHO needs a PHO)');
        const [{ due }] = await m.query(`SELECT to_char($1::date + $2::int, 'YYYY-MM-DD') AS due`, [c.pho_date, c.maintenance_days]);
        if (dto.date < due) throw DomainError.rule('MAINTENANCE_NOT_OVER', `FHO comes after the maintenance period: PHO ${c.pho_date} + ${c.maintenance_days} days = ${due}`, [{ field: 'date', message: `before ${due}` }]);
        await m.query(`UPDATE contracts SET status = 'COMPLETED', fho_date = $2 WHERE id = $1`, [id, dto.date]);
      }
      await m.query(`INSERT INTO handovers (contract_id, kind, handover_date, number, created_by) VALUES ($1, $2, $3, $4, $5)`, [id, dto.kind, dto.date, dto.number ?? null, user.id]);
      const after = await fetchContract(m, id);
      this.audit.record({ action: `CONTRACT.${dto.kind}`, entityType: 'Contract', entityId: id, before, after });
      return after;
    });
  }

  close(user: AuthUser, id: string): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const c = await this.contracts.lock(m, user, id, Permission.CONTRACT_SIGN);
      if (c.status !== 'COMPLETED' && c.status !== 'TERMINATED') throw DomainError.invalidTransition('contract', c.status, 'closed (needs FHO or termination)');
      // under the contract's lock: an SPP of the contract is created and submitted under the same lock, and refused once it is CLOSED
      const inProcess = await this.paymentsInProcess()?.inProcess(m, id) ?? [];
      if (inProcess.length) {
        throw DomainError.conflict('CONTRACT_PAYMENT_IN_PROCESS',
          `contract ${c.number} has a payment in process: ${inProcess.map((p) => `SPP ${p.number} (termin ${p.terminNo}, ${p.status})`).join(', ')}; it is closed after the SP2D is issued or the SPP is rejected or cancelled`);
      }
      const before = await fetchContract(m, id);
      const release = before.fundingLines.filter((f) => Money.of(f.committed).isPositive()).map((f) => ({ budgetLineId: f.budgetLineId, amount: Money.of(f.committed).negate() }));
      await this.contracts.commit(m, id, release, `contract ${c.number} closed: commitment released`, 'ContractClose');
      await m.query(`UPDATE contracts SET status = 'CLOSED' WHERE id = $1`, [id]);
      await this.packages.markStatus(m, c.package_id, 'COMPLETED');
      const after = await fetchContract(m, id);
      this.audit.record({ action: 'CONTRACT.CLOSE', entityType: 'Contract', entityId: id, before, after });
      return after;
    });
  }
}
