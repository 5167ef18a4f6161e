import { z } from 'zod';

/** @internal A string with something besides whitespace. */
export const NonEmptyString = z.string().refine((s) => s.trim() !== '', 'must not be empty');

/** @internal An optional valid Date. */
export const OptionalDate = z
  .date()
  .refine((d) => !Number.isNaN(d.getTime()), 'must be a valid date')
  .optional();
