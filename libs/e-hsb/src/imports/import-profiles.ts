import { unpadAccountCode } from '@grms/budget';
import { Money, NumberLocale, parseAmountCell } from '@grms/core';
import { cleanText, HSB_CATEGORIES, HSB_CEILINGS, HsbCategory, HsbCeiling, HsbItemContent } from '../items/hsb-item.types';
import { headerKey } from './tabular-reader';

export type HsbField = 'code' | 'name' | 'specification' | 'unit' | 'price' | 'category' | 'accountCodes' | 'ceiling';

export interface RowIssue { row: number; field: string; message: string; column?: string; apiField?: string }

export interface ProfileOptions { category?: HsbCategory; ceiling?: HsbCeiling; locale?: NumberLocale }

/**
 * A row as its cells read; its account codes are resolved against the year's
 * code list for the whole file at once. The price is the cell's exact amount
 * with two decimals (`1250000.50`, as `Money#toString` writes it), staged as
 * text into a numeric(20,2) column: no Decimal per cell (issue 11, decision 0112).
 */
export type HsbItemDraft = Omit<HsbItemContent, 'accountCodes' | 'price'> & { price: string };

/**
 * How a profile's account codes reach a leaf of the year's code-list version:
 * `exact`, the leaf itself; `city`, the leaf, its SIPD-RI print form, or an
 * older code through the crosswalk (mapCityAccountCode, decision 0111).
 */
export type AccountRule = 'exact' | 'city';

export interface ImportProfile {
  name: string;
  description: string;
  /** how the files of this profile write amounts, unless the import says otherwise */
  locale: NumberLocale;
  /** per field, the header names it may have in the file (compared by headerKey) */
  columns: Partial<Record<HsbField, string[]>>;
  required: HsbField[];
  accounts: AccountRule;
  /**
   * turns the raw cells of one row into a draft item and the account codes
   * it lists, or says why not: the rules of one cell (empty, spaces, price,
   * enums). The accounts are checked against the code list for the whole
   * file at once, in SQL (hsb-import-sql.ts), bad rows included.
   */
  read(cells: Partial<Record<HsbField, string>>, ctx: ReadContext): { draft?: HsbItemDraft; accounts: string[]; errors: Omit<RowIssue, 'row'>[]; warnings: Omit<RowIssue, 'row'>[] };
}

export interface ReadContext {
  options: ProfileOptions;
  /** the number locale the file is read with */
  locale: NumberLocale;
  /** the file's header for a field, to name the column in a report */
  header(field: HsbField): string;
}

export interface MapContext {
  /** expenditure account leaves of the code-list version of the import's fiscal year */
  leaves: Set<string>;
  /** older codes (e.g. Permendagri 90/2019) -> that version's, from the loaded crosswalks */
  crosswalk: Map<string, string>;
}

/** A price cell under the file's number locale (spaces ignored): the amount, or why not. */
export function parsePrice(s: string, locale: NumberLocale = 'en'): { price: Money } | { error: string } {
  const r = parseAmountCell(s, locale);
  return 'amount' in r ? { price: Money.of(r.amount) } : r;
}

const LEADING_ZEROS = /^0+(?=\d)/;

/**
 * A plain amount as parseAmountCell answers it (`\d{1,18}(\.\d{1,2})?`) in
 * two decimals, exactly as `Money.of(amount).toString()` writes it, by string
 * operations only (a property test holds the two equal).
 */
export function fixedTwo(amount: string): string {
  const dot = amount.indexOf('.');
  const whole = (dot < 0 ? amount : amount.slice(0, dot)).replace(LEADING_ZEROS, '');
  const cents = dot < 0 ? '00' : `${amount.slice(dot + 1)}00`.slice(0, 2);
  return `${whole}.${cents}`;
}

/** A price cell as parsePrice reads it, the amount in two decimals (fixedTwo). */
export function priceText(s: string, locale: NumberLocale = 'en'): { price: string } | { error: string } {
  const r = parseAmountCell(s, locale);
  return 'amount' in r ? { price: fixedTwo(r.amount) } : r;
}

/**
 * A city account code to an expenditure leaf of the year's code-list version,
 * or null; never a guess (docs/decisions/0111). Accepted: the leaf itself
 * (`5.1.02.01.01.0024`); the SIPD-RI print form with one extra zero in each
 * of the last two segments (`5.1.02.01.001.00024`, the same account); a code
 * of an older version that the loaded crosswalk maps to a leaf
 * (`5.2.02.10.01.001` -> `5.2.02.10.01.0001`).
 */
export function mapCityAccountCode(code: string, ctx: MapContext): string | null {
  const c = code.replace(/\s+/g, '');
  for (const candidate of [...accountCandidates('city', code), ctx.crosswalk.get(c)]) {
    if (candidate && ctx.leaves.has(candidate)) return candidate;
  }
  return null;
}

/**
 * The leaves an account code as written may stand for, in the order tried,
 * before the crosswalk: `exact`, the code; `city`, the code without spaces and
 * its SIPD-RI print form unpadded. The import looks them up in SQL, then (city
 * only) the crosswalk of the code without spaces.
 */
export function accountCandidates(rule: AccountRule, code: string): string[] {
  if (rule === 'exact') return [code];
  const c = code.replace(/\s+/g, '');
  const unpadded = unpadAccountCode(c);
  return unpadded && unpadded !== c ? [c, unpadded] : [c];
}

/** Splits a cell that lists several codes (comma, semicolon or line break). */
export function splitCodes(cell: string, separators: RegExp): string[] {
  return cell.split(separators).map((c) => c.trim()).filter((c) => c.length > 0);
}

const SPACE = /\s/;
const SEMICOLON = /;/;
const CITY_SEPARATORS = /[,;\n]/;

