import Decimal from 'decimal.js';
import { Money } from '@grms/core';
import type { TaxRate } from '@grms/budget';

export type { TaxRate };

export interface WithheldTax extends TaxRate {
  amount: Money;
}

export interface TaxResult {
  gross: Money;
  taxes: WithheldTax[];
  taxesTotal: Money;
  net: Money;
}

// The one rounding rule for withheld taxes (docs/decisions/0203): each tax is
// gross x rate / 100, computed exactly, then rounded DOWN to whole rupiah
// (sen dropped), so no payee is ever charged more than the exact tax. The net
// is gross minus the sum of the rounded taxes, exactly (it keeps any sen of
// the gross), so net + taxes = gross always holds.
export function withholdingOf(gross: Money, rate: string): Money {
  const exact = gross.toDecimal().times(rate).dividedBy(100);
  return Money.fromDecimal(exact.toDecimalPlaces(0, Decimal.ROUND_DOWN));
}

export function computeTaxes(gross: Money, rates: TaxRate[]): TaxResult {
  if (!gross.isPositive()) throw new RangeError(`gross must be positive, got ${gross}`);
  const taxes = rates.map((r) => ({ ...r, amount: withholdingOf(gross, r.rate) }));
  const taxesTotal = Money.sum(taxes.map((t) => t.amount));
  if (taxesTotal.gt(gross)) throw new RangeError(`taxes ${taxesTotal} exceed the gross ${gross}`);
  return { gross, taxes, taxesTotal, net: gross.minus(taxesTotal) };
}
