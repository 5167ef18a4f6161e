/**
 * Length limits of a message, in UTF-16 code units as IO's server counts them (`docs/io.md#sources`).
 * @group Schemas
 */
export const MESSAGE_LIMITS = Object.freeze({
  /** Shortest subject. */
  subjectMin: 10,
  /** Longest subject. */
  subjectMax: 120,
  /** Shortest markdown, CTA front matter included. */
  markdownMin: 80,
  /** Longest markdown, CTA front matter included. */
  markdownMax: 10_000,
} as const);
