// Issue 7: every public function of @civico/core answers hostile input (wrong types, look-alike letters,
// invisible characters, lone surrogates, early or late dates) with its documented result or a typed CoreError.
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as CoreIndex from '../src/index.js';
import * as CoreInternal from '../src/internal-entry.js';
import { elevenDigitCheckDigit } from '../src/vat-number/eleven-digit-code.js';
import { anyIban } from './arbitraries/iban-arbitrary.js';
import { hostileString, hostileValue, INVISIBLES, lookAlikesOf, spliceAt } from './helpers/hostile-values.js';

// The main entry and the plumbing subpath (@civico/core/internal) are attacked alike.
const Core = { ...CoreInternal, ...CoreIndex };

const numRuns = 150;
const codes: readonly string[] = Core.CORE_ERROR_CODES;
type Kind = 'total' | 'typed' | 'zod';
type Call = (a: unknown, b: unknown) => unknown;
interface Entry {
  readonly name: string;
  readonly kind: Kind;
  readonly call: Call;
}
// A plain copy of the module namespace, so the table can look exports up by name.
const EXPORTS: Readonly<Record<string, unknown>> = { ...Core };
const f = (fn: unknown): ((...args: unknown[]) => unknown) => fn as (...args: unknown[]) => unknown;
const one = (kind: Kind, name: keyof typeof Core): Entry => ({ name, kind, call: (a) => f(EXPORTS[name])(a) });
const two = (kind: Kind, name: keyof typeof Core): Entry => ({ name, kind, call: (a, b) => f(EXPORTS[name])(a, b) });
const schema = (name: keyof typeof Core): Entry[] => {
  const s = EXPORTS[name] as z.ZodType;
  return [
    { name: `${name}.safeParse`, kind: 'total', call: (a) => s.safeParse(a) },
    { name: `${name}.parse`, kind: 'zod', call: (a) => s.parse(a) },
  ];
};
const guard = (name: 'CivicoError' | 'CoreError' | 'ApiCallError'): Entry => ({
  name: `${name}.isInstance`,
  kind: 'total',
  call: (a) => (EXPORTS[name] as typeof Core.CivicoError).isInstance(a),
});

/** Every function, schema and error-class guard of src/index.ts (the completeness test checks the list). */
const ENTRIES: readonly Entry[] = [
  guard('CivicoError'),
  guard('CoreError'),
  guard('ApiCallError'),
  one('total', 'redactUrl'),
  {
    name: 'parseOptions',
    kind: 'typed',
    call: (a) => Core.parseOptions(z.object({ n: z.number() }), a, Core.CoreError, 'ERR_CORE_INVALID_CONFIG'),
  },
  {
    name: 'parseOptions(schema)',
    kind: 'typed',
    call: (a, b) => Core.parseOptions(a as z.ZodType, b, Core.CoreError, 'ERR_CORE_INVALID_CONFIG'),
  },
  two('typed', 'computeFiscalCode'),
  two('typed', 'decodeFiscalCode'),
  two('typed', 'parseFiscalCode'),
  one('total', 'isValidFiscalCode'),
  one('typed', 'normalizeOmocodia'),
  one('typed', 'omocodiaVariants'),
  one('total', 'inspectFiscalCode'),
  { name: 'inspectFiscalCode(options)', kind: 'typed', call: (a, b) => Core.inspectFiscalCode(a, b as never) },
  ...schema('FiscalCodeSchema'),
  one('typed', 'formatIban'),
  one('typed', 'getItalianIbanParts'),
  one('total', 'inspectIban'),
  one('total', 'isValidIban'),
  one('typed', 'parseIban'),
  ...schema('IbanSchema'),
  one('total', 'inspectIpaCode'),
  one('total', 'isValidIpaCode'),
  one('typed', 'parseIpaCode'),
  ...schema('IpaCodeSchema'),
  one('total', 'inspectOfficeCode'),
  one('total', 'isValidOfficeCode'),
  one('typed', 'parseOfficeCode'),
  ...schema('OfficeCodeSchema'),
  one('total', 'inspectSdiCode'),
  one('total', 'isValidSdiCode'),
  one('typed', 'parseSdiCode'),
  one('typed', 'getSdiCodeKind'),
  ...schema('SdiCodeSchema'),
  two('typed', 'findMunicipalities'),
  two('typed', 'findForeignStates'),
  two('typed', 'getForeignState'),
  one('total', 'listForeignStates'),
  two('typed', 'getMunicipalityByBelfiore'),
  one('typed', 'getMunicipalityHistory'),
  two('typed', 'getMunicipalityByIstat'),
  one('typed', 'listMunicipalities'),
  one('typed', 'listProvinces'),
  one('typed', 'getRegion'),
  one('total', 'listRegions'),
  one('total', 'inspectNoticeNumber'),
  one('total', 'isValidNoticeNumber'),
  two('typed', 'parseNoticeNumber'),
  ...schema('NoticeNumberSchema'),
  one('typed', 'formatNoticeNumber'),
  one('typed', 'noticeNumberToIuv'),
  one('typed', 'buildNoticeNumber'),
  one('total', 'inspectIuv'),
  one('total', 'isValidIuv'),
  two('typed', 'parseIuv'),
  ...schema('IuvSchema'),
  two('typed', 'iuvToNoticeNumber'),
  one('typed', 'createIuvGenerator'),
  ...schema('IuvGeneratorOptionsSchema'),
  two('total', 'inspectEntityFiscalCode'),
  two('total', 'isValidEntityFiscalCode'),
  two('typed', 'parseEntityFiscalCode'),
  ...schema('EntityFiscalCodeSchema'),
  two('total', 'inspectVatNumber'),
  two('total', 'isValidVatNumber'),
  two('typed', 'parseVatNumber'),
  ...schema('VatNumberSchema'),
];

