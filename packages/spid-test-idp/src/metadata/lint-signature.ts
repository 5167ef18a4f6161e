import { type CertificateInfo, NS, parseCertificate, verifyXmlSignature } from '@civico/saml';
import type { ConformanceCheck } from '../kit/conformance-check.js';
import { lintCertificateProfile } from './lint-certificate.js';
import { type LintContext, md, rule } from './lint-context.js';
import { certificateToPem } from './parse-sp-metadata.js';
import { attr, children, elementChildren, text, type XmlElement } from './xml-dom.js';

const SIGNATURE_METHODS = [
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
];
const DIGEST_METHODS = [
  'http://www.w3.org/2001/04/xmlenc#sha256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384',
  'http://www.w3.org/2001/04/xmlenc#sha512',
];

function readSigningCertificates(ctx: LintContext): { infos: CertificateInfo[]; unreadable: boolean } {
  const infos: CertificateInfo[] = [];
  let unreadable = false;
  for (const kd of md(ctx.sso, 'KeyDescriptor')) {
    if (attr(kd, 'use') !== 'signing' && attr(kd, 'use') !== undefined) continue;
    for (const ki of children(kd, NS.ds, 'KeyInfo')) {
      for (const data of children(ki, NS.ds, 'X509Data')) {
        for (const c of children(data, NS.ds, 'X509Certificate')) {
          try {
            infos.push(parseCertificate(certificateToPem(text(c))));
          } catch {
            unreadable = true;
          }
        }
      }
    }
  }
  return { infos, unreadable };
}

function algorithmOf(sig: XmlElement | undefined, path: readonly string[]): string[] {
  let level: XmlElement[] = sig === undefined ? [] : [sig];
  for (const name of path) level = level.flatMap((el) => children(el, NS.ds, name));
  return level.map((el) => attr(el, 'Algorithm') ?? '');
}

/** @internal §2.4: the enveloped signature of the metadata and its certificates (§2.1, §4.4 in production). */
export function lintSignature(ctx: LintContext, displayName: string): ConformanceCheck[] {
  const first = elementChildren(ctx.root)[0];
  const signature =
    first !== undefined && first.namespaceURI === NS.ds && first.localName === 'Signature' ? first : undefined;
  const { infos, unreadable } = readSigningCertificates(ctx);
  let valid: string | undefined;
  if (signature === undefined) valid = 'the metadata is not signed';
  else if (infos.length === 0) valid = 'no signing certificate to verify the signature with';
  else {
    try {
      verifyXmlSignature(ctx.xml, { element: ctx.root, certificates: infos.map((i) => i.pem), now: ctx.now });
    } catch (err) {
      valid = `the signature does not verify with the metadata's signing certificate (${(err as { code?: string }).code ?? 'error'})`;
    }
  }
  const methods = algorithmOf(signature, ['SignedInfo', 'SignatureMethod']);
  const digests = algorithmOf(signature, ['SignedInfo', 'Reference', 'DigestMethod']);
  const checks = [
    rule(
      'metadata.signature.present',
      'EntityDescriptor carries ds:Signature as first child',
      signature === undefined ? 'no ds:Signature first child of EntityDescriptor' : undefined,
    ),
    rule(
      'metadata.signature.algorithm',
      'Signature uses RSA-SHA256/384/512 and SHA-256/384/512 digests (no SHA-1)',
      signature !== undefined &&
        methods.every((m) => SIGNATURE_METHODS.includes(m)) &&
        digests.length > 0 &&
        digests.every((d) => DIGEST_METHODS.includes(d))
        ? undefined
        : 'missing signature or SHA-1/unknown algorithm',
    ),
    rule('metadata.signature.valid', "The signature verifies with the metadata's own signing certificate", valid),
    rule(
      'metadata.certificate.readable',
      'Signing certificates are readable X.509',
      unreadable || infos.length === 0 ? 'a signing certificate cannot be read' : undefined,
    ),
    rule(
      'metadata.certificate.key-size',
      'Signing certificates use RSA ≥ 2048 bits (or EC ≥ 256)',
      infos.every((i) =>
        i.keyAlgorithm === 'ec'
          ? (i.keyBits ?? 0) >= 256
          : i.keyAlgorithm.startsWith('rsa') && (i.keyBits ?? 0) >= 2048,
      )
        ? undefined
        : 'a signing key is too small or of an unknown type',
    ),
    rule(
      'metadata.certificate.signature-hash',
      'Signing certificates are signed with SHA-256 or stronger',
      infos.every((i) => ['sha256', 'sha384', 'sha512'].includes(i.signatureHash ?? ''))
        ? undefined
        : 'a certificate is signed with SHA-1 or weaker',
    ),
    rule(
      'metadata.certificate.validity',
      'Signing certificates are within their validity window',
      infos.every((i) => i.notBefore.getTime() <= ctx.now.getTime() && ctx.now.getTime() <= i.notAfter.getTime())
        ? undefined
        : 'a signing certificate is expired or not yet valid',
    ),
  ];
  if (ctx.production && !ctx.traits.cie) checks.push(...lintCertificateProfile(ctx, infos, displayName));
  return checks;
}
