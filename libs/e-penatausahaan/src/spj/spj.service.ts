import { Injectable } from '@nestjs/common';
import { AccessService, AuditService, AuthUser, CursorPage, DomainError, Money, Permission, TransactionService } from '@grms/core';
import { listDocuments } from '../common/list-documents';
import { FiscalYearsService, LedgerKind, LedgerService } from '@grms/budget';
import { EntityManager } from 'typeorm';
import { BkuPosting, BkuService } from '../bku/bku.service';
import { accountedOf } from '../receipts/receipts.queries';
import { loadOrgLines, nextNumber, requireDistinctLines, sumOf, ts } from '../common/doc-lines';
import { CreateSpjDto, SpjQueryDto, SpjResponse } from './dto/spj.dto';

const SELECT = `
  SELECT j.id, j.number, j.fiscal_year AS "fiscalYear", j.organization_id AS "organizationId", j.advance_sp2d_id AS "advanceSp2dId",
    d.type AS "advanceType", j.status, j.total, j.returned, j.reject_reason AS "rejectReason",
    COALESCE((SELECT json_agg(json_build_object('budgetLineId', l.budget_line_id, 'amount', l.amount::text, 'description', l.description) ORDER BY l.budget_line_id)
      FROM spj_lines l WHERE l.spj_id = j.id), '[]') AS lines,
    COALESCE((SELECT json_agg(r.id ORDER BY r.receipt_date, r.number) FROM receipts r WHERE r.spj_id = j.id), '[]') AS "receiptIds",
    cu.username AS "createdBy", au.username AS "approvedBy", ${ts('j.approved_at')} AS "approvedAt", ${ts('j.created_at')} AS "createdAt"
  FROM spj j JOIN sp2d d ON d.id = j.advance_sp2d_id JOIN users cu ON cu.id = j.created_by LEFT JOIN users au ON au.id = j.approved_by`;

// SPJ (accountability report) for an advance (UP, GU, TU), by the treasurer:
// what was spent, per budget line. The SPJs of one advance never exceed it.
// Approval by the finance officer realises the spending: DISBURSEMENT per
// line (bounded by the allotment), cash out of the BKU; for TU the unused
// rest is returned and the advance is closed.
@Injectable()
export class SpjService {
  constructor(
    private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService,
    private readonly ledger: LedgerService, private readonly years: FiscalYearsService, private readonly bku: BkuService,
  ) {}

  create(user: AuthUser, dto: CreateSpjDto): Promise<SpjResponse> {
    if (!dto.lines === !dto.receiptIds) throw DomainError.invalid('an SPJ names either its lines or the receiptIds it gathers', [{ field: dto.lines ? 'receiptIds' : 'lines', message: 'lines or receiptIds, exactly one' }]);
    if (dto.lines) requireDistinctLines(dto.lines);
    return this.tx.run(async (m) => {
      await this.access.requireOrganization(user, Permission.SPJ_WRITE, dto.organizationId, 'organization');
      const [adv] = await m.query(`SELECT id, number, type, status, organization_id, fiscal_year, gross::text, spp_id FROM sp2d WHERE id = $1 FOR UPDATE`, [dto.advanceSp2dId]);
      if (!adv || adv.organization_id !== dto.organizationId) throw DomainError.notFound('SP2D', dto.advanceSp2dId);
      if (adv.type === 'LS') throw DomainError.rule('NOT_AN_ADVANCE', `SP2D ${adv.number} is an LS payment; an SPJ accounts for a UP, GU or TU advance`, [{ field: 'advanceSp2dId', message: 'not an advance' }]);
      if (adv.status !== 'ISSUED') throw DomainError.rule('ADVANCE_NOT_LIVE', `SP2D ${adv.number} is ${adv.status}`, [{ field: 'advanceSp2dId', message: adv.status }]);
      await this.years.requireStatus(m, adv.fiscal_year, ['EXECUTION']);
      const spjLines = dto.lines ?? await gatherReceipts(m, dto.receiptIds!, adv.id, adv.number);
      const lines = await loadOrgLines(m, spjLines.map((l) => l.budgetLineId), dto.organizationId);
      for (const l of lines.values()) {
        if (l.fiscalYear !== adv.fiscal_year) throw DomainError.rule('LINE_OF_ANOTHER_YEAR', `budget line ${l.id} belongs to fiscal year ${l.fiscalYear}, the advance to ${adv.fiscal_year}`);
      }
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM spj WHERE advance_sp2d_id = $1 AND status <> 'REJECTED'`, [adv.id]);
      if (adv.type === 'TU' && n > 0) throw DomainError.conflict('TU_ALREADY_ACCOUNTED', `TU advance ${adv.number} is accounted by one SPJ, which exists already`);
      // receipts not yet in an SPJ are spoken for, unless this SPJ gathers them
      const gathered = dto.receiptIds ? sumOf(spjLines) : Money.ZERO;
      const accounted = (await accountedOf(m, adv.id)).minus(gathered);
      const total = sumOf(spjLines);
      const rest = Money.of(adv.gross).minus(Money.of(accounted));
      if (total.gt(rest)) {
        throw DomainError.rule('SPJ_EXCEEDS_ADVANCE', `SPJ total ${total} > advance ${Money.of(adv.gross)} - already accounted ${Money.of(accounted)} = ${rest} (SP2D ${adv.number})`, [{ field: 'lines', message: 'above the advance' }]);
      }
      const number = await nextNumber(m, 'SPJ', dto.organizationId, adv.fiscal_year);
      const [{ id }] = await m.query(
        `INSERT INTO spj (number, fiscal_year, organization_id, advance_sp2d_id, total, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [number, adv.fiscal_year, dto.organizationId, adv.id, total.toString(), user.id]);
      for (const l of spjLines) {
        await m.query(`INSERT INTO spj_lines (spj_id, budget_line_id, amount, description) VALUES ($1, $2, $3, $4)`, [id, l.budgetLineId, Money.of(l.amount).toString(), l.description]);
      }
      if (dto.receiptIds) await m.query(`UPDATE receipts SET status = 'IN_SPJ', spj_id = $2 WHERE id = ANY($1::uuid[])`, [dto.receiptIds, id]);
      const after = await this.fetch(m, id);
      this.audit.record({ action: 'SPJ.CREATE', entityType: 'Spj', entityId: id, after });
      return after;
    });
  }

