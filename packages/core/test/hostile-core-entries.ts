// The hostile harness's table for @civico/core: one entry per public function, schema method and error-class
// guard of src/index.ts. It runs in the test (arbitraries) and in the worker (calls); see test-support/hostile/.
import fc from 'fast-check';
import { z } from 'zod';
import { entry, type HostileEntryPoint, isBoolean, withSecond } from '../../../test-support/hostile/entry-point.js';
import { hostile } from '../../../test-support/hostile/hostile-arbitraries.js';
import type { HostileSpec } from '../../../test-support/hostile/hostile-spec.js';
import type * as CoreIndex from '../src/index.js';
import type * as CoreInternal from '../src/internal-entry.js';

type Core = typeof CoreIndex & typeof CoreInternal;

type E = HostileEntryPoint<Core>;

/** Synthetic identifiers (test-only; no real person). */
export const FISCAL_CODES = ['RSSMRA85T10A562S', 'RSSMRA80A01H501U', 'BNCLRA70E45F205Z'];
export const IBANS = ['IT60X0542811101000000123456', 'IT60 X054 2811 1010 0000 0123 456'];
export const ELEVEN_DIGITS = ['01199250158', '80012345678', '00000000000'];
const PA_CODES = ['c_h501', 'UFABCD', '0000000', 'ABC1234'];
export const NOTICE_NUMBERS = ['312345678901234545', '012345678901234542', '3123 4567 8901 2345 45'];
export const IUVS = ['12345678901234545', '01202500000004228', '400000013900844'];
const PLACES = ['Roma', 'Reggio nell’Emilia', 'Forlì-Cesena', 'H501', 'A562', 'Z404', '058091', '12'];
const DATES = { at: '2020-01-01' };

const cf = hostile({ strings: FISCAL_CODES });
const iban = hostile({ strings: IBANS });
const eleven = hostile({ strings: ELEVEN_DIGITS });
const paCode = hostile({ strings: PA_CODES });
const place = hostile({ strings: PLACES });
const territoryOptions = hostile({ objects: [DATES, { at: '1900-06-30', province: 'RM' }] });
const fcOptions = hostile({
  objects: [{ referenceDate: '2025-01-01' }, { referenceDate: '2025-01-01', strict: true }],
});
const elevenOptions = hostile({ objects: [{ strict: true }, { strict: false }, { checkDigit: 'warn' }] });
const person = hostile({
  objects: [
    { surname: 'Rossi', name: 'Mario', sex: 'M', birthDate: '1985-12-10', birthPlace: 'Roma' },
    { surname: 'Bianchi', name: 'Laura', sex: 'F', birthDate: '1970-05-05', birthPlace: 'Z404' },
  ],
});

/** `parse` (ZodError only) and `safeParse` (never throws) of an exported schema. */
function schema(name: keyof Core & `${string}Schema`, strings: readonly string[]): E[] {
  const subject = hostile({ strings });
  const get = (m: Core) => m[name] as z.ZodType;
  return [
    entry({ name: `${name}.parse`, covers: name, subject, kind: 'zod-parse', call: (m, [v]) => get(m).parse(v) }),
    entry({
      name: `${name}.safeParse`,
      covers: name,
      subject,
      kind: 'total',
      call: (m, [v]) => get(m).safeParse(v),
      check: (r) => (typeof (r as { success?: unknown }).success === 'boolean' ? undefined : 'no success flag'),
    }),
  ];
}

/** `isInstance` of an error class: a guard, so it must never throw. */
function guard(name: 'CivicoError' | 'CoreError' | 'ApiCallError'): E {
  return entry({
    name: `${name}.isInstance`,
    covers: name,
    subject: hostile(),
    kind: 'total',
    call: (m, [v]) => m[name].isInstance(v),
    check: isBoolean,
  });
}

const total = (name: keyof Core, subject: fc.Arbitrary<HostileSpec>, second?: typeof subject): E =>
  entry({
    name,
    covers: name,
    subject,
    kind: 'total',
    ...(second ? { args: withSecond(second) } : {}),
    call: (m, args) => (m[name] as (...a: unknown[]) => unknown)(...args),
    ...(name.startsWith('isValid') ? { check: isBoolean } : {}),
  });

