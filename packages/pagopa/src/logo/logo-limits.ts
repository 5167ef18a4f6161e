/**
 * Limits every creditor logo must meet before any image decoder or SVG converter sees it.
 *
 * @remarks
 * A logo over a limit is refused with `ERR_PAGOPA_INVALID_LOGO`, and the message names the limit. The values
 * keep a logo's work in the renderer under about 100 ms of blocked event loop, and the PDF it ends up in
 * small for its reader. The printed box is 30 × 30 mm, so 512 KiB of pixels (about 360 × 360 RGBA, 300 dpi)
 * is what the print needs. See `docs/pagopa.md#logo-limits`.
 * @group Notice
 */
export const LOGO_LIMITS = Object.freeze({
  /** Size of a PNG or JPEG file, in bytes (1 MiB). */
  maxRasterBytes: 1_048_576,
  /** Size of an SVG file, in bytes (256 KiB). */
  maxSvgBytes: 262_144,
  /** Width and height of a PNG or JPEG, in pixels. */
  maxSide: 4096,
  /** Decoded pixel data of a PNG or JPEG (width × height × channels × bytes per channel), in bytes (512 KiB). */
  maxDecodedBytes: 524_288,
  /** Size of one PNG `tEXt` chunk, in bytes (pdfkit turns it into a string). */
  maxPngTextBytes: 16_384,
  /**
   * SVG elements, counting each `<use>`, `clip-path`, `mask` or gradient reference as a copy of its target and
   * of the target's ancestors (svg-to-pdfkit rebuilds them for every reference).
   */
  maxSvgElements: 500,
  /** SVG nesting depth, counting a reference as one more level. */
  maxSvgDepth: 32,
  /**
   * Characters of SVG path data (`d` and `points`), counting each referenced copy, and each character of an
   * arc command (`A`, `a`) eight times (svg-to-pdfkit's arcs cost about ten times its curves).
   */
  maxSvgPathData: 32_768,
  /** Characters of any other SVG attribute value. */
  maxSvgAttributeLength: 1024,
  /**
   * Characters of all SVG attribute values other than path data, together; svg-to-pdfkit parses each
   * transform, length list or dash array in full for every element.
   */
  maxSvgAttributeTotal: 65_536,
  /** Characters of all SVG `<style>` text. */
  maxSvgStyleBytes: 16_384,
  /** Rules in SVG `<style>` sheets. */
  maxSvgStyleRules: 256,
  /**
   * Simple selectors (each tag, `#id`, `.class` or `*`) in all SVG `<style>` sheets; svg-to-pdfkit tests
   * every one against every element it builds.
   */
  maxSvgSelectors: 256,
  /**
   * Declarations in SVG `<style>` rules, counting a rule's declarations once per selector; svg-to-pdfkit
   * copies them to every element a selector matches.
   */
  maxSvgStyleDeclarations: 256,
  /** Names in one SVG `class` attribute (split on spaces, empty names included, as svg-to-pdfkit splits it). */
  maxSvgClassNames: 16,
  /** Characters of one CSS selector in an SVG `<style>` sheet. */
  maxSvgSelectorLength: 128,
  /** Characters of SVG text content (`<text>`, `<tspan>`, `<textPath>`). */
  maxSvgTextLength: 512,
} as const);
