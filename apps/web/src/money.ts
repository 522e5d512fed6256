// Money in the web app is a decimal string, exactly as the API writes it
// ("1250000.50"): formatting and parsing work on the digits as text, so no
// amount ever passes through a JavaScript number.

const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** Groups the digits of a whole number by thousands with dots: "1250000" -> "1.250.000". */
function group(digits: string): string {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  return trimmed.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "1250000.5" -> "Rp 1.250.000,50"; "-10.00" -> "-Rp 10,00". Anything that is not a decimal string is shown as it came. */
export function formatMoney(amount: string | null | undefined, withSymbol = true): string {
  if (amount === null || amount === undefined) return '';
  const m = DECIMAL.exec(amount.trim());
  if (!m) return amount;
  const [, sign, whole, frac = ''] = m;
  const body = `${group(whole)},${frac.padEnd(2, '0')}`;
  const negative = sign === '-' && /[1-9]/.test(whole + frac);
  return `${negative ? '-' : ''}${withSymbol ? 'Rp ' : ''}${body}`;
}

/**
 * Reads an amount typed the Indonesian way ("1.250.000,50", "Rp 1.250.000",
 * "1250000,5") into the API's exact decimal string ("1250000.50"). Dots group
 * thousands (in threes), the comma marks the sen (at most two digits). Returns
 * null when the text is not an amount, so the form can say so by the field.
 */
export function parseMoney(text: string): string | null {
  let s = text.trim().replace(/\s+/g, '');
  let sign = '';
  if (s.startsWith('-')) { sign = '-'; s = s.slice(1); }
  s = s.replace(/^Rp\.?/i, '');
  if (s.startsWith('-') && !sign) { sign = '-'; s = s.slice(1); }
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const whole = m[1].replace(/\./g, '').replace(/^0+(?=\d)/, '');
  const frac = (m[2] ?? '').padEnd(2, '0');
  if (sign && /^0+$/.test(whole + frac)) sign = '';
  return `${sign}${whole}.${frac}`;
}

/** Sums decimal strings exactly (two decimals), digit by digit in BigInt sen. */
export function sumMoney(amounts: string[]): string {
  let sen = 0n;
  for (const a of amounts) sen += toSen(a);
  return fromSen(sen);
}

/** a - b, exactly. */
export function subtractMoney(a: string, b: string): string {
  return fromSen(toSen(a) - toSen(b));
}

/** Compares two decimal strings: -1, 0 or 1. */
export function compareMoney(a: string, b: string): number {
  const d = toSen(a) - toSen(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

function toSen(amount: string): bigint {
  const m = DECIMAL.exec(amount.trim());
  if (!m) throw new Error(`not a decimal amount: ${amount}`);
  const [, sign, whole, frac = ''] = m;
  const v = BigInt(whole + frac.padEnd(2, '0'));
  return sign === '-' ? -v : v;
}

function fromSen(sen: bigint): string {
  const negative = sen < 0n;
  const digits = (negative ? -sen : sen).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * The product of decimal strings (quantities of up to 4 decimals, a price of
 * up to 2), rounded half-up to the sen: the same rule as the API's item
 * subtotal (decision 0103), computed in BigInt, for a live preview.
 */
export function multiplyToSen(factors: string[]): string | null {
  let num = 1n;
  let scale = 0;
  for (const f of factors) {
    const m = /^(\d+)(?:\.(\d+))?$/.exec(f.trim());
    if (!m) return null;
    const frac = m[2] ?? '';
    num *= BigInt(m[1] + frac);
    scale += frac.length;
  }
  // num / 10^scale, to two decimals, half-up
  if (scale <= 2) return fromSen(num * 10n ** BigInt(2 - scale));
  const div = 10n ** BigInt(scale - 2);
  return fromSen((num + div / 2n) / div);
}
