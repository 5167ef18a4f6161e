// Audit-log disk filling (hostile review of the facade): a refused, unauthenticated message is audited as
// an excerpt of at most 16 KiB with the length and SHA-256 of the whole; accepted ones keep the whole XML.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { createSelfSignedCertificate, encodeRedirectBinding, type SigningKey } from '@civico/saml';
import { buildLogoutRequest as buildIdpLogoutRequest } from '@civico/spid-test-idp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpidAuditRecord } from '../src/audit/audit-sink.js';
import { formatAuditLine } from '../src/audit/format-audit-line.js';
import { createJsonlAuditSink, createServiceProvider, SpidError } from '../src/index.js';
import type { IdpDescriptor } from '../src/registry/idp-descriptor.js';
import { createAuditExcerpt, REFUSED_AUDIT_XML_MAX_BYTES } from '../src/sp/create-audit-excerpt.js';
import { makeSpConfig } from './support/sp-config.js';

const IDP_ID = 'https://idp.audit-test.example.it';
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A Response-looking document of about `size` bytes: a big Issuer-free body, like a garbage flood. */
function garbageResponse(size: number): Buffer {
  const head = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_g1" Version="2.0">';
  return Buffer.from(`${head}<x>${'A'.repeat(size)}</x></samlp:Response>`, 'utf8');
}

async function refusal(run: () => Promise<unknown>): Promise<SpidError> {
  try {
    await run();
  } catch (error) {
    if (SpidError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a SpidError');
}

let dir: string;
let idpKey: SigningKey;
let spSloUrl: string;
const records: SpidAuditRecord[] = [];
let sp: ReturnType<typeof createServiceProvider>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spid-audit-excerpt-'));
  idpKey = await createSelfSignedCertificate({ subject: 'CN=audit test IdP' });
  const idp: IdpDescriptor = {
    entityId: IDP_ID,
    name: 'Audit test IdP',
    sso: { redirect: { url: `${IDP_ID}/sso` } },
    slo: { redirect: { url: `${IDP_ID}/slo` }, post: { url: `${IDP_ID}/slo` } },
    certificates: [idpKey.certificate],
  };
  const config = makeSpConfig('spid-sp-public', {
    idps: [idp],
    audit: { write: async (record) => void records.push(record) },
  });
  spSloUrl = config.sloUrl;
  sp = createServiceProvider(config);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createAuditExcerpt()', () => {
  it('keeps at most 16 KiB, cut on a UTF-8 character boundary, with the whole length and SHA-256', () => {
    const bytes = Buffer.from(`${'a'.repeat(REFUSED_AUDIT_XML_MAX_BYTES - 1)}è${'z'.repeat(100)}`, 'utf8');
    const excerpt = createAuditExcerpt(bytes);
    expect(excerpt.xml).toBe('a'.repeat(REFUSED_AUDIT_XML_MAX_BYTES - 1));
    expect(excerpt.xmlBytes).toBe(bytes.length);
    expect(excerpt.xmlSha256).toBe(sha256(bytes));
    expect(createAuditExcerpt(Buffer.from('<short/>'))).toMatchObject({ xml: '<short/>', xmlBytes: 8 });
    expect(createAuditExcerpt(undefined)).toEqual({ xml: '' });
  });
});

