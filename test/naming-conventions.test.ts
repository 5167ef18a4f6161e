// docs/conventions.md, enforced: every exported function of every package starts with a verb of the
// table, every identifier with a `parseX` has the four forms, and `isValidX` is total and agrees with
// `parseX`. Lives at the repository root (vitest project `repo`) so it imports every package by
// name (resolved to `src/` by the `@civico/source` condition) without a dependency between packages.
import * as core from '@civico/core';
import * as io from '@civico/io';
import * as pagopa from '@civico/pagopa';
import * as pagopaSandbox from '@civico/pagopa/sandbox';
import * as saml from '@civico/saml';
import * as spid from '@civico/spid';
import * as spidExpress from '@civico/spid/express';
import * as spidFastify from '@civico/spid/fastify';
import * as spidWeb from '@civico/spid/web';
import * as spidTestIdp from '@civico/spid-test-idp';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

type Exports = Readonly<Record<string, unknown>>;
const PACKAGES: Readonly<Record<string, Exports>> = {
  '@civico/core': core,
  '@civico/pagopa': pagopa,
  '@civico/pagopa/sandbox': pagopaSandbox,
  '@civico/io': io,
  '@civico/saml': saml,
  '@civico/spid': spid,
  '@civico/spid/web': spidWeb,
  '@civico/spid/express': spidExpress,
  '@civico/spid/fastify': spidFastify,
  '@civico/spid-test-idp': spidTestIdp,
};

/** The verbs of docs/conventions.md (order matters only for readability). */
const VERBS = [
  'parse',
  'inspect',
  'isValid',
  'format',
  'build',
  'compute',
  'decode',
  'normalize',
  'get',
  'find',
  'list',
  'create',
  'render',
  'encode',
  'detect',
  'lint',
  'read',
  'compile',
  'send',
  'run',
  'sign',
  'verify',
  'validate',
] as const;
/** `aToB`: a conversion between two forms (docs/conventions.md, "Other verbs"). */
const CONVERSION = /^[a-z][A-Za-z0-9]*To[A-Z][A-Za-z0-9]*$/;

/** Exported functions that do not start with a verb, each with the reason. */
const VERB_EXCEPTIONS: Readonly<Record<string, string>> = {
  omocodiaVariants: 'named after the specification: the omocodia variants of a codice fiscale (a list)',
  endOfDayInRome: 'a date helper named by its result; kept for compatibility with the IO guides',
  reconcile: 'named by issue 11: the accounting term',
  noticeFromDebtPosition: 'named by issue 11: builds a Notice from a debt position (the notice of the position)',
  isLevelAcceptable:
    'a predicate over the SPID level table (@civico/spid, §3.5: requested level, Comparison, returned level), named in the issue 10 contract; not an isValidX of an identifier',
};

/** `parseX` exports that are not identifiers, so need not have the four forms, each with the reason. */
const COMPOSITE_PARSERS: Readonly<Record<string, string>> = {
  parseNotice: 'a whole notice: NoticeSchema and createNoticeSchema are its schema forms',
  parseQrPayload: 'a scanned payload: QrPayloadSchema; its warnings come with the parsed value',
  parsePosteDataMatrixPayload: 'a scanned payload: PosteDataMatrixPayloadSchema',
  parseMessage: 'a whole IO message: MessageInputSchema and isValidMessage',
  parseXml: 'a whole untrusted XML document (@civico/saml): a DOM, not an identifier; no schema form',
  parseCertificate: 'an X.509 certificate (@civico/saml): details read from DER, not an identifier; no schema form',
  parseSpMetadata:
    'whole SP metadata (@civico/spid-test-idp): endpoints and certificates read from XML; lintSpMetadata reports the rules',
  parseAuthnRequest:
    'a whole signed AuthnRequest (@civico/spid-test-idp): binding, signature and §1 rules; lintAuthnRequest reports them',
  parseIdpMetadata:
    'whole IdP metadata or the AgID aggregate (@civico/spid): signature, validity and endpoints read from XML; no schema form',
};

