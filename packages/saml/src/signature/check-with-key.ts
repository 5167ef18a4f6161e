import { createHash, createVerify, type KeyObject } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { ACCEPTED_DIGEST_METHODS, ACCEPTED_SIGNATURE_METHODS, ENVELOPED_SIGNATURE, EXC_C14N } from './algorithms.js';

/** Outcome of one verification attempt with one key. @internal */
export type KeyCheck =
  | { readonly ok: true; readonly signedXml: string }
  | { readonly ok: false; readonly failed: 'digest' | 'signature-value' | 'error'; readonly cause?: unknown };

type Ctor<T> = new () => T;

function signatureAlgorithm(uri: string, hash: string) {
  return class {
    getAlgorithmName = () => uri;
    getSignature = (): string => {
      throw new Error('verification only');
    };
    verifySignature = (material: string, key: KeyObject, value: string): boolean =>
      createVerify(hash).update(material).verify(key, value, 'base64');
  };
}

function hashAlgorithm(uri: string, hash: string) {
  return class {
    getAlgorithmName = () => uri;
    getHash = (xml: string): string => createHash(hash).update(xml, 'utf8').digest('base64');
  };
}

// Only the allow-listed algorithms are registered, so xml-crypto cannot fall back to anything else
// (SHA-1, HMAC, PSS, c14n with comments) even if a check upstream were skipped.
const SIGNATURES: Record<string, Ctor<unknown>> = Object.fromEntries(
  [...ACCEPTED_SIGNATURE_METHODS].map(([uri, hash]) => [uri, signatureAlgorithm(uri, hash)]),
);
const HASHES: Record<string, Ctor<unknown>> = Object.fromEntries(
  [...ACCEPTED_DIGEST_METHODS].map(([uri, hash]) => [uri, hashAlgorithm(uri, hash)]),
);

/**
 * A verifier for one `ds:Signature`: an xml-crypto `SignedXml` that knows only the allow-listed
 * algorithms and never reads `KeyInfo`, its signature loaded from `signature` (any DOM, already
 * shape-checked). The precheck computes the canonical SignedInfo with it, and {@link checkWithKey}
 * then runs xml-crypto's full check on the same loaded signature.
 *
 * @param signature - the `ds:Signature` element
 * @param idAttribute - the name of the signed element's ID attribute (`ID` in SAML 2.0)
 * @throws what xml-crypto's `loadSignature` throws for a signature it cannot read
 * @internal
 */
export function createSignatureVerifier(signature: Element, idAttribute = 'ID'): SignedXml {
  const sx = new SignedXml({ getCertFromKeyInfo: () => null });
  const registry = sx as unknown as {
    SignatureAlgorithms: Record<string, Ctor<unknown>>;
    HashAlgorithms: Record<string, Ctor<unknown>>;
    CanonicalizationAlgorithms: Record<string, Ctor<unknown>>;
    idAttributes: string[];
  };
  // One XPath scan of the document instead of three (Id, ID, id): our own index already refused
  // duplicate values across every ID-like attribute.
  registry.idAttributes = [idAttribute];
  registry.SignatureAlgorithms = SIGNATURES;
  registry.HashAlgorithms = HASHES;
  registry.CanonicalizationAlgorithms = {
    [EXC_C14N]: registry.CanonicalizationAlgorithms[EXC_C14N] as Ctor<unknown>,
    [ENVELOPED_SIGNATURE]: registry.CanonicalizationAlgorithms[ENVELOPED_SIGNATURE] as Ctor<unknown>,
  };
  sx.loadSignature(signature as unknown as Parameters<SignedXml['loadSignature']>[0]);
  return sx;
}

/**
 * Verifies the signature loaded in `verifier` with one public key, through xml-crypto, and returns
 * the canonical bytes of the one reference it verified.
 *
 * @remarks
 * `KeyInfo` is never read (`getCertFromKeyInfo` returns null): the key is the one given. xml-crypto
 * parses `xml` with its own xmldom and checks the reference digest first, then the SignatureValue.
 *
 * @param xml - the whole document
 * @param verifier - from {@link createSignatureVerifier}, for the document's `ds:Signature`
 * @param key - the public key to try
 * @internal
 */
export function checkWithKey(xml: string, verifier: SignedXml, key: KeyObject): KeyCheck {
  verifier.publicCert = key;
  let valid: boolean;
  try {
    valid = verifier.checkSignature(xml);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : '';
    return {
      ok: false,
      failed: message.startsWith('invalid signature: the signature value') ? 'signature-value' : 'error',
      cause,
    };
  }
  if (!valid) return { ok: false, failed: 'digest' };
  const signed = verifier.getSignedReferences();
  if (signed.length !== 1 || typeof signed[0] !== 'string') return { ok: false, failed: 'error' };
  return { ok: true, signedXml: signed[0] };
}
