import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Iuv, IuvSchema } from '../iuv/parse-iuv.js';
import { buildNoticeNumber } from './build-notice-number.js';
import { inspectNoticeNumber, type NoticeNumberWarningCode } from './inspect-notice-number.js';
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
    const parts = inspectNoticeNumber('312345678901234545');
    if (parts.ok) {
      // @ts-expect-error an Iuv is not a NoticeNumber
      takesNotice(parts.iuv);
      expectTypeOf(parts.value).toEqualTypeOf<NoticeNumber>();
      expectTypeOf(parts.warnings[0]?.code).toEqualTypeOf<NoticeNumberWarningCode | undefined>();
    }
    takesNotice(buildNoticeNumber({ segregationCode: '12', iuvBase: '3456789012345' }));
    expectTypeOf(parseNoticeNumber('312345678901234545')).toEqualTypeOf<NoticeNumber>();
  });

  it('agrees with the schemas', () => {
    expectTypeOf<z.output<typeof NoticeNumberSchema>>().toEqualTypeOf<NoticeNumber>();
    expectTypeOf<z.output<typeof IuvSchema>>().toEqualTypeOf<Iuv>();
  });
});
