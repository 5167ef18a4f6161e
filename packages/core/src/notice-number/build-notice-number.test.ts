import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/helpers/error-of.js';
import { buildNoticeNumber } from './build-notice-number.js';
import { formatNoticeNumber } from './format-notice-number.js';
import { inspectNoticeNumber } from './inspect-notice-number.js';
import { iuvToNoticeNumber } from './iuv-to-notice-number.js';
import { noticeNumberToIuv } from './notice-number-to-iuv.js';
import { parseNoticeNumber } from './parse-notice-number.js';

describe('buildNoticeNumber()', () => {
  it.each([
    ['00', '0000000000001', '300000000000000104'],
    ['01', '0000000000001', '301000000000000144'],
    ['12', '3456789012345', '312345678901234545'],
  ])('builds aux 3, segregation code %s, base %s as %s (SACI mod-93 check digits)', (segregationCode, iuvBase, nav) => {
    expect(buildNoticeNumber({ segregationCode, iuvBase })).toBe(nav);
  });

  it.each([
    ['01', '0000000012345', '001000000001234516'],
    ['13', '4000000139008', '013400000013900844'],
  ])('builds aux 0, application code %s, base %s as %s', (applicationCode, iuvBase, nav) => {
    expect(buildNoticeNumber({ auxDigit: 0, applicationCode, iuvBase })).toBe(nav);
  });

  it('refuses reserved segregation codes unless allowed', () => {
    expect(errorOf(() => buildNoticeNumber({ segregationCode: '47', iuvBase: '0000000000042' }))).toMatchObject({
      code: 'ERR_CORE_INVALID_NOTICE_NUMBER',
      field: 'segregationCode',
    });
    expect(
      buildNoticeNumber({ segregationCode: '99', iuvBase: '9999999999999', allowReservedSegregationCode: true }),
    ).toBe('399999999999999903');
  });

  it.each([
    ['segregationCode', { segregationCode: '50', iuvBase: '0000000000001' }],
    ['segregationCode', { segregationCode: '1', iuvBase: '0000000000001' }],
    ['iuvBase', { segregationCode: '01', iuvBase: '000000000001' }],
    ['iuvBase', { segregationCode: '01', iuvBase: '000000000000A' }],
    ['applicationCode', { auxDigit: 0, applicationCode: 'x', iuvBase: '0000000000001' }],
    ['auxDigit', { auxDigit: 2, segregationCode: '01', iuvBase: '0000000000001' }],
  ])('throws ERR_CORE_INVALID_NOTICE_NUMBER naming %s', (field, options) => {
    const error = errorOf(() => buildNoticeNumber(options as Parameters<typeof buildNoticeNumber>[0]));
    expect(error.code).toBe('ERR_CORE_INVALID_NOTICE_NUMBER');
    expect(error.field).toBe(field);
  });

  it('always generates numbers that pass mod 93 (property)', () => {
    const seg = fc.integer({ min: 0, max: 46 }).map((n) => String(n).padStart(2, '0'));
    fc.assert(
      fc.property(seg, fc.stringMatching(/^\d{13}$/), (segregationCode, iuvBase) => {
        const parsed = inspectNoticeNumber(buildNoticeNumber({ segregationCode, iuvBase }));
        if (!parsed.ok) expect.unreachable('rejected');
        expect(parsed.checkDigitValid).toBe(true);
        expect(parsed.auxDigit).toBe(3);
        expect(parsed.iuvBase).toBe(iuvBase);
        expect(parsed.warnings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatNoticeNumber()', () => {
  it('groups by four with a final pair (22 characters)', () => {
    expect(formatNoticeNumber('312345678901234545')).toBe('3123 4567 8901 2345 45');
  });

  it('round-trips through parseNoticeNumber (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-3]\d{17}$/), (nav) => {
        const printed = formatNoticeNumber(nav);
        expect(printed).toHaveLength(22);
        expect(parseNoticeNumber(printed)).toBe(nav);
        expect(formatNoticeNumber(printed)).toBe(printed);
      }),
      { numRuns: 200 },
    );
  });
});

describe('noticeNumberToIuv()', () => {
  it.each([
    ['312345678901234545', '12345678901234545'],
    ['013400000013900844', '400000013900844'],
    ['212345678901234544', '12345678901234544'],
  ])('extracts the IUV of %s', (nav, iuv) => {
    expect(noticeNumberToIuv(nav)).toBe(iuv);
  });
});

describe('iuvToNoticeNumber()', () => {
  it('prefixes "3" to a 17-digit IUV by default, as GPD does', () => {
    expect(iuvToNoticeNumber('12345678901234545')).toBe('312345678901234545');
  });

  it('needs the application code for a 15-digit IUV', () => {
    expect(iuvToNoticeNumber('400000013900844', { applicationCode: '13' })).toBe('013400000013900844');
    expect(errorOf(() => iuvToNoticeNumber('400000013900844'))).toMatchObject({
      code: 'ERR_CORE_INVALID_IUV',
      field: 'applicationCode',
    });
  });

  it('rejects a length that does not match the aux digit', () => {
    expect(errorOf(() => iuvToNoticeNumber('12345678901234545', { auxDigit: 0 }))).toMatchObject({
      code: 'ERR_CORE_INVALID_IUV',
      field: 'auxDigit',
    });
  });

  it('round-trips with noticeNumberToIuv for every aux digit (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-3]\d{17}$/), (nav) => {
        const iuv = noticeNumberToIuv(nav);
        const auxDigit = Number(nav[0]) as 0 | 1 | 2 | 3;
        expect(iuvToNoticeNumber(iuv, { auxDigit, applicationCode: nav.slice(1, 3) })).toBe(nav);
      }),
      { numRuns: 300 },
    );
  });
});
