import { Injectable } from '@nestjs/common';
import {
  AccessService, AuditService, AuthUser, CursorPage, DomainError, Keyset, keysetAfterRow, keysetOrderBy, listPage, microTime, Money, paramsFrom, Permission, segregationOfDuties,
  snapshotPages, SqlWhere, TransactionService, whereAnd, withKeyColumn,
} from '@grms/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { FiscalYearStatus, FiscalYearsService, LedgerKind, LedgerService, LineBalance, LockedLines, Posting } from '@grms/budget';
import { ContractPaymentsService } from '@grms/e-delivery';
import { BkuPosting, BkuService } from '../bku/bku.service';
import { DataSource } from 'typeorm';
import { newestFirst } from '../common/list-documents';
import { NEXT_NUMBER_SQL } from '../common/doc-lines';
import { TaxDepositsService } from '../tax-deposits/tax-deposits.service';
import { TreasuryCashService } from '../treasury/treasury-cash.service';
import { fetchSpp, SPP_SELECT } from '../spp/spp.queries';
import { SppResponse } from '../spp/dto/spp.dto';
import { CreateSp2dDto, Sp2dQueryDto, Sp2dRegisterQueryDto, Sp2dResponse } from './dto/sp2d.dto';
import { fetchSp2d, SP2D_SELECT } from './sp2d.queries';

