import Decimal from 'decimal.js';

// One exact money type. Amounts are rupiah with two decimals (sen); all
// arithmetic goes through decimal.js, never through a JS number.
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export const MONEY_PATTERN = /^-?\d{1,18}(\.\d{1,2})?$/;

export class Money {
  private constructor(private readonly value: Decimal) {}

  static readonly ZERO = new Money(new D(0));

  /** Parses a decimal string ("1250000", "1250000.5", "1250000.50"). */
  static of(input: string | Money): Money {
    if (input instanceof Money) return input;
    if (typeof input !== 'string' || !MONEY_PATTERN.test(input.trim())) {
      throw new TypeError(`not a money amount: ${String(input)}`);
    }
    return new Money(new D(input.trim()));
  }

  /** From a value with any number of decimals, rounded half-up to sen. */
  static fromDecimal(d: Decimal.Value): Money {
    return new Money(new D(d).toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
  }

  static sum(items: Iterable<Money>): Money {
    let acc = new D(0);
    for (const m of items) acc = acc.plus(m.value);
    return new Money(acc);
  }

  plus(o: Money): Money { return new Money(this.value.plus(o.value)); }
  minus(o: Money): Money { return new Money(this.value.minus(o.value)); }
  negate(): Money { return new Money(this.value.negated()); }
  abs(): Money { return new Money(this.value.abs()); }

  /** Multiplies by an exact factor and rounds half-up to sen. */
  times(factor: Decimal.Value): Money {
    return Money.fromDecimal(this.value.times(new D(factor)));
  }

  /** Rounds to whole rupiah, half-up (away from zero for negatives). */
  toWholeRupiah(): Money {
    return new Money(this.value.toDecimalPlaces(0, Decimal.ROUND_HALF_UP));
  }

  /** Whole rupiah rounded down (truncation), for withheld taxes if chosen. */
  floorRupiah(): Money {
    return new Money(this.value.toDecimalPlaces(0, Decimal.ROUND_FLOOR));
  }

  cmp(o: Money): number { return this.value.cmp(o.value); }
  eq(o: Money): boolean { return this.value.eq(o.value); }
  gt(o: Money): boolean { return this.value.gt(o.value); }
  gte(o: Money): boolean { return this.value.gte(o.value); }
  lt(o: Money): boolean { return this.value.lt(o.value); }
  lte(o: Money): boolean { return this.value.lte(o.value); }
  isZero(): boolean { return this.value.isZero(); }
  isNegative(): boolean { return this.value.isNegative() && !this.value.isZero(); }
  isPositive(): boolean { return this.value.gt(0); }

  /** Percentage of `whole`, two decimals, "0.00" when whole is zero. */
  percentOf(whole: Money): string {
    if (whole.isZero()) return '0.00';
    return this.value.times(100).dividedBy(whole.value).toFixed(2, Decimal.ROUND_HALF_UP);
  }

  toDecimal(): Decimal { return this.value; }
  /** Canonical wire form: two decimals, no exponent ("1250000.00"). */
  toString(): string { return this.value.toFixed(2); }
  toJSON(): string { return this.toString(); }
}

/** Normalises a database numeric or request string to the canonical form. */
export function money(input: string | Money | null | undefined): string {
  if (input === null || input === undefined) return '0.00';
  return Money.of(typeof input === 'string' ? input : input.toString()).toString();
}

/**
 * For spreadsheet cells only (XLSX stores numbers as doubles): the value as a
 * number when that double reads back as exactly the same decimal, so users
 * can sum it; otherwise the decimal string itself, so no float ever rounds it.
 */
export function spreadsheetDecimal(value: string | null | undefined): number | string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const d = new D(value.trim());
  const n = d.toNumber();
  return Number.isFinite(n) && new D(n).eq(d) ? n : d.toFixed();
}
