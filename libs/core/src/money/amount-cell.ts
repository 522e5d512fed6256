// Amounts typed in a spreadsheet cell, by the file's number locale
// (docs/decisions/0414). `en`: 1250000.50 or 1,250,000.50; `id`:
// 1250000,50 or 1.250.000,50. Thousands groups are exactly three digits,
// at most two decimals, an optional leading "Rp"; no sign. A value that
// reads only under the other locale is refused with both readings, so a file
// read with the wrong locale never passes a thousandfold amount.

export const NUMBER_LOCALES = ['en', 'id'] as const;
export type NumberLocale = (typeof NUMBER_LOCALES)[number];

const FORMS: Record<NumberLocale, { grouped: RegExp; plain: RegExp; group: string; decimal: string; example: string }> = {
  en: { grouped: /^\d{1,3}(,\d{3})+(\.\d{1,2})?$/, plain: /^\d{1,18}(\.\d{1,2})?$/, group: ',', decimal: '.', example: '1250000.50 or 1,250,000.50' },
  id: { grouped: /^\d{1,3}(\.\d{3})+(,\d{1,2})?$/, plain: /^\d{1,18}(,\d{1,2})?$/, group: '.', decimal: ',', example: '1250000,50 or 1.250.000,50' },
};

/** The amount as a plain decimal string under `locale`, or null. */
function readAs(v: string, locale: NumberLocale): string | null {
  const f = FORMS[locale];
  if (!f.grouped.test(v) && !f.plain.test(v)) return null;
  const plain = v.split(f.group).join('').replace(f.decimal, '.');
  return plain.split('.')[0].length > 18 ? null : plain;
}

const DIGITS = /^\d{1,18}$/;

export type AmountCell = { amount: string } | { error: string };

/** Reads an amount cell; the error says what was expected and, when it reads under the other locale, how. */
export function parseAmountCell(cell: string, locale: NumberLocale): AmountCell {
  // digits only read the same under either locale: no copy of the cell (issue 11)
  if (DIGITS.test(cell)) return { amount: cell };
  const v = cell.replace(/[\s\u00a0]+/g, '').replace(/^rp\.?/i, '');
  const amount = readAs(v, locale);
  if (amount !== null) return { amount };
  const other: NumberLocale = locale === 'en' ? 'id' : 'en';
  const there = readAs(v, other);
  if (there !== null) {
    return { error: `"${cell.trim()}" is written as locale=${other} would write ${there} (${FORMS[other].example}); this file is read with locale=${locale} (${FORMS[locale].example}): refused rather than guessed, set the locale option or correct the cell` };
  }
  return { error: `"${cell.trim()}" is not a non-negative amount with at most two decimals under locale=${locale} (${FORMS[locale].example})` };
}
