import { Money } from '@grms/core';

export const HSB_CATEGORIES = ['SSH', 'HSPK', 'ASB', 'SBU'] as const;
export type HsbCategory = (typeof HSB_CATEGORIES)[number];
export const HSB_CEILINGS = ['HARD', 'ESTIMATE'] as const;
export type HsbCeiling = (typeof HSB_CEILINGS)[number];

/** The content of one catalogue item, normalised (what a version holds). */
export interface HsbItemContent {
  code: string;
  name: string;
  specification: string;
  unit: string;
  price: Money;
  category: HsbCategory;
  ceiling: HsbCeiling;
  accountCodes: string[];
}

/** What e-budgeting needs to price a budget item against the catalogue. */
export interface HsbPricing {
  itemId: string;
  versionId: string;
  version: number;
  fiscalYear: number;
  code: string;
  name: string;
  unit: string;
  price: Money;
  ceiling: HsbCeiling;
  accountCodes: string[];
  locked: boolean;
}

/** whitespace other than a plain space, or two spaces in a row */
const UNCLEAN_SPACE = /[^\S ]| {2}/;

/** Collapses runs of whitespace (line breaks included) to one space and trims. */
export function cleanText(s: string | null | undefined): string {
  const t = s ?? '';
  // only single plain spaces: nothing to collapse, no copy (issue 11)
  return UNCLEAN_SPACE.test(t) ? t.replace(/\s+/g, ' ').trim() : t.trim();
}

/** Sorted, de-duplicated account codes, so that equal sets compare equal. */
export function normaliseAccounts(codes: string[]): string[] {
  return [...new Set(codes.map((c) => c.trim()).filter((c) => c.length > 0))].sort();
}

/** True when two contents differ in anything a version records. */
export function contentDiffers(a: HsbItemContent, b: HsbItemContent): boolean {
  return a.name !== b.name || a.specification !== b.specification || a.unit !== b.unit || !a.price.eq(b.price)
    || a.category !== b.category || a.ceiling !== b.ceiling || a.accountCodes.join(';') !== b.accountCodes.join(';');
}
