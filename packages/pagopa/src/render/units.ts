/** @internal Millimetres to PDF points. */
export function mm(value: number): number {
  return (value * 72) / 25.4;
}

/** @internal A4 portrait in millimetres, and the notice's fixed margins (pagoPA guide v3). */
export const PAGE = Object.freeze({
  width: 210,
  height: 297,
  left: 10,
  right: 200,
  /** Lowest y a module may reach before it moves to the next page. */
  bottom: 290,
  /** Where modules start on pages after the first (under the header). */
  continuationTop: 43.9,
});

/** @internal Colours of the reference renders. */
export const COLORS = Object.freeze({
  text: '#000000',
  band: '#ECECEC',
  pagoPa: '#0066CC',
  grey: '#9B9B9B',
  marks: '#C8C8C8',
});