/** Sample valid inputs per identifier, so the agreement property also sees `true`. */
const SAMPLES: Readonly<Record<string, readonly string[]>> = {
  FiscalCode: ['RSSMRA80A01H501U', ' rssmra80a01h501u ', 'BNCLRA70E45F205Z'],
  Iban: ['IT60X0542811101000000123456', 'it60 x054 2811 1010 0000 0123 456'],
  Iuv: ['12345678901234545', '400000013900844'],
  NoticeNumber: ['312345678901234545', '3123 4567 8901 2345 45', '302012387654312384'],
  IpaCode: ['c_h501', ' asl_ba '],
  OfficeCode: ['UFE6RW', 'ufe6rw'],
  SdiCode: ['0000000', 'xxxxxxx', 'UFE6RW'],
  EntityFiscalCode: ['80123450589', '01199250158'],
  VatNumber: ['IT 00743110157', '00743110157'],
  PostalAccount: ['123456', '000012345678'],
  Message: [],
};

function functionNames(exports: Exports): string[] {
  // Classes (PascalCase) are error types, not verbs.
  return Object.keys(exports).filter((k) => typeof exports[k] === 'function' && /^[a-z]/.test(k));
}

describe.each(Object.entries(PACKAGES))('%s exports follow docs/conventions.md', (_name, exports) => {
  it('every exported function starts with a verb of the table (or converts aToB)', () => {
    const offenders = functionNames(exports).filter(
      (n) => !VERBS.some((v) => n.startsWith(v) && /^[A-Z]/.test(n.slice(v.length))) && !CONVERSION.test(n),
    );
    expect(offenders.filter((n) => VERB_EXCEPTIONS[n] === undefined)).toEqual([]);
  });

  it('every identifier with parseX has inspectX, isValidX and XSchema', () => {
    const missing: string[] = [];
    for (const name of functionNames(exports)) {
      if (!name.startsWith('parse') || COMPOSITE_PARSERS[name] !== undefined) continue;
      const x = name.slice('parse'.length);
      for (const form of [`inspect${x}`, `isValid${x}`, `${x}Schema`]) if (!(form in exports)) missing.push(form);
    }
    expect(missing).toEqual([]);
  });

  it('no isValidX or inspectX exists without its parseX', () => {
    const orphans = functionNames(exports)
      .map((n) => /^(?:isValid|inspect)([A-Z]\w*)$/.exec(n)?.[1])
      .filter((x): x is string => x !== undefined && !(`parse${x}` in exports));
    expect(orphans).toEqual([]);
  });

  it('isValidX never throws and is true exactly when parseX succeeds (fast-check)', () => {
    const pairs = functionNames(exports)
      .filter((n) => n.startsWith('isValid') && `parse${n.slice(7)}` in exports)
      .map((n) => n.slice('isValid'.length));
    // A package without identifiers has no pair to check: say so instead of passing silently.
    expect(Array.isArray(pairs)).toBe(true);
    for (const x of pairs) {
      const isValid = exports[`isValid${x}`] as (value: unknown) => unknown;
      const parse = exports[`parse${x}`] as (value: unknown) => unknown;
      const samples = SAMPLES[x];
      expect(samples, `add samples for ${x} to SAMPLES`).toBeDefined();
      const candidates = fc.oneof(
        fc.anything(),
        fc.string({ maxLength: 40 }),
        ...(samples?.length ? [fc.constantFrom(...samples)] : []),
      );
      fc.assert(
        fc.property(candidates, (value) => {
          let valid: unknown;
          expect(() => {
            valid = isValid(value);
          }, `isValid${x} threw`).not.toThrow();
          expect(typeof valid, `isValid${x} returns a boolean`).toBe('boolean');
          let parsed = true;
          try {
            parse(value);
          } catch {
            parsed = false;
          }
          expect(valid, `isValid${x} and parse${x} disagree`).toBe(parsed);
        }),
        { numRuns: 200 },
      );
      for (const sample of samples ?? []) expect(isValid(sample), `isValid${x}(sample)`).toBe(true);
    }
  });
});

describe('the exception lists', () => {
  it('name only functions that exist, and still need the exception', () => {
    const all = Object.values(PACKAGES).flatMap(functionNames);
    for (const name of [...Object.keys(VERB_EXCEPTIONS), ...Object.keys(COMPOSITE_PARSERS)]) {
      expect(all, `${name} is no longer exported: drop its exception`).toContain(name);
    }
  });
});
