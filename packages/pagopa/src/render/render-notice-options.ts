import { plainObject } from '@civico/core/internal';
import { z } from 'zod';

/**
 * Schema of the options of {@link renderNotice}, {@link renderNoticeStream} and {@link renderNotices}.
 * @group Schemas
 */
export const RenderNoticeOptionsSchema: z.ZodType<RenderNoticeOptions> = plainObject(
  z
    .object({
      truncate: z.boolean().optional(),
      creationDate: z
        .date()
        .refine((d) => !Number.isNaN(d.getTime()), 'must be a valid date')
        .optional(),
      instalmentsPerRow: z.union([z.literal(2), z.literal(3)]).optional(),
      compress: z.boolean().optional(),
    })
    .strict(),
);

/**
 * Options of the PDF renderers.
 * @group Notice
 */
export interface RenderNoticeOptions {
  /** Shorten texts over `NOTICE_TEXT_LIMITS` with an ellipsis instead of throwing `ERR_PAGOPA_TEXT_TOO_LONG`. Default `false`. */
  readonly truncate?: boolean | undefined;
  /**
   * The PDF's creation date. Default `1970-01-01T00:00:00Z`, so the same input gives the same bytes; pass the
   * current time from your edge code (`new Date()`) if you want it recorded.
   */
  readonly creationDate?: Date | undefined;
  /** Rate modules per row: 2 (as the reference renders, default) or 3 (compact, without Destinatario). */
  readonly instalmentsPerRow?: 2 | 3 | undefined;
  /** Deflate page contents. Default `true`; `false` is only useful to inspect the PDF. */
  readonly compress?: boolean | undefined;
}
