import Decimal from 'decimal.js';
import { Money } from '@grms/core';

const D = Decimal.clone({ precision: 60 });

/**
 * The one rounding rule for every tax (docs/decisions/0203, 0220): the tax
 * is base x rate / 100 computed exactly, then rounded DOWN to whole rupiah,
 * so nobody is ever charged more than the exact tax.
 */
export function taxOn(base: Money, ratePercent: Decimal.Value): Money {
  const exact = new D(base.toDecimal()).times(new D(ratePercent)).dividedBy(100);
  return Money.fromDecimal(exact.toDecimalPlaces(0, Decimal.ROUND_DOWN));
}

export interface VatSplit {
  /** the tax base (DPP) */
  dpp: Money;
  vat: Money;
  /** what the payee is paid for: dpp + vat when VAT is added on top; the VAT-inclusive amount when split */
  gross: Money;
}

/** VAT added on top of a price (budget items): vat = taxOn(dpp), gross = dpp + vat. */
export function addVat(dpp: Money, ratePercent: Decimal.Value): VatSplit {
  const vat = taxOn(dpp, ratePercent);
  return { dpp, vat, gross: dpp.plus(vat) };
}

/**
 * VAT inside a gross (payments): DPP = gross x 100 / (100 + rate) rounded
 * down to whole rupiah (PMK 131/2024 with 11% effective: gross x 100/111),
 * vat = taxOn(dpp). Rp10,000,000.00 -> DPP 9,009,009, VAT 990,990.
 */
export function splitVat(gross: Money, ratePercent: Decimal.Value): VatSplit {
  const exact = new D(gross.toDecimal()).times(100).dividedBy(new D(ratePercent).plus(100));
  const dpp = Money.fromDecimal(exact.toDecimalPlaces(0, Decimal.ROUND_DOWN));
  return { dpp, vat: taxOn(dpp, ratePercent), gross };
}
