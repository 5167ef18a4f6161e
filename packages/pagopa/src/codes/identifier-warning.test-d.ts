import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { IdentifierWarningCode } from './identifier-warning.js';
import type { PostalAccount, PostalAccountSchema } from './parse-postal-account.js';
import type { ParsedQrPayload } from './parse-qr-payload.js';

describe('payload types', () => {
  it('agree with the schemas', () => {
    expectTypeOf<z.output<typeof PostalAccountSchema>>().toEqualTypeOf<PostalAccount>();
  });

  it('narrow warning codes in a switch', () => {
    const describeWarning = (payload: ParsedQrPayload): string => {
      const code = payload.warnings[0]?.code;
      switch (code) {
        case 'CHECK_DIGIT_MISMATCH':
        case 'DEPRECATED_AUX_DIGIT':
        case 'EC_FISCAL_CODE_CHECK':
        case 'AMOUNT_OVER_TEN_DIGITS':
          expectTypeOf(code).toExtend<IdentifierWarningCode>();
          return code;
        default:
          expectTypeOf(code).toEqualTypeOf<undefined>();
          return 'none';
      }
    };
    expectTypeOf(describeWarning).returns.toBeString();
  });
});
