import { Injectable } from '@nestjs/common';
import { AuditService, AuthUser, DomainError, TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import Decimal from 'decimal.js';
import { FiscalYearsService } from '../fiscal-years/fiscal-years.service';
import { DEFAULT_TAX_RATES } from './default-tax-rates';
import { PutTaxRateDto, TaxRateResponse } from './dto/tax-rate.dto';
import { TaxRate } from './tax-rate';

// The per-fiscal-year tax table (reference data): the year's own rows
// override the defaults. e-budgeting reads PPN from it, e-penatausahaan the
// taxes it withholds.
@Injectable()
export class TaxRatesService {
  constructor(private readonly tx: TransactionService, private readonly audit: AuditService, private readonly years: FiscalYearsService) {}

  async table(m: EntityManager, fiscalYear: number): Promise<TaxRateResponse[]> {
    const rows: { code: string; name: string; rate: string }[] = await m.query(
      `SELECT code, name, rate::text AS rate FROM tax_rates WHERE fiscal_year = $1`, [fiscalYear]);
    const own = new Map(rows.map((r) => [r.code, r]));
    const out: TaxRateResponse[] = DEFAULT_TAX_RATES.map((d) => {
      const o = own.get(d.code);
      return { fiscalYear, code: d.code, name: o?.name ?? d.name, rate: o?.rate ?? fix4(d.rate), configured: !!o };
    });
    for (const r of rows) if (!DEFAULT_TAX_RATES.some((d) => d.code === r.code)) out.push({ fiscalYear, code: r.code, name: r.name, rate: r.rate, configured: true });
    return out;
  }

  list(fiscalYear: number): Promise<TaxRateResponse[]> {
    return this.tx.run(async (m) => {
      await this.years.requireStatus(m, fiscalYear, ['PLANNING', 'EXECUTION', 'CLOSED']);
      return this.table(m, fiscalYear);
    });
  }

  put(user: AuthUser, fiscalYear: number, code: string, dto: PutTaxRateDto): Promise<TaxRateResponse> {
    if (!/^[A-Z0-9_]{2,30}$/.test(code)) throw DomainError.invalid('a tax code is 2-30 of A-Z, 0-9 and _', [{ field: 'code', message: 'invalid tax code' }]);
    return this.tx.run(async (m) => {
      await this.years.requireStatus(m, fiscalYear, ['PLANNING', 'EXECUTION']);
      const before = (await this.table(m, fiscalYear)).find((r) => r.code === code) ?? null;
      await m.query(
        `INSERT INTO tax_rates (fiscal_year, code, name, rate, updated_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (fiscal_year, code) DO UPDATE SET name = EXCLUDED.name, rate = EXCLUDED.rate, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [fiscalYear, code, dto.name, dto.rate, user.id],
      );
      const after = (await this.table(m, fiscalYear)).find((r) => r.code === code)!;
      this.audit.record({ action: 'TAX_RATE.SET', entityType: 'TaxRate', entityId: `${fiscalYear}/${code}`, before, after });
      return after;
    });
  }

  /** The rates for `codes` in `fiscalYear`; an unknown code is a 422 naming it. */
  async ratesFor(m: EntityManager, fiscalYear: number, codes: string[]): Promise<TaxRate[]> {
    const table = await this.table(m, fiscalYear);
    const seen = new Set<string>();
    return codes.map((code, i) => {
      if (seen.has(code)) throw DomainError.invalid(`tax ${code} is listed twice`, [{ field: `taxes.${i}.code`, message: 'duplicate tax' }], 'DUPLICATE_TAX');
      seen.add(code);
      const r = table.find((t) => t.code === code);
      if (!r) throw DomainError.rule('UNKNOWN_TAX_CODE', `tax ${code} is not in the ${fiscalYear} tax table (${table.map((t) => t.code).join(', ')})`, [{ field: `taxes.${i}.code`, message: 'unknown tax code' }]);
      return { code: r.code, name: r.name, rate: r.rate };
    });
  }
}

/** PPN of the year as a fraction with six decimals (11% -> "0.110000"), for pricing budget items. */
export async function vatFraction(svc: TaxRatesService, m: EntityManager, fiscalYear: number): Promise<string> {
  const [ppn] = await svc.ratesFor(m, fiscalYear, ['PPN']);
  return new Decimal(ppn.rate).dividedBy(100).toFixed(6);
}

function fix4(rate: string): string {
  const [i, f = ''] = rate.split('.');
  return `${i}.${f.padEnd(4, '0')}`;
}