/** Runs a call and says what happened; a breach of its kind's contract is returned as a message. */
function breach(entry: Entry, a: unknown, b: unknown): string | undefined {
  try {
    const result = entry.call(a, b);
    if (entry.name.startsWith('isValid') && typeof result !== 'boolean') return 'isValid returned a non-boolean';
    return undefined;
  } catch (err) {
    if (entry.kind === 'zod' && err instanceof z.ZodError) return undefined;
    if (entry.kind === 'typed' && Core.CoreError.isInstance(err) && codes.includes(err.code)) return undefined;
    return `${entry.kind === 'total' ? 'threw' : 'untyped error'}: ${err instanceof Error ? `${err.name} ${err.message}` : typeof err}`;
  }
}

describe('every export of src/index.ts and src/internal-entry.ts', () => {
  it('is covered by the hostile-input table', () => {
    const covered = new Set(ENTRIES.map((e) => e.name.replace(/[.(].*$/, '')));
    const constants = new Set([
      'API_CALL_ERROR_CODES',
      'CORE_ERROR_CODES',
      'CORE_LIMITS',
      'DEFAULT_MAX_BODY_BYTES',
      'DEFAULT_TIMEOUT_MS',
      // The transport is attacked over real HTTP by the io client entries and core/http tests.
      'createHttp',
      // Input-guard plumbing: unit-tested with throwing getters and proxies in input-guards.test.ts, and
      // attacked through every pagopa and io entry point that reads its input with them.
      'plainObject',
      'readFields',
      'safeParseInput',
      // String folding for callers that have checked the type; attacked through them.
      'upperAscii',
      // Client plumbing (problem-text masking, Retry-After, the retry delay) fed by the clients with
      // server text and their own numbers; attacked through the io and pagopa client entries.
      'maskPersonalData',
      'readRetryAfterMs',
      'sleep',
      // The schema builder of the io and pagopa option schemas; attacked through those options.
      'frozenArray',
    ]);
    const missing = Object.keys(Core).filter((k) => !covered.has(k) && !constants.has(k));
    expect(missing).toEqual([]);
  });

  it.each(ENTRIES.map((e) => [e.name, e] as const))(
    '%s answers arbitrary values with its result or a CoreError with a listed code',
    (_name, entry) => {
      fc.assert(
        fc.property(hostileValue, fc.oneof(fc.constant(undefined), hostileValue), (a, b) => {
          expect(breach(entry, a, b)).toBeUndefined();
        }),
        { numRuns },
      );
    },
  );

  it('answers throwing getters and Proxies in arguments with a CoreError, never the foreign throwable', () => {
    const boom = (): never => {
      throw new RangeError('hostile getter');
    };
    const getters = Object.defineProperties(
      {},
      Object.fromEntries(
        ['surname', 'name', 'sex', 'birthDate', 'birthPlace', 'referenceDate', 'strict', 'at', 'province'].map((k) => [
          k,
          { get: boom, enumerable: true },
        ]),
      ),
    );
    const proxy = new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom });
    for (const hostile of [getters, proxy]) {
      for (const entry of ENTRIES) {
        expect(breach(entry, hostile, undefined), entry.name).toBeUndefined();
        expect(breach(entry, 'RSSMRA80A01H501U', hostile), entry.name).toBeUndefined();
      }
    }
    expect(() => Core.computeFiscalCode(getters as never)).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_INPUT', field: 'surname', cause: expect.any(RangeError) }),
    );
  });
});

