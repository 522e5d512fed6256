// Dates as users read them: "29 Nov 2026" (Indonesian month names by
// default, English on request), from the API's ISO dates and timestamps.

const MONTHS: Record<'id' | 'en', string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** Full month names, for the cash plan's months. */
export const MONTH_NAMES: Record<'id' | 'en', string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "2026-11-29" or "2026-11-29T10:00:00.000Z" -> "29 Nov 2026" (a date-only value is never shifted by the time zone). */
export function formatDate(value: string | null | undefined, lang: 'id' | 'en' = 'id'): string {
  if (!value) return '';
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dateOnly) return `${Number(dateOnly[3])} ${MONTHS[lang][Number(dateOnly[2]) - 1]} ${dateOnly[1]}`;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${d.getDate()} ${MONTHS[lang][d.getMonth()]} ${d.getFullYear()}`;
}

/** "29 Nov 2026, 14:05" for a timestamp, in local time. */
export function formatDateTime(value: string | null | undefined, lang: 'id' | 'en' = 'id'): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${formatDate(value, lang)}, ${hh}:${mm}`;
}

/** Today's date as the API takes it (YYYY-MM-DD, local). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
