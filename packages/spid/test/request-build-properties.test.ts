import { getChild, getText, NS, parseXml } from '@civico/saml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpidError } from '../src/errors.js';
import { buildLogoutRequest } from '../src/logout/build-logout-request.js';
import { buildLogoutResponse } from '../src/logout/build-logout-response.js';
import { buildAuthnRequest } from '../src/request/build-authn-request.js';

const SEED = 1010;
const INSTANT = new Date('2026-03-01T09:30:00.125Z');

let built = 0;

/** Runs `build`; a refusal must be ERR_SPID_INVALID_CONFIG with a field. */
function tryBuild(build: () => string): string | undefined {
  try {
    const xml = build();
    built += 1;
    return xml;
  } catch (err) {
    expect(SpidError.isInstance(err)).toBe(true);
    expect((err as SpidError).code).toBe('ERR_SPID_INVALID_CONFIG');
    expect((err as SpidError).field).toBeTypeOf('string');
    return undefined;
  }
}

// Printable ASCII with every character XML escapes (the URL check refuses spaces, controls and '#').
const URL_CHARS = [...'abcXYZ019-._~!$&\'()*+,;=:@/?"<>%[]{}|^`\\'];
const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true }),
  fc.string({ unit: fc.constantFrom(...URL_CHARS), maxLength: 40 }).map((s) => `https://idp.example.it/sso?x=${s}`),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `https://idp.example.it/sso?x=${s}`),
);

describe('builders escape what they write (fast-check)', () => {
  it('buildAuthnRequest: Destination and Issuer read back as given, or the option is refused', () => {
    fc.assert(
      fc.property(url, url, (destination, entityId) => {
        const xml = tryBuild(() =>
          buildAuthnRequest({
            id: '_p',
            issueInstant: INSTANT,
            destination,
            entityId,
            acsIndex: 0,
            attributeConsumingServiceIndex: 0,
            level: 2,
            comparison: 'minimum',
            cie: false,
          }),
        );
        if (xml === undefined) return;
        const root = parseXml(xml).documentElement;
        if (root === null) throw new Error('no root');
        expect(root.getAttribute('Destination')).toBe(destination);
        const issuer = getChild(root, NS.saml, 'Issuer');
        expect(issuer && getText(issuer)).toBe(entityId);
        expect(issuer?.getAttribute('NameQualifier')).toBe(entityId);
        expect(root.getAttribute('IssueInstant')).toBe('2026-03-01T09:30:00.125Z');
      }),
      { seed: SEED, numRuns: 300 },
    );
    // Not vacuous: most runs build a message.
    expect(built).toBeGreaterThan(100);
    built = 0;
  });

  it('buildLogoutRequest: NameID, NameQualifier and SessionIndex read back as given, or are refused', () => {
    const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(text, text, fc.option(text, { nil: undefined }), (nameId, nameQualifier, sessionIndex) => {
        const xml = tryBuild(() =>
          buildLogoutRequest({
            id: '_l',
            issueInstant: INSTANT,
            destination: 'https://idp.example.it/slo',
            entityId: 'https://sp.example.it/spid',
            subject: { nameId, nameQualifier, sessionIndex },
          }),
        );
        if (xml === undefined) return;
        const root = parseXml(xml).documentElement;
        if (root === null) throw new Error('no root');
        const nameIdEl = getChild(root, NS.saml, 'NameID');
        expect(nameIdEl && getText(nameIdEl)).toBe(nameId);
        expect(nameIdEl?.getAttribute('NameQualifier')).toBe(nameQualifier);
        const session = getChild(root, NS.samlp, 'SessionIndex');
        expect(session === undefined ? undefined : getText(session)).toBe(sessionIndex);
      }),
      { seed: SEED, numRuns: 300 },
    );
    // Not vacuous: most runs build a message.
    expect(built).toBeGreaterThan(100);
    built = 0;
  });

  it('buildLogoutResponse: InResponseTo reads back as given, or is refused', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.stringMatching(/^[A-Za-z_][\w.-]{0,30}$/),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
        ),
        (inResponseTo) => {
          const xml = tryBuild(() =>
            buildLogoutResponse({
              id: '_r',
              issueInstant: INSTANT,
              destination: 'https://idp.example.it/slo',
              entityId: 'https://sp.example.it/spid',
              inResponseTo,
              status: 'partial',
            }),
          );
          if (xml === undefined) return;
          expect(parseXml(xml).documentElement?.getAttribute('InResponseTo')).toBe(inResponseTo);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
    // Not vacuous: most runs build a message.
    expect(built).toBeGreaterThan(100);
    built = 0;
  });
});
