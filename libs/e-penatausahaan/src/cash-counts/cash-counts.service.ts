import { Injectable } from '@nestjs/common';
import { AccessService, AuditService, AuthUser, DomainError, offsetOf, Page, pageOf, Permission, SqlWhere, TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import { requireOrganizationExists } from '../common/doc-lines';
import { CashCountQueryDto, CashCountResponse, CreateCashCountDto } from './dto/cash-count.dto';

const SELECT = `
  SELECT c.id, c.organization_id AS "organizationId", o.name AS "organizationName", c.fiscal_year AS "fiscalYear", to_char(c.counted_on, 'YYYY-MM-DD') AS "countedOn",
    c.cash_counted::text AS "cashCounted", c.bank_statement::text AS "bankStatement", c.book_cash::text AS "bookCash", c.book_bank::text AS "bookBank",
    c.book_tax::text AS "bookTax", c.cash_difference::text AS "cashDifference", c.bank_difference::text AS "bankDifference", c.notes, u.username AS "countedBy"
  FROM cash_counts c JOIN organizations o ON o.id = c.organization_id JOIN users u ON u.id = c.counted_by`;

// The month-end cash count (kas opname, berita acara pemeriksaan kas): what
// was counted in the safe and read on the bank statement against the BKU's
// balances at the end of that day, with the differences. A record, kept as
// written (the table refuses UPDATE and DELETE).
@Injectable()
export class CashCountsService {
  constructor(private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService) {}

  create(user: AuthUser, dto: CreateCashCountDto): Promise<CashCountResponse> {
    return this.tx.run(async (m) => {
      await requireOrganizationExists(m, dto.organizationId);
      await this.access.requireOrganization(user, Permission.BKU_WRITE, dto.organizationId, 'organization');
      const year = Number(dto.countedOn.slice(0, 4));
      const [fy] = await m.query(`SELECT status, to_char(current_date, 'YYYY-MM-DD') AS today FROM fiscal_years WHERE year = $1`, [year]);
      if (!fy || fy.status === 'PLANNING') throw DomainError.rule('DATE_OUTSIDE_OPEN_YEAR', `${dto.countedOn} is not in a fiscal year being executed (${year}: ${fy?.status ?? 'unknown'})`, [{ field: 'countedOn', message: 'outside an executed year' }]);
      if (dto.countedOn > fy.today) throw DomainError.rule('COUNT_IN_FUTURE', `a cash count cannot be dated after today (${fy.today})`, [{ field: 'countedOn', message: 'in the future' }]);
      const [dup] = await m.query(`SELECT 1 FROM cash_counts WHERE organization_id = $1 AND counted_on = $2`, [dto.organizationId, dto.countedOn]);
      if (dup) throw DomainError.conflict('CASH_COUNT_EXISTS', `the cash of this OPD was already counted on ${dto.countedOn}`);
      const [{ id }] = await m.query(
        `INSERT INTO cash_counts (organization_id, fiscal_year, counted_on, cash_counted, bank_statement, book_cash, book_bank, book_tax, notes, counted_by)
         SELECT $1, $2, $3, $4, $5,
           COALESCE(sum(amount) FILTER (WHERE sub_ledger = 'CASH'), 0), COALESCE(sum(amount) FILTER (WHERE sub_ledger = 'BANK'), 0), COALESCE(sum(amount) FILTER (WHERE sub_ledger = 'TAX'), 0),
           $6, $7
         FROM bku_entries WHERE organization_id = $1 AND fiscal_year = $2 AND entry_date <= $3 RETURNING id`,
        [dto.organizationId, year, dto.countedOn, dto.cashCounted, dto.bankStatement, dto.notes?.trim() || null, user.id]);
      const after = await this.fetch(m, id);
      this.audit.record({ action: 'CASH_COUNT.CREATE', entityType: 'CashCount', entityId: id, after });
      return after;
    });
  }

  async list(user: AuthUser, q: CashCountQueryDto): Promise<Page<CashCountResponse>> {
    return this.tx.run(async (m) => {
      await requireOrganizationExists(m, q.organizationId);
      await this.access.requireOrganization(user, Permission.BKU_READ, q.organizationId, 'organization');
      const w = new SqlWhere().add('c.organization_id = ?', q.organizationId).add('c.fiscal_year = ?', q.fiscalYear);
      const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM cash_counts c ${w.clause}`, w.params);
      const page = w.page(q.limit, offsetOf(q));
      return pageOf(await m.query(`${SELECT} ${w.clause} ORDER BY c.counted_on ${page.sql}`, page.params), total, q);
    });
  }

  private async fetch(m: EntityManager, id: string): Promise<CashCountResponse> {
    const [row] = await m.query(`${SELECT} WHERE c.id = $1`, [id]);
    return row;
  }
}
