/**
 * A monochrome 2D barcode symbol: one byte per module, row-major, `1` = dark, no quiet zone.
 *
 * @remarks
 * Returned by {@link encodeQrCode} and {@link encodeDataMatrix}. Module `(row, col)` is
 * `modules[row * width + col]`. Leave the quiet zone (4 modules for QR, 1 for Data Matrix) when drawing.
 *
 * @example
 * ```ts
 * import { encodeQrCode } from '@civico/pagopa';
 * const symbol = encodeQrCode('PAGOPA|002|312345678901234545|01199250158|15000');
 * const topLeftIsDark = symbol.modules[0] === 1; // true: a finder pattern corner
 * ```
 * @group Barcodes
 */
export interface BitMatrix {
  /** Number of modules per row. */
  readonly width: number;
  /** Number of rows. */
  readonly height: number;
  /** `width × height` modules, row-major; `1` is dark, `0` is light. */
  readonly modules: Uint8Array;
}
