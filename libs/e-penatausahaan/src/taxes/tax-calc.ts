import Decimal from 'decimal.js';
import { DomainError, FieldError, Money } from '@grms/core';
import { PaymentKind, Qualification, splitVat, taxOn, TaxBase, TaxRule } from '@grms/budget';

export type { TaxRule };

export interface TaxedPayment {
  gross: Money;
  paymentKind: PaymentKind;
  /** the account codes of the payment's budget lines */
  accountCodes: string[];
  payee: { hasNpwp: boolean; vatRegistered: boolean; qualification: Qualification | null };
}

export interface WithheldTax {
  code: string;
  name: string;
  base: TaxBase;
  baseAmount: Money;
  /** the rate applied, percent: the table's rate plus any surcharge without NPWP */
  rate: string;
  surcharge: string;
  amount: Money;
  /** why nothing was collected, when so */
  note: string | null;
}

export interface TaxResult {
  gross: Money;
  dpp: Money;
  taxes: WithheldTax[];
  taxesTotal: Money;
  net: Money;
}

/**
 * A payee whose VAT registration the request does not state is a PKP when
 * the treasurer withholds a tax only a PKP's invoice carries (PPN): only a
 * PKP charges VAT, so asking for it says so (API.md's payee has no
 * `vatRegistered`; decision 0115). A stated value is taken as it is.
 */
export function asksPkpTax(codes: string[], table: TaxRule[]): boolean {
  return codes.some((c) => table.some((r) => r.code === c && r.requiresPkp));
}

/**
 * The DPP of a payment: the gross without VAT. From a VAT-registered (PKP)
 * payee the gross includes VAT, so DPP = gross x 100 / (100 + PPN rate),
 * rounded down to whole rupiah (the one VAT function, splitVat); from anyone
 * else there is no VAT in it and DPP = gross.
 */
export function dppOf(gross: Money, vatRegistered: boolean, vatRate: string): Money {
  return vatRegistered ? splitVat(gross, vatRate).dpp : gross;
}

/**
 * The rows the payment's requested codes stand for. A code naming a group
 * (PPH4_2) picks the row for the payee's qualification; a code that does not
 * apply to this payment is refused (422 TAX_NOT_APPLICABLE) with the rule.
 */
export function resolveTaxes(codes: string[], table: TaxRule[], p: TaxedPayment, fiscalYear: number): TaxRule[] {
  const seen = new Set<string>();
  return codes.map((code, i) => {
    const field = `taxes.${i}.code`;
    const named = table.find((t) => t.code === code);
    const group = table.filter((t) => t.group !== null && t.group === (named?.group ?? code) && t.qualifications.length > 0);
    if (!named && group.length === 0) {
      throw DomainError.rule('UNKNOWN_TAX_CODE', `tax ${code} is not in the ${fiscalYear} tax table (${table.map((t) => t.code).join(', ')})`, [{ field, message: 'unknown tax code' }]);
    }
    let row = named!;
    if (group.length) {
      const q = p.payee.qualification;
      if (!q) throw DomainError.rule('QUALIFICATION_REQUIRED', `${code} depends on the contractor's qualification (PP 9/2022): give payee.qualification (SMALL, CERTIFIED or UNCERTIFIED)`, [{ field: 'payee.qualification', message: `required for ${code}` }]);
      const picked = group.find((t) => t.qualifications.includes(q));
      if (!picked) throw DomainError.rule('TAX_NOT_APPLICABLE', `no row of ${code} in the ${fiscalYear} tax table is for a ${q} payee`, [{ field, message: `no row for ${q}` }]);
      if (named && named.code !== picked.code && named.code !== named.group) {
        throw DomainError.rule('TAX_NOT_APPLICABLE', `${code} is for a ${named.qualifications.join('/')} payee; this payee is ${q}, which takes ${picked.code} (${picked.rate}%)`, [{ field, message: `payee is ${q}` }]);
      }
      row = picked;
    }
    if (seen.has(row.code)) throw DomainError.invalid(`tax ${row.code} is listed twice`, [{ field, message: 'duplicate tax' }], 'DUPLICATE_TAX');
    seen.add(row.code);
    const refuse = (why: string, f: FieldError = { field, message: why }) => DomainError.rule('TAX_NOT_APPLICABLE', `${row.code} does not apply to this payment: ${why}`, [f]);
    if (row.requiresPkp && !p.payee.vatRegistered) throw refuse('it is collected only from a VAT-registered (PKP) payee and payee.vatRegistered is false', { field: 'payee.vatRegistered', message: `${row.code} needs a PKP payee` });
    if (row.excludedPaymentKinds.includes(p.paymentKind)) throw refuse(`it is not collected on ${p.paymentKind} payments`);
    const acc = p.accountCodes.find((a) => row.excludedAccounts.some((x) => a === x || a.startsWith(`${x}.`)));
    if (acc) throw refuse(`it is not collected on account ${acc} (excluded: ${row.excludedAccounts.join(', ')})`);
    return row;
  });
}

/**
 * The taxes of a payment. Each tax = taxOn(its base, rate x (1 + surcharge)),
 * the one rounding rule (down to whole rupiah, docs/decisions/0203, 0220);
 * nothing is collected when the gross is at most the tax's minimum. The net
 * is gross minus the taxes, exactly (it keeps any sen of the gross).
 */
export function computeTaxes(p: TaxedPayment, rules: TaxRule[], vatRate: string): TaxResult {
  const { gross } = p;
  if (!gross.isPositive()) throw new RangeError(`gross must be positive, got ${gross}`);
  const dpp = dppOf(gross, p.payee.vatRegistered, vatRate);
  const taxes = rules.map((r): WithheldTax => {
    const baseAmount = r.base === 'DPP' ? dpp : r.base === 'GROSS' ? gross : gross.times('0.5');
    const surcharge = p.payee.hasNpwp ? '0' : r.noNpwpSurcharge;
    const rate = new Decimal(r.rate).times(new Decimal(surcharge).plus(100)).dividedBy(100);
    const below = r.minGross !== null && gross.lte(Money.of(r.minGross));
    return {
      code: r.code, name: r.name, base: r.base, baseAmount, rate: rate.toFixed(4), surcharge: new Decimal(surcharge).toFixed(4),
      amount: below ? Money.ZERO : taxOn(baseAmount, rate),
      note: below ? `not collected: the gross ${gross} is at most ${Money.of(r.minGross!)}` : null,
    };
  });
  const taxesTotal = Money.sum(taxes.map((t) => t.amount));
  if (taxesTotal.gt(gross)) throw new RangeError(`taxes ${taxesTotal} exceed the gross ${gross}`);
  return { gross, dpp, taxes, taxesTotal, net: gross.minus(taxesTotal) };
}
