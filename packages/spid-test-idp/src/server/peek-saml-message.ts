import { decodePostBinding, decodeRedirectBinding, NS, parseXml } from '@civico/saml';
import { attr, child, text, type XmlElement } from '../metadata/xml-dom.js';

/** A SAML message decoded without trusting it yet: enough to find its sender. @internal */
export interface PeekedMessage {
  /** `SAMLRequest` or `SAMLResponse`. */
  readonly kind: 'SAMLRequest' | 'SAMLResponse';
  /** The decoded XML. */
  readonly xml: string;
  /** Its root element (unverified: only for choosing whose certificates to check with). */
  readonly root: XmlElement;
  /** The root's `Issuer` text, `''` when absent. */
  readonly issuer: string;
  /** The root's `ID`, when present. */
  readonly id: string | undefined;
  /** The RelayState sent along. */
  readonly relayState: string | undefined;
}

/** Why a message could not be decoded: the SPID error code and HTTP status of the IdP page. @internal */
export interface PeekFailure {
  /** `nr04` (binding), `nr08` (not SAML/XML), `nr10` (no Issuer). */
  readonly code: 'nr04' | 'nr08' | 'nr10';
  /** 400 for input that cannot be decoded at all, 403 for a binding rule. */
  readonly status: 400 | 403;
  /** Short reasons for the page. */
  readonly reasonIt: string;
  readonly reasonEn: string;
}

/** The binding input of {@link peekSamlMessage}. @internal */
export type PeekInput =
  | { readonly binding: 'redirect'; readonly query: string; readonly fields: ReadonlyMap<string, string> }
  | { readonly binding: 'post'; readonly fields: ReadonlyMap<string, string> };

const missing: PeekFailure = {
  code: 'nr04',
  status: 403,
  reasonIt: 'Manca il parametro SAMLRequest o SAMLResponse.',
  reasonEn: 'The SAMLRequest or SAMLResponse parameter is missing.',
};

/**
 * Decodes a SAML message from either binding without checking any signature, and reads its Issuer
 * and ID, so the caller can pick the sender's metadata and then verify properly.
 * @param input - the binding and its raw query / form fields
 * @returns the decoded message, or why it could not be decoded
 * @internal
 */
export function peekSamlMessage(input: PeekInput): PeekedMessage | PeekFailure {
  const kind = input.fields.has('SAMLRequest')
    ? 'SAMLRequest'
    : input.fields.has('SAMLResponse')
      ? 'SAMLResponse'
      : undefined;
  if (kind === undefined || (input.fields.has('SAMLRequest') && input.fields.has('SAMLResponse'))) return missing;
  const relayState = input.fields.get('RelayState');
  // SAML bindings §3.4.3, §3.5.3: RelayState MUST NOT exceed 80 bytes (it is echoed back as is).
  if (relayState !== undefined && Buffer.byteLength(relayState, 'utf8') > 80) {
    return {
      code: 'nr04',
      status: 403,
      reasonIt: 'RelayState supera gli 80 byte ammessi.',
      reasonEn: 'RelayState exceeds the 80 bytes allowed.',
    };
  }
  let xml: string;
  try {
    xml =
      input.binding === 'redirect'
        ? decodeRedirectBinding(input.query).xml
        : decodePostBinding(input.fields.get(kind) ?? '');
  } catch {
    return {
      code: 'nr04',
      status: 400,
      reasonIt: `Il parametro ${kind} non si può decodificare (base64, DEFLATE o dimensione).`,
      reasonEn: `The ${kind} parameter cannot be decoded (base64, DEFLATE or size).`,
    };
  }
  let root: XmlElement;
  try {
    const doc = parseXml(xml);
    root = doc.documentElement as XmlElement;
  } catch {
    return {
      code: 'nr08',
      status: 400,
      reasonIt: 'Il messaggio non è XML ben formato e sicuro.',
      reasonEn: 'The message is not well-formed, safe XML.',
    };
  }
  const issuer = text(child(root, NS.saml, 'Issuer'));
  if (issuer === '') {
    return {
      code: 'nr10',
      status: 403,
      reasonIt: "Il messaggio non ha l'elemento Issuer.",
      reasonEn: 'The message has no Issuer element.',
    };
  }
  return { kind, xml, root, issuer, id: attr(root, 'ID'), relayState };
}

/**
 * Tells a {@link PeekFailure} from a {@link PeekedMessage}.
 * @param value - what {@link peekSamlMessage} returned
 * @internal
 */
export function isPeekFailure(value: PeekedMessage | PeekFailure): value is PeekFailure {
  return 'code' in value;
}
