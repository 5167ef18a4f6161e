import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAML_SCHEMA_NAMES, SamlError, signXml, validateSchema } from '../src/index.js';
import { loadKey, readFixture } from './support/keys.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/schema/${name}`, import.meta.url), 'utf8');
const AUTHN_REQUEST = fixture('authn-request.xml');
const SP_METADATA = fixture('sp-metadata-public.xml');

async function refusal(run: () => Promise<unknown>): Promise<SamlError> {
  try {
    await run();
  } catch (err) {
    if (SamlError.isInstance(err)) return err;
    throw new Error(`not a SamlError: ${String(err)}`);
  }
  throw new Error('did not throw');
}

describe('SAML_SCHEMA_NAMES', () => {
  it('lists the seven schemas of the contract, frozen', () => {
    expect(Object.isFrozen(SAML_SCHEMA_NAMES)).toBe(true);
    expect([...SAML_SCHEMA_NAMES].sort()).toEqual(
      [
        'invoicing',
        'metadata',
        'metadata-aggregated',
        'metadata-cie',
        'metadata-spid',
        'metadata-spid-av29',
        'protocol',
      ].sort(),
    );
  });
});

describe('validateSchema()', () => {
  it('accepts the AuthnRequest example of SPID rules §1 against protocol', async () => {
    await expect(validateSchema(AUTHN_REQUEST, 'protocol')).resolves.toHaveProperty('documentElement');
  });

  it('accepts a Response with a signed Assertion and a signed Response against protocol', async () => {
    const key = loadKey('idp');
    const signed = signXml(signXml(readFixture('response-unsigned.xml'), { key, id: '_assertion-1' }), {
      key,
      id: '_resp-1',
    });
    expect(signed.match(/<(?:ds:)?Signature[\s>]/g)?.length).toBe(2);
    await expect(validateSchema(signed, 'protocol')).resolves.toHaveProperty('documentElement');
  });

  it('accepts a document with a byte-order mark and an XML declaration, counting lines from it', async () => {
    await expect(
      validateSchema(`\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n${AUTHN_REQUEST}`, 'protocol'),
    ).resolves.toHaveProperty('documentElement');
    const err = await refusal(() =>
      validateSchema(`<?xml version="1.0"?>\n${AUTHN_REQUEST.replace(' Version="2.0"', '')}`, 'protocol'),
    );
    expect(err.line).toBe(6);
  });

  it('refuses an AuthnRequest without Version, naming the attribute and the line', async () => {
    const err = await refusal(() => validateSchema(AUTHN_REQUEST.replace(' Version="2.0"', ''), 'protocol'));
    expect(err.code).toBe('ERR_SAML_SCHEMA_INVALID');
    expect(err.reason).toBe('missing-attribute');
    expect(err.line).toBe(5);
    expect(err.message).toContain("'Version'");
  });

  it('refuses child elements in the wrong order', async () => {
    const policy = '  <samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient"/>\n';
    const swapped = AUTHN_REQUEST.replace(policy, '').replace(
      '</samlp:AuthnRequest>',
      `${policy}</samlp:AuthnRequest>`,
    );
    expect(swapped).not.toBe(AUTHN_REQUEST);
    const err = await refusal(() => validateSchema(swapped, 'protocol'));
    expect(err.code).toBe('ERR_SAML_SCHEMA_INVALID');
    expect(err.reason).toBe('unexpected-element');
    expect(err.line).toBe(11);
  });

  it('never echoes document values in the error', async () => {
    const cases = [
      AUTHN_REQUEST.replace('2025-02-03T10:15:30.250Z', 'RSSMRA85T10A562S'),
      AUTHN_REQUEST.replace('Comparison="minimum"', 'Comparison="Mario Rossi"'),
      AUTHN_REQUEST.replace('ForceAuthn="true"', 'ForceAuthn="mario.rossi@example.it"'),
      AUTHN_REQUEST.replace(
        'AttributeConsumingServiceIndex="0"',
        'AttributeConsumingServiceIndex="it\'s RSSMRA85T10A562S"',
      ),
    ];
    for (const xml of cases) {
      const err = await refusal(() => validateSchema(xml, 'protocol'));
      expect(err.code).toBe('ERR_SAML_SCHEMA_INVALID');
      expect(err.reason).toBe('invalid-value');
      expect(err.message).not.toMatch(/RSSMRA|Mario|mario/);
    }
  });

  it('refuses text inside an element with simple content, without echoing it', async () => {
    const err = await refusal(() =>
      validateSchema(AUTHN_REQUEST.replace('</saml:Issuer>', '<x>Mario Rossi</x></saml:Issuer>'), 'protocol'),
    );
    expect(err.reason).toBe('unexpected-text');
    expect(err.message).not.toContain('Mario');
  });

  it('refuses a document of another kind as an unknown root', async () => {
    const err = await refusal(() => validateSchema(SP_METADATA, 'protocol'));
    expect(err.reason).toBe('unknown-root');
  });

  it('accepts SPID SP metadata against metadata, metadata-spid and metadata-spid-av29', async () => {
    for (const schema of ['metadata', 'metadata-spid', 'metadata-spid-av29'] as const) {
      await expect(validateSchema(SP_METADATA, schema)).resolves.toHaveProperty('documentElement');
    }
  });

  it('refuses a ContactPerson without md:Extensions against metadata-spid-av29 only', async () => {
    const broken = SP_METADATA.replace(/<md:Extensions>[\s\S]*<\/md:Extensions>/, '');
    expect(broken).not.toContain('spid:IPACode');
    await expect(validateSchema(broken, 'metadata')).resolves.toHaveProperty('documentElement');
    const err = await refusal(() => validateSchema(broken, 'metadata-spid-av29'));
    expect(err.code).toBe('ERR_SAML_SCHEMA_INVALID');
    expect(err.line).toBeGreaterThan(20);
  });

  it('requires spid:entityType on contacts against metadata-aggregated', async () => {
    const err = await refusal(() => validateSchema(SP_METADATA, 'metadata-aggregated'));
    expect(err.reason).toBe('missing-attribute');
    expect(err.message).toContain('entityType');
  });

  it('accepts signed CIE metadata against metadata-cie and refuses it unsigned', async () => {
    const xml = fixture('sp-metadata-cie.xml');
    const signed = signXml(xml, { key: loadKey('sp'), id: '_9b2e6d14-0c7a-4f51-8e3d-2a6c1f0b7e42' });
    await expect(validateSchema(signed, 'metadata-cie')).resolves.toHaveProperty('documentElement');
    expect((await refusal(() => validateSchema(xml, 'metadata-cie'))).reason).toBe('unexpected-element');
  });

  it('accepts a billing block against invoicing', async () => {
    await expect(validateSchema(fixture('invoicing.xml'), 'invoicing')).resolves.toHaveProperty('documentElement');
  });

  it('refuses unsafe XML through parseXml before the validator reads it', async () => {
    const xxe = `<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${AUTHN_REQUEST}`;
    expect((await refusal(() => validateSchema(xxe, 'protocol'))).code).toBe('ERR_SAML_XML_UNSAFE');
    const schemaImport = AUTHN_REQUEST.replace(
      'ForceAuthn="true"',
      'ForceAuthn="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:x file:///etc/passwd"',
    );
    await expect(validateSchema(schemaImport, 'protocol')).resolves.toHaveProperty('documentElement');
  });

  it('refuses an unknown schema name and a non-string document', async () => {
    expect((await refusal(() => validateSchema(AUTHN_REQUEST, 'wsdl' as never))).code).toBe('ERR_SAML_INVALID_CONFIG');
    expect((await refusal(() => validateSchema(42 as never, 'protocol'))).code).toBe('ERR_SAML_INVALID_INPUT');
  });

  it('validates concurrent calls on several schemas', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0 ? validateSchema(AUTHN_REQUEST, 'protocol') : validateSchema(SP_METADATA, 'metadata-spid-av29'),
      ),
    );
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
  });
});