// SP2D (disbursement order) by the regional treasurer from an approved SPM:
// the cash leaves the regional treasury. At most one live SP2D per SPM (the
// SPM row lock serializes racing requests; a partial unique index is the
// backstop). LS posts DISBURSEMENT and releases the SPM's COMMITMENT in the
// same transaction; advances move cash into the treasurer's BKU only.
@Injectable()
export class Sp2dService {
  constructor(
    private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService,
    private readonly ledger: LedgerService, private readonly years: FiscalYearsService, private readonly bku: BkuService,
    private readonly deposits: TaxDepositsService,
    private readonly contracts: ContractPaymentsService,
    private readonly cash: TreasuryCashService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  issue(user: AuthUser, dto: CreateSp2dDto): Promise<Sp2dResponse> {
    return this.tx.run(async (m) => {
      const [spm] = await m.query(
        `SELECT m.id, m.number, m.status, m.spp_id, m.organization_id, m.fiscal_year, m.created_by, m.approved_by, p.created_by AS spp_created_by, p.verified_by AS spp_verified_by
         FROM spm m JOIN spp p ON p.id = m.spp_id WHERE m.id = $1 FOR UPDATE OF m`, [dto.spmId]);
      if (!spm) throw DomainError.notFound('SPM', dto.spmId);
      await this.access.requireOrganization(user, Permission.SP2D_WRITE, spm.organization_id, 'SPM', dto.spmId);
      if (spm.status !== 'APPROVED') {
        throw DomainError.rule('SPM_NOT_APPROVED', `an SP2D is issued from an approved SPM; SPM ${spm.number} is ${spm.status}`, [{ field: 'spmId', message: `SPM is ${spm.status}` }]);
      }
      // Segregation of duties across the chain (the database checks it again).
      const earlier = [[spm.spp_created_by, 'made its SPP'], [spm.spp_verified_by, 'verified its SPP'], [spm.created_by, 'made its SPM'], [spm.approved_by, 'approved its SPM']]
        .find(([by]) => by === user.id);
      if (earlier) throw segregationOfDuties(`issue the SP2D of SPM ${spm.number}`, earlier[1]);
      // Under the SPM's lock, one statement answers its SPP, a live SP2D of the SPM, the year's status,
      // today and the last date of the OPD's cash book.
      const [row] = await m.query(
        `SELECT s.*, (SELECT number FROM sp2d WHERE spm_id = $2 AND status = 'ISSUED') AS "__live",
           (SELECT status FROM fiscal_years WHERE year = $3) AS "__yearStatus", current_date::text AS "__today",
           (SELECT to_char(max(entry_date), 'YYYY-MM-DD') FROM bku_entries WHERE organization_id = $4 AND fiscal_year = $3) AS "__lastBooked"
         FROM (${SPP_SELECT} WHERE s.id = $1) s`, [spm.spp_id, spm.id, spm.fiscal_year, spm.organization_id]);
      const { __live: live, __yearStatus: yearStatus, __today: today, __lastBooked: lastBooked, ...spp } = row as SppResponse & { __live: string | null; __yearStatus: FiscalYearStatus | null; __today: string; __lastBooked: string | null };
      if (live) throw DomainError.conflict('SP2D_ALREADY_ISSUED', `SP2D ${live} is already issued for SPM ${spm.number}; cancel it before issuing another`);
      this.years.checkStatus(spm.fiscal_year, yearStatus, ['EXECUTION']);
      const issuedOn = issueDate(spm.fiscal_year, today, dto.issuedOn);
      // an LS SP2D posts to the ledger, which refuses a closed month in the statement that locks its lines
      if (spp.type !== 'LS') await this.ledger.requireOpenPeriods(m, [issuedOn]);
      // the number taken, the SP2D written and its SPP marked paid, in one statement; for an LS SP2D the same
      // statement then locks its budget lines for the ledger, with the closed months (decision 0029)
      const insert = `INSERT INTO sp2d (number, spm_id, spp_id, type, fiscal_year, organization_id, gross, net, issued_on, account_due_on, issued_by)
         SELECT n.number, $1, $2, $3, $4, $5, $6, $7, $8::date, CASE WHEN $3 = 'TU' THEN ($8::date + interval '1 month')::date END, $9 FROM n RETURNING id, number`;
      const params = [spm.id, spp.id, spp.type, spm.fiscal_year, spm.organization_id, spp.gross, spp.net, issuedOn, user.id, `SP2D-${spp.type}`];
      const lineIds = spp.type === 'LS' ? spp.lines.map((l) => l.budgetLineId) : [];
      let locked: LockedLines | undefined;
      let id: string;
      let number: string;
      if (lineIds.length) {
        // the lines are locked after the number, the SP2D and its SPP, as when they were a statement of their own:
        // the lock's subquery names the SP2D written and the SPP paid, so it runs once both are
        const lock = this.ledger.lockLinesStatement(lineIds, lineIds.map(() => issuedOn), 'd.id IS NOT NULL AND p.n IS NOT NULL');
        const rows: { __sp2dId: string; __sp2dNumber: string }[] = await m.query(
          `WITH n AS (${NEXT_NUMBER_SQL('$5', '$4', '$10')}), paid AS (UPDATE spp SET status = 'PAID' WHERE id = $2 RETURNING id), d AS (${insert})
           SELECT d.id AS "__sp2dId", d.number AS "__sp2dNumber", l.* FROM d CROSS JOIN LATERAL (SELECT count(*) AS n FROM paid) p
           LEFT JOIN LATERAL (${paramsFrom(lock.sql, params.length)}) l ON true`,
          [...params, ...lock.params]);
        ({ __sp2dId: id, __sp2dNumber: number } = rows[0]);
        locked = this.ledger.lockedLines(lineIds, rows.map(({ __sp2dId: _id, __sp2dNumber: _no, ...line }) => line as unknown as LineBalance));
      } else {
        [{ id, number }] = await m.query(`WITH n AS (${NEXT_NUMBER_SQL('$5', '$4', '$10')}), paid AS (UPDATE spp SET status = 'PAID' WHERE id = $2)
         ${insert}`, params);
      }
      const withheld = spp.taxes.filter((x) => Money.of(x.amount).isPositive());
      // The treasurer's book takes the SP2D on its date. The book is kept in date order (decision 0221): an SP2D
      // dated before the book's last entry is booked the day it is recorded, its entries naming the SP2D's date.
      const bookDate = lastBooked && issuedOn < lastBooked ? today : issuedOn;
      const bkuPostings = this.bkuPostings(id, number, spp.type, spp.payee.name, Money.of(spp.gross), withheld, bookDate === issuedOn ? '' : ` of ${issuedOn}`);
      // An LS SP2D without a contract writes its cash-book entries in the ledger's statement, after the lines'
      // locks as before (one round trip less; decision 0029); a contract's termin locks its rows between the two.
      const bkuAlongside = spp.type === 'LS' && !spp.contractId && spp.lines.length > 0 ? this.bku.appendStatement(spm.organization_id, spm.fiscal_year, bkuPostings, bookDate) : null;
      if (spp.type === 'LS') {
        const at = { sourceType: 'Sp2d', sourceId: id, valueDate: issuedOn };
        const postings: Posting[] = spp.lines.flatMap((l) => [
          { ...at, budgetLineId: l.budgetLineId, kind: LedgerKind.DISBURSEMENT, amount: Money.of(l.amount), description: `SP2D ${number}` },
          { ...at, budgetLineId: l.budgetLineId, kind: LedgerKind.COMMITMENT, amount: Money.of(l.amount).negate(), description: `SP2D ${number} releases SPM ${spm.number}` },
        ]);
        await this.ledger.post(m, postings, { alongside: bkuAlongside ?? undefined, locked });
      }
      if (spp.contractId) {
        // The SP2D turns exactly the termin's share of the contract's commitment into disbursement.
        const penalty = await this.contracts.checkTerminPayment(m, {
          contractId: spp.contractId, terminNo: spp.terminNo!, organizationId: spm.organization_id, gross: Money.of(spp.gross), lines: spp.lines,
          payee: { npwp: spp.payee.npwp, bankAccount: spp.payee.bankAccount },
        });
        await this.contracts.terminPaid(m, { contractId: spp.contractId, terminNo: spp.terminNo!, sp2dId: id, sp2dNumber: number, penalty, lines: spp.lines });
      }
      const proofs = new Map((dto.taxDeposits ?? []).map((d, i) => {
        if (!withheld.some((x) => x.code === d.code)) throw DomainError.invalid(`${d.code} is not withheld on SPP ${spp.number} (${withheld.map((x) => x.code).join(', ') || 'none'})`, [{ field: `taxDeposits.${i}.code`, message: 'not withheld on this SPP' }]);
        return [d.code, d];
      }));
      if (!bkuAlongside) await this.bku.append(m, spm.organization_id, spm.fiscal_year, bkuPostings, bookDate);
      for (const x of withheld) {
        await this.deposits.insert(m, { organizationId: spm.organization_id, fiscalYear: spm.fiscal_year, taxCode: x.code, amount: Money.of(x.amount), depositedOn: null,
          billingCode: proofs.get(x.code)?.billingCode, ntpn: proofs.get(x.code)?.ntpn, sourceType: 'Sp2d', sourceId: id, documentNumber: number, userId: user.id });
      }
      // the cash leaves the regional treasury: never more than it holds (decision 0121); checked and booked
      // last, so the stripe is held only for the tail of the transaction; the SP2D is read back in the same statement
      const after = (await this.cash.spend<Sp2dResponse>(m, spm.fiscal_year, issuedOn, Money.of(spp.gross), `the SP2D of SPM ${spm.number}`, { sp2d: Money.of(spp.gross) },
        { sql: `${SP2D_SELECT} WHERE d.id = $8`, params: [id] }))!;
      this.audit.record({ action: 'SP2D.ISSUE', entityType: 'Sp2d', entityId: id, after });
      return after;
    }, { preparedStatements: true }); // a fixed set of statement texts, planned once per connection (decision 0027)
  }

  cancel(user: AuthUser, id: string, reason: string): Promise<Sp2dResponse> {
    return this.tx.run(async (m) => {
      const [row] = await m.query(`SELECT id, number, status, type, spp_id, organization_id, fiscal_year, gross, current_date::text AS today FROM sp2d WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw DomainError.notFound('SP2D', id);
      await this.access.requireOrganization(user, Permission.SP2D_WRITE, row.organization_id, 'SP2D', id);
      if (row.status !== 'ISSUED') throw DomainError.invalidTransition('SP2D', row.status, 'cancelled');
      await this.years.requireStatus(m, row.fiscal_year, ['EXECUTION']);
      const [spj] = await m.query(`SELECT number FROM spj WHERE advance_sp2d_id = $1 AND status <> 'REJECTED' LIMIT 1`, [id]);
      if (spj) throw DomainError.conflict('ADVANCE_ALREADY_ACCOUNTED', `SPJ ${spj.number} already accounts for this advance; the SP2D can no longer be cancelled`);
      const before = await fetchSp2d(m, id);
      const by = { sourceType: 'Sp2dCancellation', sourceId: id, description: `cancellation of SP2D ${row.number}: ${reason}` };
      const reversed = await this.ledger.reverseSource(m, 'Sp2d', id, by);
      await this.bku.reverseSource(m, 'Sp2d', id, by);
      await m.query(`UPDATE tax_deposits SET cancelled_at = now() WHERE source_type = 'Sp2d' AND source_id = $1`, [id]);
      const spp = await fetchSpp(m, row.spp_id);
      if (spp.contractId) await this.contracts.terminUnpaid(m, { contractId: spp.contractId, terminNo: spp.terminNo!, sp2dId: id, lines: spp.lines });
      await m.query(`UPDATE sp2d SET status = 'CANCELLED', cancelled_by = $2, cancelled_at = now(), cancel_reason = $3 WHERE id = $1`, [id, user.id, reason]);
      await m.query(`UPDATE spp SET status = 'VERIFIED' WHERE id = $1`, [row.spp_id]);
      // the cash comes back to the regional treasury on the day of the cancellation
      await this.cash.book(m, row.fiscal_year, row.today, { sp2d: Money.of(row.gross).negate() });
      const after = await fetchSp2d(m, id);
      this.audit.record({ action: 'SP2D.CANCEL', entityType: 'Sp2d', entityId: id, before, after: { ...after, reversedEntries: reversed.map((e) => e.id) } });
      return after;
    });
  }

  get(user: AuthUser, id: string): Promise<Sp2dResponse> {
    return this.tx.run(async (m) => {
      const row = await fetchSp2d(m, id);
      await this.access.requireOrganization(user, Permission.SPP_READ, row.organizationId, 'SP2D', id);
      return row;
    });
  }

  async list(user: AuthUser, q: Sp2dQueryDto): Promise<CursorPage<Sp2dResponse>> {
    const scope = await this.access.scope(user, Permission.SPP_READ);
    const w = where(scope, { fiscalYear: q.fiscalYear, organizationId: q.organizationId, status: q.status, spmId: q.spmId });
    return this.tx.run((m) => listPage<Sp2dResponse>(m, SP2D_NEWEST_FIRST, q, { select: withKeyColumn(SP2D_SELECT, `${microTime('d.created_at')} AS "__createdAt"`), countFrom: 'sp2d d', where: w }));
  }

  /** The SP2D register in issue order: one page, by number or after a cursor. */
  async register(user: AuthUser, q: Sp2dRegisterQueryDto): Promise<CursorPage<Sp2dResponse>> {
    const scope = await this.access.scope(user, Permission.SPP_READ);
    const w = where(scope, { fiscalYear: q.fiscalYear, organizationId: q.organizationId, from: q.from, to: q.to });
    return this.tx.run((m) => listPage<Sp2dResponse>(m, SP2D_REGISTER_ORDER, q, { select: SP2D_SELECT, countFrom: 'sp2d d', where: w }));
  }

  /** Every SP2D of the register's filters in issue order, as pages of one snapshot (the downloads). */
  async registerPages(user: AuthUser, q: Sp2dRegisterQueryDto): Promise<AsyncIterable<Sp2dResponse[]>> {
    const scope = await this.access.scope(user, Permission.SPP_READ);
    const w = where(scope, { fiscalYear: q.fiscalYear, organizationId: q.organizationId, from: q.from, to: q.to });
    return snapshotPages<Sp2dResponse>(this.ds, (m, last, limit) => {
      const after = keysetAfterRow(SP2D_REGISTER_ORDER, last, w.params.length);
      return m.query(`${SP2D_SELECT} ${whereAnd(w.clause, after?.sql)} ${keysetOrderBy(SP2D_REGISTER_ORDER)} LIMIT ${limit}`, [...w.params, ...(after?.params ?? [])]);
    });
  }

  // An advance is cash into the treasurer's bank account. An LS payment passes
  // through the book on its day: received, paid to the payee, and each tax
  // withheld is received into the TAX sub-ledger and deposited at once, so
  // the book never shows a tax balance the treasurer does not hold.
  private bkuPostings(id: string, number: string, type: string, payee: string, gross: Money, taxes: { code: string; amount: string }[], dated = ''): BkuPosting[] {
    const p = (subLedger: BkuPosting['subLedger'], amount: Money, description: string, taxCode: string | null = null): BkuPosting =>
      ({ subLedger, amount, description: description.replace(`SP2D ${number}`, `SP2D ${number}${dated}`), sourceType: 'Sp2d', sourceId: id, documentNumber: number, taxCode });
    if (type !== 'LS') return [p('BANK', gross, `SP2D ${number}: ${type} advance received`)];
    const withheld = Money.sum(taxes.map((x) => Money.of(x.amount)));
    const out = [p('BANK', gross, `SP2D ${number}: LS received`), p('BANK', gross.minus(withheld).negate(), `SP2D ${number}: paid to ${payee}`)];
    for (const x of taxes) {
      out.push(p('BANK', Money.of(x.amount).negate(), `SP2D ${number}: ${x.code} withheld`),
        p('TAX', Money.of(x.amount), `SP2D ${number}: ${x.code} withheld`, x.code), p('TAX', Money.of(x.amount).negate(), `SP2D ${number}: ${x.code} deposited`, x.code));
    }
    return out.filter((x) => !x.amount.isZero());
  }
}

/** The SP2D date: today unless given; in the fiscal year and not in the future. */
function issueDate(fiscalYear: number, today: string, asked?: string): string {
  const date = asked ?? today;
  const refuse = (msg: string) => { throw DomainError.rule('INVALID_VALUE_DATE', msg, [{ field: 'issuedOn', message: msg }]); };
  if (date > today) refuse(`issuedOn ${date} is in the future (today is ${today})`);
  if (Number(date.slice(0, 4)) !== fiscalYear) refuse(`issuedOn ${date} is outside fiscal year ${fiscalYear}`);
  return date;
}

function where(scope: string[] | null, f: { fiscalYear?: number; organizationId?: string; status?: string; spmId?: string; from?: string; to?: string }): SqlWhere {
  return new SqlWhere()
    .scope('d.organization_id', scope)
    .add('d.fiscal_year = ?', f.fiscalYear)
    .add('d.organization_id = ?', f.organizationId)
    .add('d.status = ?', f.status)
    .add('d.spm_id = ?', f.spmId)
    .add('d.issued_on >= ?::date', f.from)
    .add('d.issued_on <= ?::date', f.to);
}

// The list: newest first. The register: in issue order (date, number), the id breaking ties.
const SP2D_NEWEST_FIRST = newestFirst<Sp2dResponse>('sp2d', 'd');
const SP2D_REGISTER_ORDER: Keyset<Sp2dResponse> = {
  name: 'sp2d-register',
  parts: [{ sql: 'd.issued_on', type: 'date', field: 'issuedOn' }, { sql: 'd.number', type: 'text', field: 'number' }, { sql: 'd.id', type: 'uuid', field: 'id' }],
};