const typed = (
  name: keyof Core,
  subject: fc.Arbitrary<HostileSpec>,
  second?: typeof subject,
  extra: Partial<E> = {},
): E =>
  entry({
    name,
    covers: name,
    subject,
    ...(second ? { args: withSecond(second) } : {}),
    call: (m, args) => (m[name] as (...a: unknown[]) => unknown)(...args),
    ...extra,
  });

/** Full lists of the territory tables (~8 000 municipalities with history) are not "fast" calls. */
export const TERRITORY_LIST_LIMIT_MS = 1_000;

/** Every entry point of @civico/core's main export. */
export const CORE_ENTRY_POINTS: readonly E[] = [
  guard('CivicoError'),
  guard('CoreError'),
  guard('ApiCallError'),
  typed(
    'redactUrl',
    hostile({ strings: ['https://user:pw@example.test/a/RSSMRA85T10A562S/b?q=1#f', 'http://[::1]:80/x'] }),
  ),
  entry({
    name: 'parseOptions',
    covers: 'parseOptions',
    subject: hostile({ objects: [{ timeoutMs: 5, nested: { list: [1, 2] } }] }),
    call: (m, [v]) =>
      m.parseOptions(
        z.object({ timeoutMs: z.number().int(), nested: z.object({ list: z.array(z.number()) }).optional() }),
        v,
        m.CoreError,
        'ERR_CORE_INVALID_CONFIG' as never,
      ),
  }),
  typed('computeFiscalCode', person),
  typed('decodeFiscalCode', cf, fcOptions),
  typed('parseFiscalCode', cf, hostile({ objects: [{ field: 'payer.fiscalCode' }, { referenceDate: '2025-01-01' }] })),
  total('isValidFiscalCode', cf),
  typed('normalizeOmocodia', cf),
  typed('omocodiaVariants', cf),
  typed('inspectFiscalCode', cf, fcOptions),
  ...schema('FiscalCodeSchema', FISCAL_CODES),
  typed('formatIban', iban),
  typed('getItalianIbanParts', iban),
  total('inspectIban', iban),
  total('isValidIban', iban),
  typed('parseIban', iban),
  ...schema('IbanSchema', IBANS),
  total('inspectIpaCode', paCode),
  total('isValidIpaCode', paCode),
  typed('parseIpaCode', paCode),
  ...schema('IpaCodeSchema', PA_CODES),
  total('inspectOfficeCode', paCode),
  total('isValidOfficeCode', paCode),
  typed('parseOfficeCode', paCode),
  ...schema('OfficeCodeSchema', PA_CODES),
  total('inspectSdiCode', paCode),
  total('isValidSdiCode', paCode),
  typed('parseSdiCode', paCode),
  typed('getSdiCodeKind', paCode),
  ...schema('SdiCodeSchema', PA_CODES),
  typed('findMunicipalities', place, territoryOptions),
  typed('findForeignStates', place, territoryOptions),
  typed('getForeignState', place, territoryOptions),
  typed('listForeignStates', hostile(), undefined, { limitMs: TERRITORY_LIST_LIMIT_MS }),
  typed('getMunicipalityByBelfiore', place, territoryOptions),
  typed('getMunicipalityHistory', place),
  typed('getMunicipalityByIstat', place, territoryOptions),
  typed('listMunicipalities', territoryOptions, undefined, { limitMs: TERRITORY_LIST_LIMIT_MS }),
  typed('listProvinces', territoryOptions, undefined, { limitMs: TERRITORY_LIST_LIMIT_MS }),
  typed('getRegion', place),
  typed('listRegions', hostile()),
  total('inspectNoticeNumber', hostile({ strings: NOTICE_NUMBERS })),
  total('isValidNoticeNumber', hostile({ strings: NOTICE_NUMBERS })),
  typed('parseNoticeNumber', hostile({ strings: NOTICE_NUMBERS }), hostile({ objects: [{ field: 'noticeNumber' }] })),
  ...schema('NoticeNumberSchema', NOTICE_NUMBERS),
  typed('formatNoticeNumber', hostile({ strings: NOTICE_NUMBERS })),
  typed('noticeNumberToIuv', hostile({ strings: NOTICE_NUMBERS })),
  typed(
    'buildNoticeNumber',
    hostile({
      objects: [
        { segregationCode: '12', iuvBase: '3456789012345' },
        { auxDigit: 0, applicationCode: '12', iuvBase: '3456789012345' },
      ],
    }),
  ),
  total('inspectIuv', hostile({ strings: IUVS })),
  total('isValidIuv', hostile({ strings: IUVS })),
  typed('parseIuv', hostile({ strings: IUVS }), hostile({ objects: [{ field: 'iuv' }] })),
  ...schema('IuvSchema', IUVS),
  typed(
    'iuvToNoticeNumber',
    hostile({ strings: IUVS }),
    hostile({ objects: [{ auxDigit: 0, applicationCode: '12' }, { auxDigit: 3 }] }),
  ),
  typed(
    'createIuvGenerator',
    hostile({
      objects: [
        { segregationCode: '01', scheme: 'year-sequence' },
        { segregationCode: '99', scheme: 'sequence', allowReservedSegregationCode: true },
      ],
    }),
  ),
  entry({
    name: 'createIuvGenerator().fromSequence',
    covers: 'createIuvGenerator',
    subject: fc.oneof(
      hostile(),
      fc.constantFrom<HostileSpec>({ k: 'value', v: 42 }, { k: 'value', v: 2n ** 200n }, { k: 'value', v: -1 }),
    ),
    args: withSecond(hostile({ objects: [{ year: 2025 }, { year: 1e9 }] })),
    call: (m, [seq, opts]) =>
      m
        .createIuvGenerator({ segregationCode: '01', scheme: 'year-sequence' })
        .fromSequence(seq as number, opts as { year: number }),
  }),
  entry({
    name: 'IuvGeneratorOptionsSchema.safeParse',
    covers: 'IuvGeneratorOptionsSchema',
    subject: hostile({ objects: [{ segregationCode: '01', scheme: 'year-sequence' }] }),
    kind: 'total',
    call: (m, [v]) => m.IuvGeneratorOptionsSchema.safeParse(v),
  }),
  total('inspectEntityFiscalCode', eleven, elevenOptions),
  total('isValidEntityFiscalCode', eleven, elevenOptions),
  typed('parseEntityFiscalCode', eleven, elevenOptions),
  ...schema('EntityFiscalCodeSchema', ELEVEN_DIGITS),
  total('inspectVatNumber', eleven, elevenOptions),
  total('isValidVatNumber', eleven, elevenOptions),
  typed('parseVatNumber', eleven, elevenOptions),
  ...schema('VatNumberSchema', ELEVEN_DIGITS),
];

