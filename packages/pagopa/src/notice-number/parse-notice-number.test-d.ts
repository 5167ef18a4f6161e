import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { PostalAccount, PostalAccountSchema } from '../codes/parse-postal-account.js';
import type { ParsedQrPayload } from '../codes/parse-qr-payload.js';
import type { Iuv, IuvSchema } from '../iuv/parse-iuv.js';
import { buildNoticeNumber } from './build-notice-number.js';
import type { IdentifierWarningCode } from './identifier-warning.js';
import type { NoticeNumber, NoticeNumberSchema } from './parse-notice-number.js';
import { parseNoticeNumber } from './parse-notice-number.js';

describe('branded identifiers', () => {
  it('refuses a plain string where a NoticeNumber or Iuv is required', () => {
    const takesNotice = (_value: NoticeNumber): void => undefined;
    const takesIuv = (_value: Iuv): void => undefined;
    // @ts-expect-error a plain string is not a NoticeNumber
    takesNotice('312345678901234545');
    // @ts-expect-error a plain string is not an Iuv
    takesIuv('12345678901234545');
    // @ts-expect-error an Iuv is not a NoticeNumber
    takesNotice(parseNoticeNumber('312345678901234545').iuv);
    takesNotice(buildNoticeNumber({ segregationCode: '12', iuvBase: '3456789012345' }));
    expectTypeOf(parseNoticeNumber('312345678901234545').value).toEqualTypeOf<NoticeNumber>();
  });

  it('agrees with the schemas', () => {
    expectTypeOf<z.output<typeof NoticeNumberSchema>>().toEqualTypeOf<NoticeNumber>();
    expectTypeOf<z.output<typeof IuvSchema>>().toEqualTypeOf<Iuv>();
    expectTypeOf<z.output<typeof PostalAccountSchema>>().toEqualTypeOf<PostalAccount>();
  });

  it('narrows warning codes in a switch', () => {
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
