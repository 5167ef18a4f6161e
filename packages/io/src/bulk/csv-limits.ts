/**
 * Caps `readRecipientsCsv` enforces before it holds any text in memory; beyond them the file is
 * refused with `ERR_IO_INVALID_CSV` (line and column named) instead of being read whole.
 *
 * @remarks
 * There is no cap on the number of rows: the reader streams, and memory does not grow with rows.
 * @group Bulk
 */
export const CSV_LIMITS = Object.freeze({
  /** Longest cell, in characters: no placeholder value can be longer than a whole message (10 000). */
  maxFieldLength: 10_000,
  /** Longest record (a line, or several when a quoted cell spans lines), in characters, line end included. */
  maxRecordLength: 100_000,
  /** Most cells in a record. */
  maxColumns: 1_000,
} as const);
