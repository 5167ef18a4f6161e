import { z } from 'zod';
import { CoreError } from '../errors/core-error.js';
import { parseOptions } from '../errors/parse-options.js';
import { buildNoticeNumber } from '../notice-number/build-notice-number.js';
import type { NoticeNumber } from '../notice-number/parse-notice-number.js';
import { segregationCodeProblem } from '../notice-number/segregation-code.js';
import type { Iuv } from './parse-iuv.js';

/**
 * Zod schema of {@link IuvGeneratorOptions}, used by {@link createIuvGenerator}: checks the
 * segregation code (2 digits, 00–49, not reserved unless allowed) and the scheme.
 * @group Schemas
 */
export const IuvGeneratorOptionsSchema: z.ZodType<IuvGeneratorOptions> = z.preprocess(
  readGeneratorOptions,
  z
    .object({
      segregationCode: z.string(),
      scheme: z.enum(['sequence', 'year-sequence']),
      allowReservedSegregationCode: z.boolean().optional(),
    })
    .superRefine((options, ctx) => {
      const problem = segregationCodeProblem(options.segregationCode, options.allowReservedSegregationCode === true);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, path: ['segregationCode'] });
    }),
);

/**
 * Reads the options once into a plain object, so a getter or Proxy that throws is a failed parse
 * (the object is replaced by `null`), never a foreign throwable.
 */
function readGeneratorOptions(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  try {
    if (Array.isArray(value)) return value;
    const o = value as Partial<Record<keyof IuvGeneratorOptions, unknown>>;
    return {
      segregationCode: o.segregationCode,
      scheme: o.scheme,
      allowReservedSegregationCode: o.allowReservedSegregationCode,
    };
  } catch {
    return null;
  }
}

/**
 * Options of {@link createIuvGenerator}.
 * @group Identifiers
 */
export interface IuvGeneratorOptions {
  /** Two-digit segregation code of the station serving the notices (00–49). */
  readonly segregationCode: string;
  /**
   * How the 13-digit IUV base is made from the sequence:
   * - `sequence`: the sequence, zero-padded to 13 digits (0 … 9,999,999,999,999);
   * - `year-sequence`: the 4-digit year, then the sequence zero-padded to 9 digits
   *   (0 … 999,999,999 per year), so a counter may restart every year.
   */
  readonly scheme: 'sequence' | 'year-sequence';
  /** Allow the segregation codes reserved for pagoPA services (47, 81, 85, 96–99). Default `false`. */
  readonly allowReservedSegregationCode?: boolean | undefined;
}

/**
 * Options of {@link IuvGenerator.fromSequence}.
 * @group Identifiers
 */
export interface FromSequenceOptions {
  /** Four-digit year (1000–9999); required by the `year-sequence` scheme, refused by `sequence`. */
  readonly year?: number | undefined;
}

/**
 * A generated IUV with its notice number.
 * @group Identifiers
 */
export interface GeneratedIuv {
  /** The 17-digit IUV (segregation code + base + check digits), GPD's `iuv`. */
  readonly iuv: Iuv;
  /** The 18-digit notice number, `"3" + iuv`. */
  readonly noticeNumber: NoticeNumber;
  /** The 13-digit base derived from the sequence. */
  readonly iuvBase: string;
}

/**
 * Deterministic IUV generator returned by {@link createIuvGenerator}.
 * @group Identifiers
 */
export interface IuvGenerator {
  /** The configured scheme. */
  readonly scheme: 'sequence' | 'year-sequence';
  /** The configured segregation code. */
  readonly segregationCode: string;
  /** Largest sequence number the scheme accepts. */
  readonly maxSequence: bigint;
  /**
   * Maps a sequence number (and year) to an IUV and notice number.
   * @param sequence - a non-negative integer from the caller's counter, never reused
   * @param options - the year, for the `year-sequence` scheme
   * @returns the IUV, notice number and base
   * @throws {@link CoreError} `ERR_CORE_IUV_SEQUENCE_OVERFLOW` when `sequence` exceeds
   *   `maxSequence`; `ERR_CORE_INVALID_IUV` when `sequence` is not a non-negative integer
   *   (`field: 'sequence'`) or `year` is missing, unexpected or not 1000–9999 (`field: 'year'`).
   */
  fromSequence(sequence: number | bigint, options?: FromSequenceOptions): GeneratedIuv;
}