function common(cells: Partial<Record<HsbField, string>>, ctx: ReadContext, errors: Omit<RowIssue, 'row'>[]) {
  const code = (cells.code ?? '').trim();
  const name = cleanText(cells.name);
  const unit = cleanText(cells.unit);
  if (!code) errors.push({ field: ctx.header('code'), message: 'code is empty' });
  if (SPACE.test(code)) errors.push({ field: ctx.header('code'), message: `code "${code}" contains spaces` });
  if (!name) errors.push({ field: ctx.header('name'), message: 'name is empty' });
  if (!unit) errors.push({ field: ctx.header('unit'), message: 'unit is empty' });
  const read = priceText(cells.price ?? '', ctx.locale);
  const price = 'price' in read ? read.price : null;
  if ('error' in read) errors.push({ field: ctx.header('price'), message: `price ${read.error}` });
  return { code, name, unit, price };
}

export const DEFAULT_PROFILE: ImportProfile = {
  name: 'default',
  locale: 'en',
  description: 'GRMS layout: code,name,specification,unit,price,category,accountCodes,ceiling (accountCodes separated by ";")',
  columns: {
    code: ['code'], name: ['name'], specification: ['specification'], unit: ['unit'], price: ['price'],
    category: ['category'], accountCodes: ['accountCodes', 'account_codes'], ceiling: ['ceiling'],
  },
  required: ['code', 'name', 'unit', 'price', 'category', 'accountCodes', 'ceiling'],
  accounts: 'exact',
  read(cells, ctx) {
    const errors: Omit<RowIssue, 'row'>[] = [];
    const { code, name, unit, price } = common(cells, ctx, errors);
    const category = (cells.category ?? '').trim().toUpperCase() as HsbCategory;
    const ceiling = (cells.ceiling ?? '').trim().toUpperCase() as HsbCeiling;
    if (!HSB_CATEGORIES.includes(category)) errors.push({ field: ctx.header('category'), message: `category "${cells.category ?? ''}" is not one of ${HSB_CATEGORIES.join(', ')}` });
    if (!HSB_CEILINGS.includes(ceiling)) errors.push({ field: ctx.header('ceiling'), message: `ceiling "${cells.ceiling ?? ''}" is not HARD or ESTIMATE` });
    const codes = splitCodes(cells.accountCodes ?? '', SEMICOLON);
    if (codes.length === 0) errors.push({ field: ctx.header('accountCodes'), message: 'no account code: an item needs at least one' });
    if (errors.length) return { errors, warnings: [], accounts: codes };
    return { errors, warnings: [], accounts: codes, draft: { code, name, unit, price: price!, category, ceiling, specification: cleanText(cells.specification) } };
  },
};

export const KOTA_MALANG_SSH_PROFILE: ImportProfile = {
  name: 'kota-malang-ssh',
  locale: 'id',
  description: 'Kota Malang SSH price list (data/reference/ssh_items_sample.csv): KODE BARANG, URAIAN BARANG, SPESIFIKASI, SATUAN, HARGA SATUAN, KODE REKENING; category SSH and ceiling ESTIMATE unless the options say otherwise; account codes mapped from the city format through the crosswalk onto the year\'s code-list version; a row with an account that does not map is refused',
  columns: {
    code: ['KODE BARANG'], name: ['URAIAN BARANG'], specification: ['SPESIFIKASI'], unit: ['SATUAN'], price: ['HARGA SATUAN'], accountCodes: ['KODE REKENING'],
  },
  required: ['code', 'name', 'unit', 'price', 'accountCodes'],
  accounts: 'city',
  read(cells, ctx) {
    const errors: Omit<RowIssue, 'row'>[] = [];
    const warnings: Omit<RowIssue, 'row'>[] = [];
    const { code, name, unit, price } = common(cells, ctx, errors);
    const spec = cleanText(cells.specification);
    const source = splitCodes(cells.accountCodes ?? '', CITY_SEPARATORS);
    if (source.length === 0) errors.push({ field: ctx.header('accountCodes'), message: 'no account code: an item needs at least one' });
    if (errors.length) return { errors, warnings, accounts: source };
    return {
      errors, warnings, accounts: source,
      draft: { code, name, unit, price: price!, specification: spec === '-' ? '' : spec, category: ctx.options.category ?? 'SSH', ceiling: ctx.options.ceiling ?? 'ESTIMATE' },
    };
  },
};

export const IMPORT_PROFILES: Record<string, ImportProfile> = {
  [DEFAULT_PROFILE.name]: DEFAULT_PROFILE,
  [KOTA_MALANG_SSH_PROFILE.name]: KOTA_MALANG_SSH_PROFILE,
};

/** Column index per field, found by header name; missing required columns are reported. */
export function resolveColumns(profile: ImportProfile, headers: string[]): { index: Partial<Record<HsbField, number>>; missing: string[] } {
  const keys = headers.map(headerKey);
  const index: Partial<Record<HsbField, number>> = {};
  for (const [field, names] of Object.entries(profile.columns) as [HsbField, string[]][]) {
    const i = keys.findIndex((k) => names.some((n) => headerKey(n) === k));
    if (i >= 0) index[field] = i;
  }
  const missing = profile.required.filter((f) => index[f] === undefined).map((f) => profile.columns[f]![0]);
  return { index, missing };
}

/** The API field a profile's column header fills (`HARGA SATUAN` -> `price`). */
export function apiFieldOf(profile: ImportProfile, header: string): string {
  const key = headerKey(header);
  const hit = (Object.entries(profile.columns) as [HsbField, string[]][]).find(([, names]) => names.some((n) => headerKey(n) === key));
  return hit ? hit[0] : header;
}
