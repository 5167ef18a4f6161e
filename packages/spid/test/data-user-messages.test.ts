import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getSpidUserMessage, SPID_USER_MESSAGES } from '../src/data/user-messages.js';

const CODES = ['nr19', 'nr20', 'nr21', 'nr22', 'nr23', 'nr25', 'nr30'] as const;
const GENERIC = getSpidUserMessage('nr08');

describe('SPID_USER_MESSAGES', () => {
  it('has exactly the user-facing codes of the SPID error table v1.3 (nr19–nr23, nr25, nr30), each with distinct Italian and English texts', () => {
    expect(Object.keys(SPID_USER_MESSAGES).sort()).toEqual([...CODES]);
    const texts = new Set<string>();
    for (const code of CODES) {
      const m = SPID_USER_MESSAGES[code];
      expect(m.it.length).toBeGreaterThan(20);
      expect(m.en.length).toBeGreaterThan(20);
      expect(m.it).not.toBe(m.en);
      texts.add(m.it);
      texts.add(m.en);
      expect(Object.isFrozen(m)).toBe(true);
    }
    expect(texts.size).toBe(CODES.length * 2);
    expect(Object.isFrozen(SPID_USER_MESSAGES)).toBe(true);
  });

  it('says the specific reason of each code', () => {
    expect(SPID_USER_MESSAGES.nr19.it).toMatch(/troppi tentativi/);
    expect(SPID_USER_MESSAGES.nr20.it).toMatch(/livello di sicurezza più alto/);
    expect(SPID_USER_MESSAGES.nr21.it).toMatch(/tempo .* scaduto/);
    expect(SPID_USER_MESSAGES.nr22.it).toMatch(/consenso/);
    expect(SPID_USER_MESSAGES.nr23.it).toMatch(/sospesa o revocata/);
    expect(SPID_USER_MESSAGES.nr25.it).toMatch(/annullato/);
    expect(SPID_USER_MESSAGES.nr30.it).toMatch(/tipo di identità/);
    expect(SPID_USER_MESSAGES.nr25.en).toMatch(/cancelled/);
  });
});

describe('getSpidUserMessage', () => {
  it.each(CODES)('gives the specific message for %s in every lenient form', (code) => {
    const digits = code.slice(2);
    for (const form of [code, code.toUpperCase(), digits, `nr0${digits}`, `ErrorCode ${code}`, ` ${code} `]) {
      expect(getSpidUserMessage(form)).toBe(SPID_USER_MESSAGES[code]);
    }
  });

  it.each(['nr08', 'nr24', 'nr26', 'nr1', 'nr190', 'nr19x', 'x nr19', '', 'toString', '__proto__', 'constructor'])(
    'gives the generic message for %j',
    (code) => {
      expect(getSpidUserMessage(code)).toBe(GENERIC);
    },
  );

  it('gives the generic message for non-strings and never throws', () => {
    expect(GENERIC.it).toBe('Accesso non riuscito. Riprova o contatta il servizio.');
    for (const value of [undefined, null, 19, {}, Symbol('x')]) {
      expect(getSpidUserMessage(value as unknown as string)).toBe(GENERIC);
    }
    fc.assert(
      fc.property(fc.string(), (s) => {
        const m = getSpidUserMessage(s);
        return typeof m.it === 'string' && typeof m.en === 'string';
      }),
      { seed: 1010, numRuns: 500 },
    );
  });
});
