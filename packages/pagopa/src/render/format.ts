/** @internal Integer cents as Italian euros: 150000 → `1.500,00`. */
export function formatCents(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = String(cents % 100).padStart(2, '0');
  return `${String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${rest}`;
}

/** @internal A `YYYY-MM-DD` calendar date as `dd/mm/yyyy`. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** @internal An 18-digit notice number in groups of 4 (pagoPA guide: `3123 4567 8901 2345 45`). */
export function groupNoticeNumber(value: string): string {
  return value.replace(/(\d{4})(?=\d)/g, '$1 ');
}