const PLACES = ['H501', 'F205', 'L219', 'Z330'];
const fiscalCodeArb = fc
  .record({
    surname: fc.stringMatching(/^[A-Za-z]{2,12}$/),
    name: fc.stringMatching(/^[A-Za-z]{2,12}$/),
    sex: fc.constantFrom('M' as const, 'F' as const),
    birthDate: fc
      .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2009-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    birthPlace: fc.constantFrom(...PLACES),
    mask: fc.nat(127),
  })
  .map(({ mask, ...person }) => Core.omocodiaVariants(Core.computeFiscalCode(person))[mask] ?? '');
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const alnum = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), minLength: n, maxLength: n });
const vatArb = fc
  .tuple(
    digits(7).filter((p) => p !== '0000000'),
    digits(3),
  )
  .map(([p, o]) => `${p}${o}${elevenDigitCheckDigit(`${p}${o}0`)}`);

interface Identifier {
  readonly name: string;
  readonly valid: fc.Arbitrary<string>;
  readonly isValid: (v: unknown) => boolean;
  readonly parse: (v: string) => unknown;
  readonly schema: z.ZodType;
}
const IDENTIFIERS: readonly Identifier[] = [
  {
    name: 'fiscal code',
    valid: fiscalCodeArb,
    isValid: Core.isValidFiscalCode,
    parse: Core.parseFiscalCode,
    schema: Core.FiscalCodeSchema,
  },
  { name: 'IBAN', valid: anyIban, isValid: Core.isValidIban, parse: Core.parseIban, schema: Core.IbanSchema },
  {
    name: 'partita IVA',
    valid: vatArb,
    isValid: Core.isValidVatNumber,
    parse: Core.parseVatNumber,
    schema: Core.VatNumberSchema,
  },
  {
    name: 'entity fiscal code',
    valid: vatArb,
    isValid: Core.isValidEntityFiscalCode,
    parse: Core.parseEntityFiscalCode,
    schema: Core.EntityFiscalCodeSchema,
  },
  {
    name: 'entity fiscal code of a pagoPA creditor',
    valid: digits(11),
    isValid: (v) => Core.isValidEntityFiscalCode(v, { checkDigit: 'warn' }),
    parse: (v) => Core.parseEntityFiscalCode(v, { checkDigit: 'warn' }),
    // No exported schema takes options: a refinement on the isValid form, as docs/core.md suggests.
    schema: z.string().refine((v) => Core.isValidEntityFiscalCode(v, { checkDigit: 'warn' })),
  },
  {
    name: 'notice number',
    valid: digits(18).map((d) => `3${d.slice(1)}`),
    isValid: Core.isValidNoticeNumber,
    parse: Core.parseNoticeNumber,
    schema: Core.NoticeNumberSchema,
  },
  { name: 'IUV', valid: digits(17), isValid: Core.isValidIuv, parse: Core.parseIuv, schema: Core.IuvSchema },
  {
    name: 'codice IPA',
    valid: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$/),
    isValid: Core.isValidIpaCode,
    parse: Core.parseIpaCode,
    schema: Core.IpaCodeSchema,
  },
  {
    name: 'office code',
    valid: alnum(6),
    isValid: Core.isValidOfficeCode,
    parse: Core.parseOfficeCode,
    schema: Core.OfficeCodeSchema,
  },
  {
    name: 'SDI code',
    valid: alnum(7),
    isValid: Core.isValidSdiCode,
    parse: Core.parseSdiCode,
    schema: Core.SdiCodeSchema,
  },
];

