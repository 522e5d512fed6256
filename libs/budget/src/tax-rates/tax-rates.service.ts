import { Injectable } from '@nestjs/common';
import { AuditService, AuthUser, DomainError, TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import Decimal from 'decimal.js';
import { FiscalYearsService } from '../fiscal-years/fiscal-years.service';
import { DEFAULT_TAX_RATES } from './default-tax-rates';
import { PutTaxRateDto, TaxRateResponse } from './dto/tax-rate.dto';
import { PaymentKind, Qualification, TaxBase, TaxRate, TaxRule } from './tax-rate';

// The per-fiscal-year tax table (reference data): the year's own rows
// override the defaults. e-budgeting reads PPN from it, e-penatausahaan the
// taxes it withholds.
@Injectable()
export class TaxRatesService {
  constructor(private readonly tx: TransactionService, private readonly audit: AuditService, private readonly years: FiscalYearsService) {}

  async table(m: EntityManager, fiscalYear: number): Promise<TaxRateResponse[]> {
    const rows: TaxRow[] = await m.query(
      `SELECT code, name, rate::text AS rate, base, min_gross::text AS min_gross, excluded_accounts, excluded_payment_kinds, requires_pkp,
         no_npwp_surcharge::text AS no_npwp_surcharge, tax_group, qualifications
       FROM tax_rates WHERE fiscal_year = $1 ORDER BY code`, [fiscalYear]);
    const own = new Map(rows.map((r) => [r.code, r]));
    const out: TaxRateResponse[] = DEFAULT_TAX_RATES.map((d) => responseOf(fiscalYear, d, own.get(d.code)));
    for (const r of rows) if (!DEFAULT_TAX_RATES.some((d) => d.code === r.code)) out.push(responseOf(fiscalYear, null, r));
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
      // Rules not given keep what the row had (or the default's).
      await m.query(
        `INSERT INTO tax_rates (fiscal_year, code, name, rate, updated_by, base, min_gross, excluded_accounts, excluded_payment_kinds, requires_pkp, no_npwp_surcharge, tax_group, qualifications)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (fiscal_year, code) DO UPDATE SET name = EXCLUDED.name, rate = EXCLUDED.rate, updated_by = EXCLUDED.updated_by, updated_at = now(),
           base = COALESCE(EXCLUDED.base, tax_rates.base), min_gross = COALESCE(EXCLUDED.min_gross, tax_rates.min_gross),
           excluded_accounts = COALESCE(EXCLUDED.excluded_accounts, tax_rates.excluded_accounts),
           excluded_payment_kinds = COALESCE(EXCLUDED.excluded_payment_kinds, tax_rates.excluded_payment_kinds),
           requires_pkp = COALESCE(EXCLUDED.requires_pkp, tax_rates.requires_pkp), no_npwp_surcharge = COALESCE(EXCLUDED.no_npwp_surcharge, tax_rates.no_npwp_surcharge),
           tax_group = CASE WHEN $14 THEN EXCLUDED.tax_group ELSE tax_rates.tax_group END, qualifications = COALESCE(EXCLUDED.qualifications, tax_rates.qualifications)`,
        [fiscalYear, code, dto.name, dto.rate, user.id, dto.base ?? null, dto.minGross ?? null, dto.excludedAccounts ?? null, dto.excludedPaymentKinds ?? null,
          dto.requiresPkp ?? null, dto.noNpwpSurcharge ?? null, dto.group ?? null, dto.qualifications ?? null, dto.group !== undefined],
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

  /** The whole table of `fiscalYear` with each row's rules, for computing the taxes of a payment. */
  async rulesOf(m: EntityManager, fiscalYear: number): Promise<TaxRule[]> {
    return (await this.table(m, fiscalYear)).map(({ fiscalYear: _y, configured: _c, ...r }) => r);
  }
}

interface TaxRow {
  code: string; name: string; rate: string; base: TaxBase | null; min_gross: string | null; excluded_accounts: string[] | null;
  excluded_payment_kinds: PaymentKind[] | null; requires_pkp: boolean | null; no_npwp_surcharge: string | null; tax_group: string | null; qualifications: Qualification[] | null;
}

// A configured row over the default: each rule the row leaves NULL is the default's.
function responseOf(fiscalYear: number, d: TaxRule | null, o: TaxRow | undefined): TaxRateResponse {
  return {
    fiscalYear, code: (o?.code ?? d?.code)!, name: o?.name ?? d!.name, rate: o?.rate ?? fix4(d!.rate),
    base: o?.base ?? d?.base ?? 'GROSS',
    minGross: o?.min_gross ?? d?.minGross ?? null,
    excludedAccounts: o?.excluded_accounts ?? d?.excludedAccounts ?? [],
    excludedPaymentKinds: o?.excluded_payment_kinds ?? d?.excludedPaymentKinds ?? [],
    requiresPkp: o?.requires_pkp ?? d?.requiresPkp ?? false,
    noNpwpSurcharge: o?.no_npwp_surcharge ?? fix4(d?.noNpwpSurcharge ?? '0'),
    group: o && o.tax_group !== null ? o.tax_group : d?.group ?? null,
    qualifications: o?.qualifications ?? d?.qualifications ?? [],
    configured: !!o,
  };
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
