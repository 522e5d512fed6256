import { Injectable } from '@nestjs/common';
import { FiscalYearsService, LedgerKind, LedgerService } from '@grms/budget';
import { AuditService, AuthUser, DomainError, Money, TransactionService } from '@grms/core';
import { nextNumber } from '../common/doc-lines';
import { CreateFinancingRealizationDto, FinancingRealizationResponse } from './dto/treasury.dto';
import { TreasuryCashService } from './treasury-cash.service';

const SELECT = `
  SELECT f.id, f.number, f.fiscal_year AS "fiscalYear", f.budget_line_id AS "budgetLineId", b.account_code AS "accountCode", a.name AS "accountName",
    CASE WHEN b.account_code LIKE '6.2.%' THEN 'EXPENDITURE' ELSE 'RECEIPT' END AS direction, f.realized_on::text AS "realizedOn", f.amount,
    f.description, u.username AS "createdBy"
  FROM financing_realizations f JOIN budget_lines b ON b.id = f.budget_line_id JOIN accounts a ON a.code = b.account_code JOIN users u ON u.id = f.created_by`;

// Financing realised by the regional treasurer (BUD, CASH_AUTHORITY;
// decision 0121): a receipt (6.1: the previous year's SiLPA, a loan drawn,
// reserve funds released) adds to the treasury's cash; an expenditure (6.2:
// capital participation, loan repayment) leaves it, at most its estimate and
// never beyond the cash. Posts a REALIZATION on the BPKAD financing line.
@Injectable()
export class FinancingService {
  constructor(
    private readonly tx: TransactionService, private readonly audit: AuditService, private readonly ledger: LedgerService,
    private readonly years: FiscalYearsService, private readonly cash: TreasuryCashService,
  ) {}

  realize(user: AuthUser, dto: CreateFinancingRealizationDto): Promise<FinancingRealizationResponse> {
    return this.tx.run(async (m) => {
      const [line] = await m.query(`SELECT id, fiscal_year AS "fiscalYear", organization_id AS "organizationId", account_code AS "accountCode" FROM budget_lines WHERE id = $1`, [dto.budgetLineId]);
      if (!line) throw DomainError.notFound('budget line', dto.budgetLineId);
      const fail = (code: string, field: string, msg: string): never => { throw DomainError.rule(code, msg, [{ field, message: msg }]); };
      if (!line.accountCode.startsWith('6.')) fail('NOT_A_FINANCING_LINE', 'budgetLineId', `budget line ${line.id} is on account ${line.accountCode}, not a financing account (6.*)`);
      await this.years.requireStatus(m, line.fiscalYear, ['EXECUTION']);
      const [{ today }] = await m.query(`SELECT current_date::text AS today`);
      if (dto.realizedOn > today) fail('INVALID_VALUE_DATE', 'realizedOn', `realizedOn ${dto.realizedOn} is in the future (today is ${today})`);
      if (Number(dto.realizedOn.slice(0, 4)) !== line.fiscalYear) fail('INVALID_VALUE_DATE', 'realizedOn', `realizedOn ${dto.realizedOn} is outside fiscal year ${line.fiscalYear} of the line`);
      await this.ledger.requireOpenPeriods(m, [dto.realizedOn]);
      const amount = Money.of(dto.amount);
      const number = await nextNumber(m, 'PMB', line.organizationId, line.fiscalYear);
      if (line.accountCode.startsWith('6.2.')) await this.cash.requireCash(m, line.fiscalYear, dto.realizedOn, amount, `financing expenditure ${number} on ${line.accountCode}`);
      const [{ id }] = await m.query(
        `INSERT INTO financing_realizations (number, fiscal_year, budget_line_id, realized_on, amount, description, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [number, line.fiscalYear, line.id, dto.realizedOn, amount.toString(), dto.description.trim(), user.id]);
      await this.ledger.post(m, [{ budgetLineId: line.id, kind: LedgerKind.REALIZATION, amount, sourceType: 'FinancingRealization', sourceId: id,
        valueDate: dto.realizedOn, description: `${number}: ${dto.description.trim()}` }]);
      await this.cash.book(m, line.fiscalYear, dto.realizedOn, line.accountCode.startsWith('6.2.') ? { financingExpenditures: amount } : { financingReceipts: amount });
      const [after] = await m.query(`${SELECT} WHERE f.id = $1`, [id]);
      this.audit.record({ action: 'FINANCING.REALIZE', entityType: 'FinancingRealization', entityId: id, after });
      return after;
    });
  }
}