/** Whether every form (isValid, parse, schema) accepts `v`; throws when they disagree. */
function accepted(id: Identifier, v: string): boolean {
  let parsed = true;
  try {
    id.parse(v);
  } catch (err) {
    if (!Core.CoreError.isInstance(err)) throw err;
    parsed = false;
  }
  const verdicts = [id.isValid(v), parsed, id.schema.safeParse(v).success];
  expect(new Set(verdicts).size, `${id.name} forms disagree`).toBe(1);
  return parsed;
}

describe.each(IDENTIFIERS.map((id) => [id.name, id] as const))('%s', (_name, id) => {
  it('accepts valid values, with ASCII spaces at the ends', () => {
    fc.assert(
      fc.property(id.valid, fc.nat(3), fc.nat(3), (v, left, right) => {
        expect(accepted(id, `${' '.repeat(left)}${v}${' '.repeat(right)}`)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects a valid value with one character replaced by a look-alike', () => {
    const mutated = id.valid.chain((v) =>
      fc.nat(v.length - 1).chain((i) => {
        const options = lookAlikesOf(v.charAt(i));
        return options.length === 0
          ? fc.constant(undefined)
          : fc.constantFrom(...options).map((c) => spliceAt(v, i, c, true));
      }),
    );
    fc.assert(
      fc.property(mutated, (v) => {
        if (v !== undefined) expect(accepted(id, v)).toBe(false);
      }),
      { numRuns },
    );
  });

  it('rejects a valid value with an invisible character or non-ASCII whitespace anywhere', () => {
    fc.assert(
      fc.property(id.valid, fc.nat(40), fc.constantFrom(...INVISIBLES), (v, at, c) => {
        expect(accepted(id, spliceAt(v, at, c))).toBe(false);
      }),
      { numRuns },
    );
  });

  it('never throws, and its forms agree, on look-alike and Unicode strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileString,
          id.valid.map((v) => v.toLowerCase()),
        ),
        (v) => {
          expect(typeof accepted(id, v)).toBe('boolean');
        },
      ),
      { numRuns },
    );
  });
});

describe('fiscal code look-alikes', () => {
  it.each([
    ['RSſMRA80A01H501U', 2],
    ['RSSMRA80A01H501U'.replace('H', 'Ｈ'), 11],
    ['rssmra80a01h501u\u2028', 16],
    ['\ufeffRSSMRA80A01H501U', 0],
    ['RSSMRA80A01H501U\t', 16],
    ['RSSMRA80A01H5\u00a001U', 13],
  ])('reports %j as CHARSET at index %i', (input, index) => {
    const result = Core.inspectFiscalCode(input, { referenceDate: '2025-01-01' });
    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'CHARSET', index }));
  });

  it('folds ſ, ı and ß nowhere: their upper case would be a valid code', () => {
    expect('RSſMRA80A01H501U'.toUpperCase()).toBe('RSSMRA80A01H501U');
    expect(Core.isValidFiscalCode('RSSMRA80A01H501U')).toBe(true);
    for (const v of ['RSſMRA80A01H501U', 'rsſmra80a01h501u', 'RßMRA80A01H501U']) {
      expect(Core.inspectFiscalCode(v).ok).toBe(false);
      expect(() => Core.parseFiscalCode(v)).toThrow(expect.objectContaining({ code: 'ERR_CORE_INVALID_FISCAL_CODE' }));
      expect(() => Core.decodeFiscalCode(v)).toThrow(expect.objectContaining({ code: 'ERR_CORE_INVALID_FISCAL_CODE' }));
      expect(() => Core.normalizeOmocodia(v)).toThrow(
        expect.objectContaining({ code: 'ERR_CORE_INVALID_FISCAL_CODE' }),
      );
    }
  });

  it('reads a look-alike Belfiore code as no code', () => {
    const code = Core.listMunicipalities().find((m) => m.belfiore.startsWith('I'))?.belfiore ?? 'I000';
    expect(Core.getMunicipalityByBelfiore(code.toLowerCase())).toBeDefined();
    expect(Core.getMunicipalityByBelfiore(`ı${code.slice(1)}`)).toBeUndefined();
    expect(Core.getMunicipalityHistory(`ı${code.slice(1)}`)).toEqual([]);
  });
});

