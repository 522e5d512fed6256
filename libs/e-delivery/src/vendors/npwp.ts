// NPWP: 15 digits (old format) or 16 (NIK-based since 2024); dots, dashes and
// spaces as printed are stripped; anything else is refused.
export function normalizeVendorNpwp(input: string): string | null {
  const t = input.trim();
  if (!/^[0-9.\- ]+$/.test(t)) return null;
  const digits = t.replace(/[.\- ]/g, '');
  return /^(\d{15}|\d{16})$/.test(digits) ? digits : null;
}
