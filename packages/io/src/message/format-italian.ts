const MONTHS = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
] as const;

/**
 * Formats integer cents as Italian euros, exactly: `14250` → `142,50 €`, `123456789` → `1.234.567,89 €`.
 * @param cents - a non-negative integer
 * @internal
 */
export function formatEuro(cents: number): string {
  const euros = Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${euros},${String(cents % 100).padStart(2, '0')} €`;
}

/**
 * Formats a `YYYY-MM-DD` day in Italian: `2025-12-16` → `16 dicembre 2025`.
 * @param date - a calendar day
 * @internal
 */
export function formatItalianDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? ''} ${year}`;
}