/**
 * Creates a generator of aux-3 IUVs and notice numbers that cannot collide.
 *
 * @remarks
 * The generator holds no state: the caller supplies the sequence, typically a database counter
 * (`SEQUENCE`, an auto-increment key) scoped to one creditor and one segregation code. Distinct
 * sequence numbers (and, for `year-sequence`, distinct `(year, sequence)` pairs) always give distinct
 * IUVs, because the base is the zero-padded number itself; numbers that do not fit throw instead of
 * wrapping. To stay collision-free: use one scheme per creditor and segregation code forever, never
 * reuse a sequence number (pagoPA forbids reusing an IUV even after a notice expires), and keep
 * other IUV sources on a different segregation code. The check digits are computed by mod 93.
 *
 * @param options - segregation code and scheme
 * @returns the generator
 * @throws {@link CoreError} `ERR_CORE_INVALID_CONFIG` with `field` when an option is invalid,
 *   including a reserved or out-of-range segregation code.
 * @example
 * ```ts
 * import { createIuvGenerator } from '@civico/core';
 * const iuvs = createIuvGenerator({ segregationCode: '01', scheme: 'year-sequence' });
 * const { iuv, noticeNumber } = iuvs.fromSequence(42, { year: 2025 });
 * // iuv '01202500000004228', noticeNumber '301202500000004228'
 * ```
 * @group Identifiers
 */
export function createIuvGenerator(options: IuvGeneratorOptions): IuvGenerator {
  const config = parseOptions(IuvGeneratorOptionsSchema, options, CoreError, 'ERR_CORE_INVALID_CONFIG');
  const yearly = config.scheme === 'year-sequence';
  const digits = yearly ? 9 : 13;
  const maxSequence = 10n ** BigInt(digits) - 1n;
  const allowReservedSegregationCode = config.allowReservedSegregationCode === true;
  const fromSequence = (sequence: number | bigint, opts: FromSequenceOptions = {}): GeneratedIuv => {
    const valid =
      typeof sequence === 'bigint' ? sequence >= 0n : Number.isSafeInteger(sequence) && (sequence as number) >= 0;
    if (!valid) {
      throw new CoreError('ERR_CORE_INVALID_IUV', 'The sequence must be a non-negative integer', {
        field: 'sequence',
      });
    }
    const n = BigInt(sequence);
    if (n > maxSequence) {
      throw new CoreError(
        'ERR_CORE_IUV_SEQUENCE_OVERFLOW',
        `The ${config.scheme} scheme holds at most ${digits} sequence digits`,
        { field: 'sequence' },
      );
    }
    let prefix = '';
    if (yearly) {
      const year = opts?.year;
      if (typeof year !== 'number' || !Number.isInteger(year) || year < 1000 || year > 9999) {
        throw new CoreError('ERR_CORE_INVALID_IUV', 'The year-sequence scheme needs a 4-digit year', {
          field: 'year',
        });
      }
      prefix = String(year);
    } else if (opts?.year !== undefined) {
      throw new CoreError('ERR_CORE_INVALID_IUV', 'The sequence scheme takes no year', { field: 'year' });
    }
    const iuvBase = prefix + n.toString().padStart(digits, '0');
    const noticeNumber = buildNoticeNumber({
      segregationCode: config.segregationCode,
      iuvBase,
      allowReservedSegregationCode,
    });
    return { iuv: noticeNumber.slice(1) as Iuv, noticeNumber, iuvBase };
  };
  return { scheme: config.scheme, segregationCode: config.segregationCode, maxSequence, fromSequence };
}
