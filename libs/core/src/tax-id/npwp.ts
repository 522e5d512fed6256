// NPWP (taxpayer id), of payees and vendors alike: 15 digits (the old format) or 16 digits (NIK-based,
// since 2024). Punctuation (dots, dashes, spaces) as printed on the card is
// accepted and stripped; anything else is refused.
export function normalizeNpwp(input: string): string | null {
  if (typeof input !== 'string') return null;
  const trimmed = input.trim();
  if (!/^[0-9.\- ]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/[.\- ]/g, '');
  return /^(\d{15}|\d{16})$/.test(digits) ? digits : null;
}

export function isValidNpwp(input: string): boolean {
  return normalizeNpwp(input) !== null;
}