/** Exports of the main entry that are not entry points for input, with the reason. */
export const CORE_EXCLUDED: Readonly<Record<string, string>> = {
  API_CALL_ERROR_CODES: 'constant (frozen list of codes)',
  CORE_LIMITS: 'constant',
  CORE_ERROR_CODES: 'constant (frozen list of codes)',
  DEFAULT_MAX_BODY_BYTES: 'constant (@civico/core/internal)',
  DEFAULT_TIMEOUT_MS: 'constant (@civico/core/internal)',
  createHttp: 'the HTTP transport (@civico/core/internal): attacked over real HTTP by the io client entries',
  plainObject: 'input-guard plumbing: input-guards.test.ts, and through every pagopa and io entry point using it',
  readFields: 'input-guard plumbing: input-guards.test.ts, and through every pagopa and io entry point using it',
  safeParseInput: 'input-guard plumbing: input-guards.test.ts, and through every pagopa and io entry point using it',
  upperAscii: 'string folding (@civico/core/internal) for strings already checked by its callers; covered through them',
  maskPersonalData:
    'problem-text masking (@civico/core/internal) of strings the clients read from a server; attacked through the io and pagopa client entries and their hostile HTTP servers',
  readRetryAfterMs:
    'Retry-After reading (@civico/core/internal) of a header string; attacked through the io and pagopa client entries against 429 answers',
  frozenArray:
    'schema builder (@civico/core/internal) of the io and pagopa option schemas; frozen-array.test.ts, and attacked through those options',
  sleep: 'abortable delay (@civico/core/internal) of the clients retry loops; covered through them and sleep.test.ts',
};
