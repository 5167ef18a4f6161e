/**
 * Hostile XML, SAML-binding and certificate input, as {@link HostileSpec} recipes: 10 000-level nesting, entity
 * bombs and XXE, truncated, binary and look-alike-Unicode documents, damaged base64 and DEFLATE (bombs
 * included), damaged PEM and DER. Almost-valid ones are mutated from valid fixtures the caller passes.
 */
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { DEEP_NESTING, hostile, lookAlike, mutateString, OVERSIZED_MIN_LENGTH, val } from './hostile-arbitraries.js';
import type { HostileSpec } from './hostile-spec.js';

type Arb = fc.Arbitrary<HostileSpec>;

const LOL = Array.from({ length: 9 }, (_, i) =>
  i === 0 ? '<!ENTITY l0 "lol">' : `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`,
).join('');

/** Hostile XML documents (as text): bombs, external entities, nesting, floods, broken syntax. */
export const HOSTILE_XML_DOCUMENTS: readonly string[] = [
  `${'<a>'.repeat(DEEP_NESTING)}x${'</a>'.repeat(DEEP_NESTING)}`,
  `<r>${'<a>'.repeat(DEEP_NESTING)}`,
  `<?xml version="1.0"?><!DOCTYPE r [${LOL}]><r>&l8;</r>`,
  '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>',
  '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:1/evil.dtd">%p;]><r/>',
  '<!DOCTYPE r SYSTEM "http://127.0.0.1:1/evil.dtd"><r/>',
  '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "&b;"><!ENTITY b "&a;">]><r>&a;</r>',
  '<r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd" parse="text"/></r>',
  `<r>${'<e/>'.repeat(200_000)}</r>`,
  `<r ${Array.from({ length: 5_000 }, (_, i) => `a${i}="1"`).join(' ')}/>`,
  `<r a="${'x'.repeat(OVERSIZED_MIN_LENGTH)}"/>`,
  `<r><![CDATA[${']]'.repeat(100_000)}]]></r>`,
  `<r><!--${'-'.repeat(100_000)}--></r>`,
  `<r>${'&#x1;&#xD800;&#1114112;&#0;'.repeat(1_000)}</r>`,
  `<r>${'&amp'.repeat(50_000)}</r>`,
  '<?xml version="1.0" encoding="UTF-7"?><r>+ADw-script+AD4-</r>',
  '<?xml version="1.1"?><r>\u0001</r>',
  '<?xml-stylesheet href="file:///etc/passwd"?><r/>',
  '\uFEFF\uFEFF<r/>',
  '<r/><r/>',
  '<r></R>',
  '<r xmlns:a="x" xmlns:a="y"/>',
  '<a:r/>',
  `<r xmlns="${'urn:x:'.repeat(50_000)}"/>`,
  '<r\u0000/>',
  '<\uFF52/>',
  '\uFF1Cr\uFF1E\uFF1C/r\uFF1E',
  '<r>\uD800</r>',
  '',
  '<',
  '<?xml',
  '<!DOCTYPE',
  '<![CDATA[',
];

/** Bytes that look like XML but are not UTF-8 (or are, with a twist). */
export const HOSTILE_XML_BYTES: readonly Uint8Array[] = [
  new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x72, 0x00, 0x2f, 0x00, 0x3e, 0x00]), // UTF-16LE BOM + <r/>
  new Uint8Array([0x3c, 0x72, 0x3e, 0xc0, 0xbc, 0x3c, 0x2f, 0x72, 0x3e]), // overlong '<'
  new Uint8Array([0x3c, 0x72, 0x3e, 0xed, 0xa0, 0x80, 0x3c, 0x2f, 0x72, 0x3e]), // encoded surrogate
  new Uint8Array([0xef, 0xbb, 0xbf, 0x3c, 0x72, 0x2f, 0x3e]), // UTF-8 BOM + <r/>
  new Uint8Array([0x3c, 0x72, 0x3e, 0x00, 0x3c, 0x2f, 0x72, 0x3e]), // NUL in text
];