  approve(user: AuthUser, id: string): Promise<SpjResponse> {
    return this.tx.run(async (m) => {
      const [row] = await m.query(`SELECT id, number, status, created_by, organization_id, fiscal_year, advance_sp2d_id, total::text FROM spj WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw DomainError.notFound('SPJ', id);
      await this.access.requireOrganization(user, Permission.SPJ_APPROVE, row.organization_id, 'SPJ', id);
      if (row.status !== 'SUBMITTED') throw DomainError.invalidTransition('SPJ', row.status, 'approved');
      if (row.created_by === user.id) throw DomainError.sameMakerAndApprover('SPJ');
      await this.years.requireStatus(m, row.fiscal_year, ['EXECUTION']);
      const before = await this.fetch(m, id);
      const [adv] = await m.query(`SELECT number, type, status, gross::text FROM sp2d WHERE id = $1 FOR UPDATE`, [row.advance_sp2d_id]);
      if (adv.status !== 'ISSUED') throw DomainError.rule('ADVANCE_NOT_LIVE', `the advance SP2D ${adv.number} is ${adv.status}`);
      const receipts: { id: string; number: string; receipt_date: string; budget_line_id: string; gross: string }[] = await m.query(
        `SELECT id, number, to_char(receipt_date, 'YYYY-MM-DD') AS receipt_date, budget_line_id, gross::text FROM receipts WHERE spj_id = $1 ORDER BY receipt_date, number FOR UPDATE`, [id]);
      let spent: BkuPosting[];
      if (receipts.length) {
        // Realised per receipt, each naming it (its date is the value date); the BKU has had them since their dates.
        await this.ledger.post(m, receipts.map((r) => ({
          budgetLineId: r.budget_line_id, kind: LedgerKind.DISBURSEMENT, amount: Money.of(r.gross), sourceType: 'Receipt', sourceId: r.id, valueDate: r.receipt_date,
          description: `SPJ ${row.number}: receipt ${r.number} of ${r.receipt_date}`,
        })));
        await m.query(`UPDATE receipts SET status = 'REALISED' WHERE spj_id = $1`, [id]);
        spent = [];
      } else {
        await this.ledger.post(m, before.lines.map((l) => ({
          budgetLineId: l.budgetLineId, kind: LedgerKind.DISBURSEMENT, amount: Money.of(l.amount), sourceType: 'Spj', sourceId: id, description: `SPJ ${row.number}: ${l.description}`,
        })));
        spent = before.lines.map((l) => ({ subLedger: 'BANK' as const, amount: Money.of(l.amount).negate(), description: `SPJ ${row.number}: ${l.description}`, sourceType: 'Spj', sourceId: id, documentNumber: row.number }));
      }
      let returned = Money.ZERO;
      if (adv.type === 'TU') {
        returned = Money.of(adv.gross).minus(Money.of(row.total));
        if (returned.isPositive()) spent.push({ subLedger: 'BANK', amount: returned.negate(), description: `SPJ ${row.number}: unused TU rest returned to the regional treasury`, sourceType: 'Spj', sourceId: id, documentNumber: row.number });
      }
      await this.bku.append(m, row.organization_id, row.fiscal_year, spent);
      await m.query(`UPDATE spj SET status = 'APPROVED', approved_by = $2, approved_at = now(), returned = $3 WHERE id = $1`, [id, user.id, returned.toString()]);
      const after = await this.fetch(m, id);
      this.audit.record({ action: 'SPJ.APPROVE', entityType: 'Spj', entityId: id, before, after });
      return after;
    });
  }

  // The PA/KPA sends a submitted SPJ back to its treasurer with a reason; it
  // keeps its number and no longer counts against the advance, and the
  // treasurer makes a corrected SPJ.
  reject(user: AuthUser, id: string, reason: string): Promise<SpjResponse> {
    return this.tx.run(async (m) => {
      const [row] = await m.query(`SELECT id, status, organization_id FROM spj WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw DomainError.notFound('SPJ', id);
      await this.access.requireOrganization(user, Permission.SPJ_APPROVE, row.organization_id, 'SPJ', id);
      if (row.status !== 'SUBMITTED') throw DomainError.invalidTransition('SPJ', row.status, 'rejected');
      const before = await this.fetch(m, id);
      await m.query(`UPDATE spj SET status = 'REJECTED', rejected_by = $2, reject_reason = $3 WHERE id = $1`, [id, user.id, reason]);
      // its receipts go back to the treasurer, to be gathered by the corrected SPJ
      await m.query(`UPDATE receipts SET status = 'RECORDED', spj_id = NULL WHERE spj_id = $1`, [id]);
      const after = await this.fetch(m, id);
      this.audit.record({ action: 'SPJ.REJECT', entityType: 'Spj', entityId: id, before, after: { ...after, reason } });
      return after;
    });
  }

  get(user: AuthUser, id: string): Promise<SpjResponse> {
    return this.tx.run(async (m) => {
      const row = await this.fetch(m, id);
      await this.access.requireOrganization(user, Permission.SPP_READ, row.organizationId, 'SPJ', id);
      return row;
    });
  }

  async list(user: AuthUser, q: SpjQueryDto): Promise<CursorPage<SpjResponse>> {
    const scope = await this.access.scope(user, Permission.SPP_READ);
    return this.tx.run((m) => listDocuments<SpjResponse>(m, { table: 'spj', alias: 'j', select: SELECT, scope, q }));
  }

  async fetch(m: EntityManager, id: string): Promise<SpjResponse> {
    const [row] = await m.query(`${SELECT} WHERE j.id = $1`, [id]);
    if (!row) throw DomainError.notFound('SPJ', id);
    return row;
  }
}

/** The receipts an SPJ gathers, locked, as SPJ lines (their sums per budget line); each must be the advance's and not yet in an SPJ. */
async function gatherReceipts(m: EntityManager, ids: string[], advanceId: string, advanceNumber: string): Promise<{ budgetLineId: string; amount: string; description: string }[]> {
  const rows: { id: string; number: string; advance_sp2d_id: string; status: string; budget_line_id: string; gross: string }[] = await m.query(
    `SELECT id, number, advance_sp2d_id, status, budget_line_id, gross::text FROM receipts WHERE id = ANY($1::uuid[]) ORDER BY receipt_date, number FOR UPDATE`, [ids]);
  ids.forEach((rid, i) => {
    const r = rows.find((x) => x.id === rid);
    if (!r || r.advance_sp2d_id !== advanceId) throw DomainError.rule('RECEIPT_NOT_OF_ADVANCE', `receipt ${rid} is not a receipt of advance ${advanceNumber}`, [{ field: `receiptIds.${i}`, message: 'not of this advance' }]);
    if (r.status === 'CANCELLED') throw DomainError.conflict('RECEIPT_CANCELLED', `receipt ${r.number} is cancelled`);
    if (r.status !== 'RECORDED') throw DomainError.conflict('RECEIPT_ALREADY_GATHERED', `receipt ${r.number} is already in an SPJ (${r.status})`);
    if (ids.indexOf(rid) !== i) throw DomainError.invalid(`receipt ${r.number} is named twice`, [{ field: `receiptIds.${i}`, message: 'duplicate' }]);
  });
  const byLine = new Map<string, { amount: Money; numbers: string[] }>();
  for (const r of rows) {
    const l = byLine.get(r.budget_line_id) ?? { amount: Money.ZERO, numbers: [] };
    byLine.set(r.budget_line_id, { amount: l.amount.plus(Money.of(r.gross)), numbers: [...l.numbers, r.number] });
  }
  return [...byLine].map(([budgetLineId, l]) => ({ budgetLineId, amount: l.amount.toString(), description: `receipts ${l.numbers.join(', ')}`.slice(0, 500) }));
}
