import { Injectable } from '@nestjs/common';
import { AccessService, AuditService, AuthUser, DomainError, ErrorKind, FieldError, Money, NumberLocale, Permission, TransactionService } from '@grms/core';
import { columnLetter, readTable, TableReadError } from '@grms/e-hsb';
import { CashPlansService } from '../cash-plans/cash-plans.service';
import { columnsOf, moneyCell, sheetIssue } from './sheet-cells';

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
type Field = 'subActivityCode' | 'accountCode' | 'fundingSourceCode' | `m${number}`;
const COLUMNS = {
  subActivityCode: ['subActivityCode', 'Sub Kegiatan', 'Kode Sub Kegiatan'], accountCode: ['accountCode', 'Kode Rekening'],
  fundingSourceCode: ['fundingSourceCode', 'Sumber Dana', 'Kode Sumber Dana'],
  ...Object.fromEntries(MONTHS.map((m, i) => [`m${i + 1}`, [m, EN[i], m.slice(0, 3)]])),
} as Record<Field, string[]>;

/** The template's header row (the first name of each column) and an example row that sums to its appropriation. */
export const CASH_PLAN_TEMPLATE = {
  headers: ['subActivityCode', 'accountCode', 'fundingSourceCode', ...MONTHS],
  example: ['1.01.02.1.01.0070', '5.1.02.02.01.0004', '1.1.1.01', ...Array(11).fill('7000000.00'), '10500000.00'],
};

export interface CashPlanImportResult { fiscalYear: number; organizationId: string; imported: number }

// A whole OPD's cash plan from one sheet: a row per budget line (sub kegiatan,
// account, funding source) and twelve month columns. Each row must sum to its
// line's appropriation; any bad row, nothing written.
@Injectable()
export class CashPlanImportService {
  constructor(private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService, private readonly plans: CashPlansService) {}

  async import(user: AuthUser, fiscalYear: number, givenOrganization: string | undefined, buffer: Buffer, fileName: string, locale: NumberLocale = 'en'): Promise<CashPlanImportResult> {
    const organizationId = this.access.organizationOrOwn(user, givenOrganization);
    await this.access.requireOrganization(user, Permission.CASH_PLAN_WRITE, organizationId, 'organization');
    const table = await readTable(buffer, fileName, { numberLocale: locale }).catch((e: unknown) => {
      if (e instanceof TableReadError) throw DomainError.invalid(e.message, [{ field: 'file', message: e.message }], 'UNREADABLE_FILE');
      throw e;
    });
    const required = ['subActivityCode', 'accountCode', 'fundingSourceCode', ...MONTHS.map((_, i) => `m${i + 1}`)] as Field[];
    const { index, missing } = columnsOf<Field>(table.headers, COLUMNS, required);
    if (missing.length) throw DomainError.rule('IMPORT_MISSING_COLUMNS', `the header row lacks ${missing.join(', ')}`, missing.map((c) => ({ row: table.headerRow, field: c, apiField: c, message: 'column not found' })));
    // month columns fill months[0..11] of PUT /budgeting/cash-plans/{lineId}
    const issue = (f: Field, row: number, message: string) => ({ ...sheetIssue(table.headers, index, f, row, message), apiField: f.startsWith('m') ? `months.${Number(f.slice(1)) - 1}` : f });
    return this.tx.run(async (m) => {
      const lines: { id: string; key: string; appropriated: string }[] = await m.query(
        `SELECT id, sub_activity_code || '|' || account_code || '|' || funding_source_code AS key, appropriated::text FROM budget_lines WHERE fiscal_year = $1 AND organization_id = $2`,
        [fiscalYear, organizationId]);
      const byKey = new Map(lines.map((l) => [l.key, l]));
      const errors: FieldError[] = [];
      const good: { id: string; months: string[] }[] = [];
      const seen = new Map<string, number>();
      for (const r of table.rows) {
        const cell = (f: Field) => (r.cells[index[f]!] ?? '').trim();
        const key = `${cell('subActivityCode')}|${cell('accountCode')}|${cell('fundingSourceCode')}`;
        const line = byKey.get(key);
        if (!line) { errors.push(issue('accountCode', r.row, `no ${fiscalYear} budget line ${key.replace(/\|/g, ' / ')} in this OPD`)); continue; }
        if (seen.has(key)) { errors.push(issue('accountCode', r.row, `the same budget line is already on line ${seen.get(key)}`)); continue; }
        seen.set(key, r.row);
        const months: string[] = [];
        for (let i = 1; i <= 12; i++) {
          const v = moneyCell(cell(`m${i}`) || '0', locale);
          if ('error' in v) errors.push(issue(`m${i}`, r.row, v.error));
          else months.push(v.amount);
        }
        if (months.length < 12) continue;
        const total = Money.sum(months.map((x) => Money.of(x)));
        if (!total.eq(Money.of(line.appropriated))) {
          errors.push({ row: r.row, field: `${table.headers[index.m1!]}..${table.headers[index.m12!]}`, column: `${columnLetter(index.m1!)}:${columnLetter(index.m12!)}`, apiField: 'months', message: `the months sum to ${total} but the line has ${Money.of(line.appropriated)} appropriated (difference ${total.minus(Money.of(line.appropriated))})` });
          continue;
        }
        good.push({ id: line.id, months });
      }
      if (errors.length) throw new DomainError('IMPORT_INVALID_ROWS', `${new Set(errors.map((e) => e.row)).size} of ${table.rows.length} rows are invalid (first: line ${errors[0].row}, ${errors[0].field}${errors[0].column ? ` (column ${errors[0].column})` : ''}: ${errors[0].message}); nothing was written`, ErrorKind.RULE, errors);
      for (const g of good) await this.plans.put(user, g.id, { months: g.months });
      this.audit.record({ action: 'CASH_PLAN.IMPORT', entityType: 'Organization', entityId: organizationId, after: { fiscalYear, fileName, lines: good.length } });
      return { fiscalYear, organizationId, imported: good.length };
    });
  }
}
