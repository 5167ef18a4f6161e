import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { ApiCallError, type ApiCallErrorCode } from './errors/api-call-error.js';
import type { CivicoError } from './errors/civico-error.js';
import { CoreError, type CoreErrorCode } from './errors/core-error.js';
import { type Iban, type IbanSchema, parseIban } from './iban/parse-iban.js';
import type { IpaCode, IpaCodeSchema } from './pa-codes/parse-ipa-code.js';
import type { OfficeCode, OfficeCodeSchema } from './pa-codes/parse-office-code.js';
import type { SdiCode, SdiCodeSchema } from './pa-codes/parse-sdi-code.js';
import {
  type EntityFiscalCode,
  type EntityFiscalCodeSchema,
  parseEntityFiscalCode,
} from './vat-number/parse-entity-fiscal-code.js';
import { parseVatNumber, type VatNumber, type VatNumberSchema } from './vat-number/parse-vat-number.js';

function handle(err: unknown): string {
  if (ApiCallError.isInstance(err)) {
    expectTypeOf(err.code).toEqualTypeOf<ApiCallErrorCode>();
    expectTypeOf(err.status).toEqualTypeOf<number | undefined>();
    return err.isRetryable ? 'retry' : 'fail';
  }
  if (CoreError.isInstance(err)) {
    switch (err.code) {
      case 'ERR_CORE_INVALID_IBAN':
        expectTypeOf(err.code).toEqualTypeOf<'ERR_CORE_INVALID_IBAN'>();
        return 'iban';
      case 'ERR_CORE_INVALID_VAT_NUMBER':
        return 'vat';
      default:
        expectTypeOf(err.code).toEqualTypeOf<
          Exclude<CoreErrorCode, 'ERR_CORE_INVALID_IBAN' | 'ERR_CORE_INVALID_VAT_NUMBER'>
        >();
        return 'other';
    }
  }
  return 'unknown';
}

describe('error codes', () => {
  it('narrows the code union in a switch', () => {
    expectTypeOf(handle).returns.toEqualTypeOf<string>();
    expectTypeOf<CoreError['code']>().toEqualTypeOf<CoreErrorCode>();
    expectTypeOf<CivicoError['code']>().toEqualTypeOf<string>();
  });

  it('rejects a code outside the union', () => {
    // @ts-expect-error not a core code
    new CoreError('ERR_CORE_NOPE', 'x');
    // @ts-expect-error not an API call code
    new ApiCallError('ERR_CORE_INVALID_IBAN', 'x', { url: 'https://x.test' });
  });
});

describe('brands', () => {
  it('reject plain strings where a checked value is required', () => {
    const plain = '00743110157';
    // @ts-expect-error a plain string is not a VatNumber
    const vat: VatNumber = plain;
    // @ts-expect-error a plain string is not an Iban
    const iban: Iban = plain;
    // @ts-expect-error a plain string is not an EntityFiscalCode
    const ec: EntityFiscalCode = plain;
    // @ts-expect-error a VatNumber is not an Iban
    const crossed: Iban = parseVatNumber(plain);
    expectTypeOf([vat, iban, ec, crossed]).toBeArray();
    expectTypeOf(parseVatNumber(plain)).toExtend<string>();
    expectTypeOf(parseIban(plain)).toEqualTypeOf<Iban>();
    expectTypeOf(parseEntityFiscalCode(plain, { checkDigit: 'warn' })).toEqualTypeOf<EntityFiscalCode>();
  });

  it('match the schemas outputs', () => {
    expectTypeOf<z.output<typeof VatNumberSchema>>().toEqualTypeOf<VatNumber>();
    expectTypeOf<z.output<typeof EntityFiscalCodeSchema>>().toEqualTypeOf<EntityFiscalCode>();
    expectTypeOf<z.output<typeof IbanSchema>>().toEqualTypeOf<Iban>();
    expectTypeOf<z.output<typeof IpaCodeSchema>>().toEqualTypeOf<IpaCode>();
    expectTypeOf<z.output<typeof OfficeCodeSchema>>().toEqualTypeOf<OfficeCode>();
    expectTypeOf<z.output<typeof SdiCodeSchema>>().toEqualTypeOf<SdiCode>();
    expectTypeOf<z.input<typeof IbanSchema>>().toEqualTypeOf<string>();
  });
});