describe('ServiceProvider.validateResponse(): audit of a refused Response', () => {
  it('records an excerpt of at most 16 KiB, xmlBytes and xmlSha256 of the whole decoded message', async () => {
    const bytes = garbageResponse(469 * 1024);
    records.length = 0;
    const error = await refusal(() =>
      sp.validateResponse({ form: { SAMLResponse: bytes.toString('base64') }, session: 's' }),
    );
    expect(error.code).toBe('ERR_SPID_RESPONSE_MALFORMED');
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toMatchObject({ kind: 'response', direction: 'received', outcome: 'refused', idp: undefined });
    expect(Buffer.byteLength(record?.xml ?? '')).toBeLessThanOrEqual(REFUSED_AUDIT_XML_MAX_BYTES);
    expect(record?.xml.startsWith('<samlp:Response')).toBe(true);
    expect(record?.xmlBytes).toBe(bytes.length);
    expect(record?.xmlSha256).toBe(sha256(bytes));
  });

  it('keeps the JSONL audit file small under a flood of refused 469 KB posts (< 20 KiB per post)', async () => {
    const file = join(dir, 'flood.jsonl');
    const flooded = createServiceProvider(makeSpConfig('spid-sp-public', { audit: { file } }));
    const body = garbageResponse(469 * 1024).toString('base64');
    const posts = 40;
    for (let i = 0; i < posts; i++) {
      await refusal(() => flooded.validateResponse({ form: { SAMLResponse: body }, session: `s${i}` }));
    }
    const { size } = await stat(file);
    // Before the fix each record held the whole message: 40 × 469 KB ≈ 18 MB.
    expect(size).toBeLessThan(posts * 20 * 1024);
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(posts);
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({
      outcome: 'refused',
      xmlTruncated: true,
      xmlBytes: garbageResponse(469 * 1024).length,
    });
    expect(line.xmlSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('ServiceProvider.validateLogoutRequest(): audit of a refused LogoutRequest', () => {
  const logoutRequest = (id: string, destination = spSloUrl) =>
    buildIdpLogoutRequest({
      issuer: IDP_ID,
      destination,
      nameId: '_t1',
      nameQualifier: IDP_ID,
      sessionIndex: '_s1',
      id,
      key: idpKey,
    });

  it('records a refused HTTP-POST LogoutRequest (metadata, whole short XML, its length and hash)', async () => {
    const xml = logoutRequest('_lr-audit-post', 'https://elsewhere.example/slo');
    records.length = 0;
    const error = await refusal(() =>
      sp.validateLogoutRequest({ method: 'POST', form: { SAMLRequest: Buffer.from(xml).toString('base64') } }),
    );
    expect(error.reason).toBe('logout.destination');
    expect(records).toEqual([
      expect.objectContaining({
        kind: 'logout-request',
        direction: 'received',
        outcome: 'refused',
        code: 'ERR_SPID_LOGOUT_INVALID',
        reason: 'logout.destination',
        idp: IDP_ID,
        requestId: '_lr-audit-post',
        messageId: '_lr-audit-post',
        xml,
        xmlBytes: Buffer.byteLength(xml),
        xmlSha256: sha256(Buffer.from(xml)),
      }),
    ]);
  });

  it('records a refused HTTP-Redirect LogoutRequest inflated, and a big one as a 16 KiB excerpt', async () => {
    const xml = logoutRequest('_lr-audit-redirect', 'https://elsewhere.example/slo');
    const url = encodeRedirectBinding({ location: spSloUrl, kind: 'SAMLRequest', xml, key: idpKey });
    records.length = 0;
    await refusal(() => sp.validateLogoutRequest({ method: 'GET', query: new URL(url).search.slice(1) }));
    expect(records[0]).toMatchObject({ outcome: 'refused', xml, xmlSha256: sha256(Buffer.from(xml)) });
    const big = Buffer.from(`<samlp:LogoutRequest>${'B'.repeat(900 * 1024)}</samlp:LogoutRequest>`);
    const query = `SAMLRequest=${encodeURIComponent(deflateRawSync(big).toString('base64'))}`;
    records.length = 0;
    await refusal(() => sp.validateLogoutRequest({ method: 'GET', query }));
    expect(Buffer.byteLength(records[0]?.xml ?? '')).toBeLessThanOrEqual(REFUSED_AUDIT_XML_MAX_BYTES);
    expect(records[0]).toMatchObject({ outcome: 'refused', xmlBytes: big.length, xmlSha256: sha256(big) });
  });

  it('records a Redirect message that does not inflate by the hash of its bytes, without text', async () => {
    const garbage = Buffer.from('not a deflate stream at all, just bytes');
    records.length = 0;
    await refusal(() =>
      sp.validateLogoutRequest({
        method: 'GET',
        query: `SAMLRequest=${encodeURIComponent(garbage.toString('base64'))}`,
      }),
    );
    expect(records[0]).toMatchObject({
      outcome: 'refused',
      xml: '',
      xmlBytes: garbage.length,
      xmlSha256: sha256(garbage),
    });
  });

  it('drops an over-long unverified ID label instead of writing it to the log', async () => {
    const xml = `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="${'x'.repeat(5000)}"/>`;
    records.length = 0;
    await refusal(() =>
      sp.validateLogoutRequest({ method: 'POST', form: { SAMLRequest: Buffer.from(xml).toString('base64') } }),
    );
    expect(records[0]).toMatchObject({ outcome: 'refused', requestId: undefined, messageId: undefined });
  });
});

describe('formatAuditLine(): one xmlBytes, the original length', () => {
  const base: SpidAuditRecord = {
    kind: 'response',
    direction: 'received',
    at: '2026-12-04T00:00:00.000Z',
    sp: 'https://sp.example.it',
    idp: undefined,
    requestId: undefined,
    messageId: undefined,
    outcome: 'refused',
    xml: '<x/>',
  };
  const parse = (record: SpidAuditRecord) => JSON.parse(formatAuditLine(record)) as Record<string, unknown>;

  it('writes xmlBytes and xmlSha256 as given, with xmlTruncated when xml is less than the whole', () => {
    const hash = 'a'.repeat(64);
    expect(parse({ ...base, xmlBytes: 500_000, xmlSha256: hash })).toMatchObject({
      xml: '<x/>',
      xmlTruncated: true,
      xmlBytes: 500_000,
      xmlSha256: hash,
    });
    const whole = parse({ ...base, xmlBytes: 4, xmlSha256: hash });
    expect(whole.xmlTruncated).toBeUndefined();
    expect(whole.xmlBytes).toBe(4);
  });

  it('keeps the given original length when the sink cuts xml at 1 MiB, and measures it otherwise', () => {
    const xml = 'y'.repeat(2 * 1024 * 1024);
    expect(parse({ ...base, xml, xmlBytes: 5_000_000 })).toMatchObject({ xmlTruncated: true, xmlBytes: 5_000_000 });
    expect(parse({ ...base, xml })).toMatchObject({ xmlTruncated: true, xmlBytes: xml.length });
    expect(parse(base)).not.toHaveProperty('xmlBytes');
  });

  it('refuses a malformed xmlBytes or xmlSha256 with ERR_SPID_INVALID_INPUT', () => {
    for (const bad of [{ xmlBytes: -1 }, { xmlBytes: 1.5 }, { xmlBytes: '3' }, { xmlSha256: 'ABC' }]) {
      expect(() => formatAuditLine({ ...base, ...(bad as object) })).toThrowError(
        expect.objectContaining({ code: 'ERR_SPID_INVALID_INPUT' }),
      );
    }
  });

  it('writes the new fields through createJsonlAuditSink', async () => {
    const file = join(dir, 'fields.jsonl');
    const sink = createJsonlAuditSink({ file, datasync: false });
    await sink.write({ ...base, xmlBytes: 70_000, xmlSha256: 'b'.repeat(64) });
    const line = JSON.parse((await readFile(file, 'utf8')).trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ xmlTruncated: true, xmlBytes: 70_000, xmlSha256: 'b'.repeat(64) });
  });
});