/**
 * Structural edits of a valid XML document that a careless parser or signature check lets through:
 * truncation, a comment or entity spliced into the text, the root duplicated, a DOCTYPE added, namespaces dropped.
 */
export function structuralMutations(valid: string): fc.Arbitrary<string> {
  const gt = valid.indexOf('>', valid.indexOf('<', valid.startsWith('<?') ? 2 : 0) + 1);
  return fc.oneof(
    fc.nat({ max: valid.length }).map((i) => valid.slice(0, i)),
    fc.nat({ max: valid.length }).map((i) => `${valid.slice(0, i)}<!--x-->${valid.slice(i)}`),
    fc.nat({ max: valid.length }).map((i) => `${valid.slice(0, i)}&lt;&#x3C;&unknown;${valid.slice(i)}`),
    fc.constantFrom(
      `${valid}${valid}`,
      `<!DOCTYPE r [${LOL}]>${valid}`,
      valid.replace(/xmlns(:\w+)?="[^"]*"/g, ''),
      valid.replace(/ID="/g, 'Id="'),
      valid.replace(/<(\/?)(\w+):/g, '<$1'),
      valid.replace(/>\s*</g, '>\n<!-- c -->\n<'),
      gt > 0 ? `${valid.slice(0, gt + 1)}${valid.slice(gt + 1).replace(/<[^/!?][^>]*>/, (m) => `${m}${m}`)}` : valid,
      valid.replace(/<(\w+:)?Signature[\s\S]*<\/(\w+:)?Signature>/, ''),
    ),
  );
}

/** Hostile XML text: the documents above, structural, look-alike and character mutations of `valid`. */
export function hostileXml(valid: readonly string[]): Arb {
  const documents = fc.constantFrom(...HOSTILE_XML_DOCUMENTS).map(val);
  const bytes = fc.constantFrom(...HOSTILE_XML_BYTES).map(val);
  if (valid.length === 0) return fc.oneof(documents, bytes);
  const almost = fc
    .constantFrom(...valid)
    .chain((v) => fc.oneof(structuralMutations(v), mutateString(v), lookAlike(v)))
    .map(val);
  return fc.oneof(
    { weight: 3, arbitrary: documents },
    { weight: 1, arbitrary: bytes },
    { weight: 4, arbitrary: almost },
    { weight: 1, arbitrary: fc.constantFrom(...valid).map(val) },
  );
}

/** A hostile subject for an XML argument: {@link hostileXml} mixed with the harness's generic hostile values. */
export function hostileXmlSubject(valid: readonly string[]): Arb {
  return fc.oneof({ weight: 3, arbitrary: hostileXml(valid) }, { weight: 2, arbitrary: hostile() });
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** DEFLATE bomb: 64 MiB of zeros, raw-deflated (~64 KiB). */
let bomb: string | undefined;
function deflateBomb(): string {
  bomb ??= b64(deflateRawSync(Buffer.alloc(64 * 1024 * 1024)));
  return bomb;
}

/** Damaged base64 of `valid` bytes: bad characters, padding, URL-safe alphabet, truncation, line breaks. */
export function damagedBase64(validBase64: string): fc.Arbitrary<string> {
  return fc.oneof(
    mutateString(validBase64),
    fc.constantFrom(
      validBase64.replace(/\+/g, '-').replace(/\//g, '_'),
      validBase64.replace(/=+$/, ''),
      `${validBase64}====`,
      `=${validBase64}`,
      validBase64.replace(/(.{76})/g, '$1\r\n'),
      validBase64.replace(/(.{4})/g, '$1 '),
      validBase64.replace(/(.{10})/g, '$1%0A'),
      `${validBase64.slice(0, 8)}\u0000${validBase64.slice(8)}`,
      `${validBase64.slice(0, 8)}\uFF21${validBase64.slice(8)}`,
      '====',
      '*',
      '',
    ),
  );
}

/**
 * Damaged SAML binding payloads built from valid XML: base64 (POST) or base64 of raw DEFLATE (Redirect), with
 * the DEFLATE bomb, zlib and gzip framing instead of raw, truncated streams and damaged base64.
 */
export function hostileBindingPayload(validXml: readonly string[], deflated: boolean): Arb {
  const payloads = fc.constantFrom(...validXml).chain((xml) => {
    const raw = Buffer.from(xml, 'utf8');
    const good = b64(deflated ? deflateRawSync(raw) : raw);
    const stream = deflateRawSync(raw);
    return fc.oneof(
      fc.constant(good),
      damagedBase64(good),
      fc.constantFrom(
        deflateBomb(),
        b64(deflateSync(raw)),
        b64(gzipSync(raw)),
        b64(stream.subarray(0, Math.max(1, stream.length >> 1))),
        b64(Buffer.concat([stream, Buffer.from([1, 2, 3])])),
        b64(deflated ? raw : stream),
        b64(deflateRawSync(Buffer.from(HOSTILE_XML_DOCUMENTS[2] ?? '', 'utf8'))),
        b64(deflateRawSync(Buffer.from(HOSTILE_XML_DOCUMENTS[0] ?? '', 'utf8'))),
        b64(Buffer.from([0xff, 0xfe, 0x3c, 0x00])),
      ),
    );
  });
  return payloads.map(val);
}

/** DER with an absurd length, indefinite length, deep nesting, or nothing but a tag. */
export const HOSTILE_DER: readonly Uint8Array[] = [
  new Uint8Array([0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00]),
  new Uint8Array([0x30, 0x89, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]),
  new Uint8Array([0x30, 0x80, 0x02, 0x01, 0x00, 0x00, 0x00]),
  new Uint8Array([0x30]),
  new Uint8Array([0x30, 0x00]),
  new Uint8Array([0x1f, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x00]),
  (() => {
    // 10 000 nested SEQUENCEs, each with a long-form length that fits the rest.
    const depth = DEEP_NESTING;
    const out: number[] = [];
    for (let i = 0; i < depth; i++) {
      const len = (depth - i - 1) * 4;
      out.push(0x30, 0x82, (len >> 8) & 0xff, len & 0xff);
    }
    return new Uint8Array(out);
  })(),
];

/** Damaged PEM and DER: labels, armour, base64 and DER of a valid certificate broken in many ways. */
export function hostileCertificate(validPem: readonly string[]): Arb {
  const der = fc.constantFrom(...HOSTILE_DER).map(val);
  const pems = fc.constantFrom(...validPem).chain((pem) => {
    const body = pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
    const bytes = Buffer.from(body, 'base64');
    const armour = (b: string, label = 'CERTIFICATE') => `-----BEGIN ${label}-----\n${b}\n-----END ${label}-----\n`;
    return fc.oneof(
      mutateString(pem).map(val),
      damagedBase64(body).map((b) => val(armour(b))),
      fc.nat({ max: bytes.length }).map((i) => val(new Uint8Array(bytes.subarray(0, i)))),
      fc.tuple(fc.nat({ max: Math.max(0, bytes.length - 1) }), fc.integer({ min: 1, max: 255 })).map(([i, x]) => {
        const copy = new Uint8Array(bytes);
        copy[i] = (copy[i] ?? 0) ^ x;
        return val(copy);
      }),
      fc.constantFrom(
        val(armour(body, 'PRIVATE KEY')),
        val(armour(body, 'CERTIFICATE REQUEST')),
        val(`${pem}${pem}`),
        val(pem.replace('-----END CERTIFICATE-----', '')),
        val(armour(b64(HOSTILE_DER[0] ?? new Uint8Array()))),
        val(armour(b64(HOSTILE_DER[6] ?? new Uint8Array()))),
        val(body),
        val(new Uint8Array(bytes)),
      ),
    );
  });
  return fc.oneof({ weight: 1, arbitrary: der }, { weight: 4, arbitrary: pems });
}
