import Decimal from 'decimal.js';
import { Money } from '@grms/core';
import { addVat } from '@grms/budget';

export interface Coefficient { quantity: string; unit: string }

export interface ItemAmounts {
  volume: string;
  volumeUnit: string;
  subtotal: Money;
  vatAmount: Money;
  total: Money;
}

export const QUANTITY_PATTERN = /^\d{1,12}(\.\d{1,4})?$/;
const D = Decimal.clone({ precision: 60 });

/** Volume = the exact product of the quantities; unit = the units joined by "-" ("orang-hari"). */
export function volumeOf(coefficients: Coefficient[]): { volume: Decimal; unit: string } {
  let v = new D(1);
  for (const c of coefficients) {
    if (!QUANTITY_PATTERN.test(c.quantity.trim())) throw new TypeError(`not a quantity: ${c.quantity}`);
    v = v.times(new D(c.quantity.trim()));
  }
  return { volume: v, unit: coefficients.map((c) => c.unit.trim()).join('-') };
}

/**
 * The one rounding rule: subtotal = volume x unit price, rounded half-up to
 * the sen; VAT = the one VAT function of payments too (addVat: subtotal x the
 * fiscal year's rate, rounded down to whole rupiah, docs/decisions/0220);
 * total = subtotal + VAT. Document totals are sums of item totals.
 */
export function itemAmounts(coefficients: Coefficient[], unitPrice: Money, vat: boolean, vatRate: Decimal.Value): ItemAmounts {
  const { volume, unit } = volumeOf(coefficients);
  const subtotal = unitPrice.times(volume);
  const vatAmount = vat ? addVat(subtotal, new D(vatRate).times(100)).vat : Money.ZERO;
  return { volume: volume.toFixed(), volumeUnit: unit, subtotal, vatAmount, total: subtotal.plus(vatAmount) };
}