const WINDOW = { min: Core.CORE_LIMITS.minReferenceDate, max: Core.CORE_LIMITS.maxReferenceDate };
const anyDay = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
/** Any day of 0001–9999, half of them within a decade of the window. */
const someDay = fc.oneof(
  anyDay,
  fc
    .date({ min: new Date('1890-01-01T00:00:00Z'), max: new Date('2109-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

describe('referenceDate', () => {
  it('refuses 0001-01-01 instead of returning a birth date after it', () => {
    expect(() => Core.decodeFiscalCode('RSSMRA80A01H501U', { referenceDate: '0001-01-01' })).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_DATE', field: 'referenceDate' }),
    );
    expect(() => Core.inspectFiscalCode('RSSMRA80A01H501U', { referenceDate: new Date('9999-01-01') })).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_DATE', field: 'referenceDate' }),
    );
  });

  it('never yields a birth date after an accepted referenceDate, and refuses dates outside the window', () => {
    fc.assert(
      fc.property(fiscalCodeArb, someDay, fc.boolean(), (code, day, asDate) => {
        const referenceDate = asDate ? new Date(`${day}T12:00:00Z`) : day;
        const inWindow = day >= WINDOW.min && day <= WINDOW.max;
        let decoded: CoreIndex.DecodedFiscalCode | undefined;
        let refused: unknown;
        try {
          decoded = Core.decodeFiscalCode(code, { referenceDate });
        } catch (err) {
          refused = err;
        }
        if (!inWindow) {
          expect(refused).toMatchObject({ code: 'ERR_CORE_INVALID_DATE', field: 'referenceDate' });
        } else if (decoded === undefined) {
          // In the window, only a code whose every birth date is later is refused, and parse agrees.
          expect(refused).toMatchObject({ code: 'ERR_CORE_INVALID_FISCAL_CODE' });
          const issues = Core.inspectFiscalCode(code, { referenceDate }).issues.map((i) => i.code);
          expect(issues).toEqual(['BIRTH_AFTER_REFERENCE_DATE']);
        } else {
          expect(decoded.birthDate <= day).toBe(true);
          for (const alt of decoded.birthDateAlternatives) expect(alt <= day).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('resolves a code of 1980 as of 1950 to no birth date', () => {
    expect(() => Core.decodeFiscalCode('RSSMRA80A01H501U', { referenceDate: '1950-01-01' })).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_FISCAL_CODE' }),
    );
    expect(Core.inspectFiscalCode('RSSMRA80A01H501U', { referenceDate: '1950-01-01' })).toMatchObject({
      ok: false,
      issues: [{ code: 'BIRTH_AFTER_REFERENCE_DATE', index: 6 }],
    });
  });
});

describe('computeFiscalCode() dates', () => {
  const person = { surname: 'Rossi', name: 'Mario', sex: 'M', birthPlace: 'Z330' } as const;

  it('accepts a birth date exactly when it lies from CORE_LIMITS.minBirthDate to the reference date', () => {
    fc.assert(
      fc.property(someDay, someDay, (birthDate, referenceDate) => {
        const call = () => Core.computeFiscalCode({ ...person, birthDate }, { referenceDate });
        if (referenceDate < WINDOW.min || referenceDate > WINDOW.max) {
          expect(call).toThrow(expect.objectContaining({ code: 'ERR_CORE_INVALID_DATE', field: 'referenceDate' }));
        } else if (birthDate < Core.CORE_LIMITS.minBirthDate || birthDate > referenceDate) {
          expect(call).toThrow(expect.objectContaining({ code: 'ERR_CORE_INVALID_DATE', field: 'birthDate' }));
        } else {
          const code = call();
          expect(Core.isValidFiscalCode(code)).toBe(true);
          // Z330 (Morocco) has no end date, so decoding as of the birth date gives the birth date back.
          if (birthDate >= WINDOW.min)
            expect(Core.decodeFiscalCode(code, { referenceDate: birthDate }).birthDate).toBe(birthDate);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a birth date in the future of the clock, and 1799-12-31', () => {
    expect(() => Core.computeFiscalCode({ ...person, birthDate: '2099-01-01' })).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_DATE', field: 'birthDate' }),
    );
    expect(() => Core.computeFiscalCode({ ...person, birthDate: '1799-12-31' })).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_DATE', field: 'birthDate' }),
    );
  });

  it.each([
    ['surname', 42],
    ['name', null],
    ['sex', 1],
    ['birthPlace', ['Roma']],
    ['surname', 'R'.repeat(Core.CORE_LIMITS.maxInputLength + 1)],
  ])('answers %s = %j with ERR_CORE_INVALID_INPUT naming the field', (field, value) => {
    expect(() => Core.computeFiscalCode({ ...person, birthDate: '1980-01-01', [field]: value } as never)).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_INPUT', field }),
    );
  });
});

describe('territory look-ups', () => {
  it.each([
    ['getMunicipalityByBelfiore', () => Core.getMunicipalityByBelfiore(42 as never), 'code'],
    ['getMunicipalityHistory', () => Core.getMunicipalityHistory(null as never), 'code'],
    ['getMunicipalityByIstat', () => Core.getMunicipalityByIstat(58091 as never), 'istat'],
    ['getForeignState', () => Core.getForeignState(Symbol('x') as never), 'code'],
    ['findMunicipalities', () => Core.findMunicipalities('Roma', { province: 5 as never }), 'province'],
    ['findMunicipalities', () => Core.findMunicipalities('Roma', { province: null as never }), 'province'],
    ['findForeignStates', () => Core.findForeignStates(undefined as never), 'name'],
    ['getRegion', () => Core.getRegion(12 as never), 'code'],
    ['listMunicipalities', () => Core.listMunicipalities('2020-01-01' as never), 'options'],
  ])('%s answers a wrong type with ERR_CORE_INVALID_INPUT naming the field', (_name, call, field) => {
    expect(call).toThrow(expect.objectContaining({ code: 'ERR_CORE_INVALID_INPUT', field }));
  });

  it('finds nothing for a name longer than CORE_LIMITS.maxInputLength', () => {
    const long = `Roma${' '.repeat(Core.CORE_LIMITS.maxInputLength)}`;
    expect(Core.findMunicipalities('Roma').length).toBeGreaterThan(0);
    expect(Core.findMunicipalities(long)).toEqual([]);
  });
});

describe('options and kinds', () => {
  it('redacts URL objects and answers non-strings and over-long URLs with <invalid url>', () => {
    expect(Core.redactUrl(new URL('https://api.example/p/RSSMRA85T10A562S?x=1') as never)).toBe(
      'https://api.example/p/:redacted',
    );
    expect(Core.redactUrl(new Uint8Array(100) as never)).toBe('<invalid url>');
    expect(Core.redactUrl(`https://api.example/${'a'.repeat(8192)}`)).toBe('<invalid url>');
  });

  it('answers a date option of the wrong type with ERR_CORE_INVALID_DATE naming it', () => {
    for (const at of [null, 20200101, new Date(0)] as never[]) {
      expect(() => Core.getMunicipalityByBelfiore('H501', { at })).toThrow(
        expect.objectContaining({ code: 'ERR_CORE_INVALID_DATE', field: 'at' }),
      );
    }
    expect(() => Core.decodeFiscalCode('RSSMRA80A01H501U', { referenceDate: 19800101 as never })).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_DATE', field: 'referenceDate' }),
    );
  });

  it('reads null or non-object options of the never-throwing forms as no options', () => {
    for (const options of [null, 42, 'strict', [true]] as never[]) {
      expect(Core.isValidVatNumber('00743110157', options)).toBe(true);
      expect(Core.inspectEntityFiscalCode('80123450589', options).ok).toBe(true);
    }
  });

  it('checks the code before telling its SDI kind', () => {
    expect(Core.getSdiCodeKind(' xxxxxxx ' as CoreIndex.SdiCode)).toBe('foreign');
    expect(() => Core.getSdiCodeKind('XXXXXX\u0425' as CoreIndex.SdiCode)).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_SDI_CODE' }),
    );
    expect(() => Core.getSdiCodeKind(null as never)).toThrow(
      expect.objectContaining({ code: 'ERR_CORE_INVALID_INPUT' }),
    );
  });
});

/** Size of the oversized inputs: 10 MiB UTF-16 units. */
const HUGE_LENGTH = 10 * 1024 * 1024;
/** Time the worker has for every call on every oversized input (a linear scan of each would still fit). */
const HUGE_INPUT_TIME_LIMIT_MS = 60_000;
/** Heap cap of the worker: a few 20 MB strings fit, a quadratic copy does not. */
const HUGE_INPUT_HEAP_MB = 512;

/** What each call of test/helpers/huge-input-worker.mjs must answer for every oversized string. */
const HUGE_EXPECTED: Readonly<Record<string, unknown>> = {
  inspectFiscalCode: { returned: { ok: false, normalized: null, issues: ['LENGTH'] } },
  isValidFiscalCode: { returned: false },
  parseFiscalCode: { code: 'ERR_CORE_INVALID_FISCAL_CODE' },
  FiscalCodeSchema: { returned: false },
  decodeFiscalCode: { code: 'ERR_CORE_INVALID_FISCAL_CODE' },
  normalizeOmocodia: { code: 'ERR_CORE_INVALID_FISCAL_CODE' },
  computeFiscalCode: { code: 'ERR_CORE_INVALID_INPUT', field: 'surname' },
  'computeFiscalCode(birthPlace)': { code: 'ERR_CORE_INVALID_INPUT', field: 'birthPlace' },
  inspectIban: { returned: { ok: false, issues: [expect.objectContaining({ code: 'INVALID_LENGTH' })] } },
  isValidIban: { returned: false },
  parseIban: { code: 'ERR_CORE_INVALID_IBAN' },
  inspectVatNumber: { returned: { ok: false, issues: [expect.objectContaining({ code: 'INVALID_LENGTH' })] } },
  isValidVatNumber: { returned: false },
  parseEntityFiscalCode: { code: 'ERR_CORE_INVALID_ENTITY_FISCAL_CODE' },
  'inspectEntityFiscalCode(checkDigit: warn)': {
    returned: { ok: false, issues: [expect.objectContaining({ code: 'INVALID_LENGTH' })] },
  },
  parseIpaCode: { code: 'ERR_CORE_INVALID_IPA_CODE' },
  isValidOfficeCode: { returned: false },
  parseSdiCode: { code: 'ERR_CORE_INVALID_SDI_CODE' },
  findMunicipalities: { returned: [] },
  'findMunicipalities(province)': { returned: [] },
  findForeignStates: { returned: [] },
  getMunicipalityByBelfiore: { returned: null },
  getMunicipalityHistory: { returned: [] },
  getMunicipalityByIstat: { returned: null },
  getForeignState: { returned: null },
  getRegion: { returned: null },
  redactUrl: { returned: '<invalid url>'.length },
};

describe('oversized input', () => {
  it(
    'is refused by length, as documented, for 10 MiB strings (in a worker with a heap cap and a time limit)',
    async () => {
      const units = ['A', ' ', 'a-', '\ud800', 'ſ'];
      const worker = new Worker(new URL('./helpers/huge-input-worker.mjs', import.meta.url), {
        workerData: { units, length: HUGE_LENGTH },
        resourceLimits: { maxOldGenerationSizeMb: HUGE_INPUT_HEAP_MB },
      });
      let timer: NodeJS.Timeout | undefined;
      try {
        const results = await new Promise<{ unit: string; name: string }[]>((resolve, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${HUGE_INPUT_TIME_LIMIT_MS} ms`)),
            HUGE_INPUT_TIME_LIMIT_MS,
          );
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
        });
        expect(results).toHaveLength(units.length * Object.keys(HUGE_EXPECTED).length);
        for (const { unit, name, ...outcome } of results) {
          expect(outcome, `${name} on ${JSON.stringify(unit)} × ${HUGE_LENGTH}`).toMatchObject(
            HUGE_EXPECTED[name] as object,
          );
        }
      } finally {
        clearTimeout(timer);
        await worker.terminate();
      }
    },
    HUGE_INPUT_TIME_LIMIT_MS + 10_000,
  );
});
