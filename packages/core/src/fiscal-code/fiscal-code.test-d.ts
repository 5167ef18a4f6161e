import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  type FiscalCode,
  type FiscalCodeSchema,
  inspectFiscalCode,
  isValidFiscalCode,
  parseFiscalCode,
} from '../index.js';

const takesFiscalCode = (code: FiscalCode): string => code;

describe('FiscalCode', () => {
  it('is branded: a plain string is not accepted where a FiscalCode is required', () => {
    // @ts-expect-error a plain string is not a FiscalCode
    takesFiscalCode('RSSMRA80A01H501U');
    expectTypeOf(parseFiscalCode('RSSMRA80A01H501U')).toEqualTypeOf<FiscalCode>();
    expectTypeOf<z.output<typeof FiscalCodeSchema>>().toEqualTypeOf<FiscalCode>();
  });

  it('is narrowed by the ok discriminant of inspectFiscalCode; isValidFiscalCode is a plain boolean', () => {
    const input: unknown = 'RSSMRA80A01H501U';
    expectTypeOf(isValidFiscalCode(input)).toEqualTypeOf<boolean>();
    if (isValidFiscalCode(input)) expectTypeOf(input).toEqualTypeOf<unknown>();
    const result = inspectFiscalCode(input);
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<FiscalCode>();
    else expectTypeOf(result.normalized).toEqualTypeOf<string | null>();
  });
});
