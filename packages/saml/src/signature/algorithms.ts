import type { SignatureAlgorithm } from './signing-key.js';

/** XML-DSig namespace. @internal */
export const DS_NS = 'http://www.w3.org/2000/09/xmldsig#';
/** SAML 2.0 assertion namespace (`saml:Issuer`). @internal */
export const SAML_ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';

/** Exclusive canonicalization without comments. @internal */
export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
/** The enveloped-signature transform. @internal */
export const ENVELOPED_SIGNATURE = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

/** Signature and digest URIs of each algorithm civico signs with. @internal */
export const SIGNING_ALGORITHMS: Readonly<
  Record<SignatureAlgorithm, { readonly signature: string; readonly digest: string }>
> = Object.freeze({
  'rsa-sha256': Object.freeze({
    signature: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    digest: 'http://www.w3.org/2001/04/xmlenc#sha256',
  }),
  'rsa-sha512': Object.freeze({
    signature: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
    digest: 'http://www.w3.org/2001/04/xmlenc#sha512',
  }),
});

/**
 * Signature methods accepted when verifying, with the Node hash name. SHA-1, HMAC, PSS and ECDSA are
 * refused (SPID: RSA with SHA-256 or stronger). @internal
 */
export const ACCEPTED_SIGNATURE_METHODS: ReadonlyMap<string, string> = new Map([
  ['http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', 'RSA-SHA256'],
  ['http://www.w3.org/2001/04/xmldsig-more#rsa-sha384', 'RSA-SHA384'],
  ['http://www.w3.org/2001/04/xmldsig-more#rsa-sha512', 'RSA-SHA512'],
]);

/** Digest methods accepted when verifying, with the Node hash name. @internal */
export const ACCEPTED_DIGEST_METHODS: ReadonlyMap<string, string> = new Map([
  ['http://www.w3.org/2001/04/xmlenc#sha256', 'sha256'],
  ['http://www.w3.org/2001/04/xmldsig-more#sha384', 'sha384'],
  ['http://www.w3.org/2001/04/xmlenc#sha512', 'sha512'],
]);

/** Smallest RSA modulus accepted for signing and verifying (SPID, Avviso 29 v3). @internal */
export const MIN_RSA_BITS = 2048;
