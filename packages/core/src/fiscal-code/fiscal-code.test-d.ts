import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  assertFiscalCode,
  type FiscalCode,
  type FiscalCodeSchema,
  isValidFiscalCode,
  parseFiscalCode,
} from '../index.js';

const takesFiscalCode = (code: FiscalCode): string => code;

describe('FiscalCode', () => {
  it('is branded: a plain string is not accepted where a FiscalCode is required', () => {
    // @ts-expect-error a plain string is not a FiscalCode
    takesFiscalCode('RSSMRA80A01H501U');
    expectTypeOf(assertFiscalCode('RSSMRA80A01H501U')).toEqualTypeOf<FiscalCode>();
    expectTypeOf<z.output<typeof FiscalCodeSchema>>().toEqualTypeOf<FiscalCode>();
  });

  it('is narrowed by isValidFiscalCode and by the ok discriminant of parseFiscalCode', () => {
    const input: unknown = 'RSSMRA80A01H501U';
    if (isValidFiscalCode(input)) expectTypeOf(input).toEqualTypeOf<FiscalCode>();
    const result = parseFiscalCode(input);
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<FiscalCode>();
    else expectTypeOf(result.normalized).toEqualTypeOf<string | null>();
  });
});
