import { DomainError, FieldError, Money } from '@grms/core';
import { PackageMethod, PackageType } from './package.constants';

// The rules of a package that need no database: funding lines summing to the
// value, the plans, the method against its threshold and type.

export function requireFundingSumsToValue(value: Money, lines: { budgetLineId: string; amount: string }[]): void {
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    if (seen.has(l.budgetLineId)) throw DomainError.invalid(`budget line ${l.budgetLineId} appears more than once`, [{ field: `fundingLines.${i}.budgetLineId`, message: 'duplicate budget line' }], 'DUPLICATE_LINE');
    seen.add(l.budgetLineId);
  });
  const sum = Money.sum(lines.map((l) => Money.of(l.amount)));
  if (!sum.eq(value)) {
    throw DomainError.rule('FUNDING_NOT_VALUE', `the funding lines sum to ${sum}, the value is ${value}; they must be equal`, [{ field: 'fundingLines', message: `sum ${sum} <> value ${value}` }]);
  }
}

/** Refuses a method the type or the year's threshold does not allow; null when allowed. */
export function methodRefusal(type: PackageType, method: PackageMethod, value: Money, directMax: Money): DomainError | null {
  if (method === 'DIRECT_PROCUREMENT' && value.gt(directMax)) {
    return DomainError.rule('METHOD_ABOVE_THRESHOLD',
      `direct procurement of ${type} is allowed up to ${directMax}; the package value ${value} is ${value.minus(directMax)} above it: use ${type === 'CONSULTANCY' ? 'SELECTION' : 'TENDER'}`,
      [{ field: 'method', message: `above the ${directMax} threshold` }]);
  }
  if (method === 'SELECTION' && type !== 'CONSULTANCY') {
    return DomainError.rule('METHOD_NOT_FOR_TYPE', `selection (seleksi) is the method for consultancy; a ${type} package uses TENDER`, [{ field: 'method', message: 'selection is for consultancy' }]);
  }
  if ((method === 'TENDER' || method === 'FAST_TENDER') && type === 'CONSULTANCY') {
    return DomainError.rule('METHOD_NOT_FOR_TYPE', 'consultancy is procured by SELECTION, not by tender', [{ field: 'method', message: 'tender is not for consultancy' }]);
  }
  return null;
}

/** Twelve cumulative physical percentages: 0..100, never decreasing, ending at 100. */
export function physicalPlanErrors(physical: string[]): FieldError[] {
  const errors: FieldError[] = [];
  let prev = -1;
  physical.forEach((p, i) => {
    const v = Number(p);
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(p) || v > 100) errors.push({ field: `physical.${i}`, message: 'a percentage 0..100 with at most two decimals' });
    else if (v < prev) errors.push({ field: `physical.${i}`, message: `cumulative progress cannot go down (${p} < ${physical[i - 1]})` });
    else prev = v;
  });
  if (physical.length === 12 && Number(physical[11]) !== 100) errors.push({ field: 'physical.11', message: 'the S-curve ends at 100' });
  return errors;
}

export function financialPlanErrors(financial: string[], value: Money): FieldError[] {
  const sum = Money.sum(financial.map((f) => Money.of(f)));
  const errors: FieldError[] = financial.map((f, i) => (Money.of(f).isNegative() ? { field: `financial.${i}`, message: 'not negative' } : null)).filter((e): e is FieldError => e !== null);
  if (!sum.eq(value)) errors.push({ field: 'financial', message: `the months sum to ${sum}, the package value is ${value}` });
  return errors;
}
