// SAML core §1.3.3: times are xs:dateTime in UTC with the `Z` suffix. SPID conformance cases 13, 38,
// 65, 77, 81 send dates in other shapes (refused); case 110 sends microseconds (accepted: any
// fraction length, read to the millisecond).
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,12}))?Z$/;

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * @internal Reads a SAML instant strictly: `YYYY-MM-DDThh:mm:ss[.fraction]Z`, a real calendar date and
 * time (no leap second, no 24:00), any fraction length (truncated to milliseconds), UTC only.
 * @returns epoch milliseconds, or `undefined` for anything else
 */
export function parseSamlInstant(value: string): number | undefined {
  const m = DATE_TIME.exec(value);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}
