import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeFiscalCode,
  decodeFiscalCode,
  FiscalCodeSchema,
  inspectFiscalCode,
  isValidFiscalCode,
  listForeignStates,
  omocodiaVariants,
  parseFiscalCode,
} from '../src/index.js';
import { daysFromCivil, formatDayNumber } from '../src/territory/day-number.js';
import { belfioreOfSlot, getMunicipalityIndex } from '../src/territory/territory-index.js';

const numRuns = 200;
const FIRST = daysFromCivil(1900, 1, 1);
const LAST = daysFromCivil(2025, 12, 31);

// Every comune interval overlapping 1900–2025, as [Belfiore code, first day, last day].
const idx = getMunicipalityIndex();
const intervals: [string, number, number][] = [];
for (let i = 0; i < idx.slot.length; i++) {
  const from = Math.max(idx.from[i] ?? 0, FIRST);
  const to = Math.min(idx.to[i] ?? 0, LAST);
  if (from <= to) intervals.push([belfioreOfSlot(idx.slot[i] ?? 0), from, to]);
}
const openStates = listForeignStates().filter((s) => s.validTo === null);

/** A person born somewhere (comune or foreign state) on a day that place existed. */
const personArb = fc
  .record({
    surname: fc.stringMatching(/^[A-Za-zÀÈÉÌÒÙàèéìòù][A-Za-zàèéìòù' ]{0,14}$/),
    name: fc.stringMatching(/^[A-Za-zÀÈÉÌÒÙàèéìòù][A-Za-zàèéìòù ]{0,14}$/),
    sex: fc.constantFrom('M' as const, 'F' as const),
    place: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...intervals) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...openStates.map((s): [string, number, number] => [s.code, FIRST, LAST])),
      },
    ),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ surname, name, sex, place: [code, from, to], fraction }) => ({
    surname,
    name,
    sex,
    birthPlace: code,
    birthDate: formatDayNumber(from + Math.floor(fraction * (to - from))),
  }));

/** Valid codes and near misses (one character changed), upper or lower case, with spaces. */
const codeLikeArb = fc.oneof(
  personArb.map(computeFiscalCode),
  fc
    .tuple(personArb.map(computeFiscalCode), fc.nat(15), fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ '))
    .map(([code, i, c]) => code.slice(0, i) + c + code.slice(i + 1)),
  personArb.map(
    (p) =>
      ` ${computeFiscalCode(p)
        .toLowerCase()
        .replace(/(.{4})/g, '$1 ')}`,
  ),
  fc.stringMatching(/^[0-9]{11}$/),
);

describe('computeFiscalCode() → decodeFiscalCode()', () => {
  it('round-trips sex, birth date and birthplace for people born where and when a place existed', () => {
    fc.assert(
      fc.property(personArb, (person) => {
        const code = computeFiscalCode(person);
        const d = decodeFiscalCode(code, { referenceDate: person.birthDate });
        expect(d.birthDate).toBe(person.birthDate);
        expect(d.sex).toBe(person.sex);
        expect(d.birthplace.code).toBe(person.birthPlace);
        expect(d.birthplace.kind === 'unknown' ? false : d.birthplace.validAtBirth).toBe(true);
        expect(inspectFiscalCode(code, { referenceDate: person.birthDate, strict: true }).ok).toBe(true);
      }),
      { numRuns },
    );
  });
});

describe('omocodiaVariants()', () => {
  it('gives variants that all decode to the same person', () => {
    fc.assert(
      fc.property(personArb, fc.integer({ min: 0, max: 127 }), (person, mask) => {
        const variants = omocodiaVariants(computeFiscalCode(person));
        const variant = variants[mask] ?? '';
        expect(isValidFiscalCode(variant)).toBe(true);
        const d = decodeFiscalCode(variant, { referenceDate: person.birthDate });
        expect([d.birthDate, d.sex, d.birthplace.code, d.base, d.omocodia.mask]).toEqual([
          person.birthDate,
          person.sex,
          person.birthPlace,
          variants[0],
          mask,
        ]);
      }),
      { numRuns },
    );
  });
});

describe('inspectFiscalCode()', () => {
  it('never throws, on anything or on strings of any length and content', () => {
    const input = fc.oneof(fc.anything(), fc.string({ unit: 'binary', maxLength: 40 }), fc.string(), codeLikeArb);
    fc.assert(
      fc.property(input, (v) => {
        const result = inspectFiscalCode(v, { referenceDate: '2025-01-01' });
        expect(result.ok === (result.issues.length === 0)).toBe(true);
        expect(() => isValidFiscalCode(v)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('rejects any single-character change of a valid code', () => {
    fc.assert(
      fc.property(personArb, fc.nat(15), fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), (p, i, c) => {
        const code = computeFiscalCode(p);
        fc.pre(code[i] !== c);
        expect(inspectFiscalCode(code.slice(0, i) + c + code.slice(i + 1)).ok).toBe(false);
      }),
      { numRuns },
    );
  });

  it('normalises idempotently', () => {
    fc.assert(
      fc.property(codeLikeArb, (v) => {
        const once = inspectFiscalCode(v, { referenceDate: '2025-01-01' });
        const again = inspectFiscalCode(once.ok ? once.value : (once.normalized ?? ''), {
          referenceDate: '2025-01-01',
        });
        expect(again.ok).toBe(once.ok);
        if (once.ok && again.ok) expect(again.value).toBe(once.value);
      }),
      { numRuns },
    );
  });
});

describe('FiscalCodeSchema, isValidFiscalCode(), parseFiscalCode()', () => {
  it('agree: the schema, parse and isValid accept exactly the inputs inspectFiscalCode reports ok', () => {
    fc.assert(
      fc.property(fc.oneof(codeLikeArb, fc.anything()), (v) => {
        const parsed = inspectFiscalCode(v, { referenceDate: '2025-01-01' });
        const schema = FiscalCodeSchema.safeParse(v);
        let asserted: string | undefined;
        try {
          asserted = parseFiscalCode(v);
        } catch {
          asserted = undefined;
        }
        expect(schema.success).toBe(parsed.ok);
        expect(asserted !== undefined).toBe(parsed.ok);
        if (parsed.ok) {
          expect(schema.data).toBe(parsed.value);
          expect(asserted).toBe(parsed.value);
          expect(isValidFiscalCode(parsed.value)).toBe(true);
        }
        expect(isValidFiscalCode(v)).toBe(parsed.ok);
      }),
      { numRuns: 300 },
    );
  });
});
