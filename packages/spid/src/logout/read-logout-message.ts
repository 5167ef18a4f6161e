import { readFields } from '@civico/core/internal';
import {
  decodePostBinding,
  decodeRedirectBinding,
  NS,
  parseXml,
  validateSchema,
  verifyXmlSignature,
} from '@civico/saml';
import { SpidError } from '../errors.js';
import type { SpidIncomingMessage } from '../sp/service-provider.js';
import { logoutError, mapSamlError } from './logout-error.js';
import type { LogoutMessage } from './logout-message.js';
import { readLogoutFields } from './read-logout-fields.js';
import { readLogoutTransport } from './read-logout-transport.js';

/**
 * Options of {@link readLogoutMessage}.
 * @internal
 */
export interface ReadLogoutMessageOptions {
  /**
   * The IdP's signing certificates (PEM, `KeyDescriptor use="signing"` of its metadata), or a look-up
   * from the (not yet verified) `Issuer` to them, for an IdP-initiated logout whose sender is known
   * only from the message: `undefined` or `[]` refuses it, and the verified `Issuer` must be the one
   * looked up.
   */
  readonly certificates: readonly string[] | ((issuer: string) => readonly string[] | undefined);
  /** Which message is expected: `LogoutRequest` (IdP-initiated) or `LogoutResponse` (to ours). */
  readonly expect: 'LogoutRequest' | 'LogoutResponse';
  /** Largest decoded message, in bytes (default 65 536: logout messages are small). */
  readonly maxBytes?: number | undefined;
  /** The instant the certificates must be valid at (default: now). */
  readonly now?: Date | undefined;
}

const DEFAULT_MAX_BYTES = 65_536;
const HARD_MAX_BYTES = 1_048_576;

type Element = NonNullable<ReturnType<typeof parseXml>['documentElement']>;

function config(message: string, field: string): SpidError {
  return new SpidError('ERR_SPID_INVALID_CONFIG', message, { field });
}

function readOptions(options: unknown) {
  if (typeof options !== 'object' || options === null) throw config('options must be an object', 'options');
  const o = readFields(options, ['certificates', 'expect', 'maxBytes', 'now'], SpidError, 'ERR_SPID_INVALID_CONFIG');
  const certificates = o.certificates;
  const list = Array.isArray(certificates) && certificates.every((c) => typeof c === 'string');
  if (typeof certificates !== 'function' && !list) {
    throw config('certificates must be a list of PEM certificates or a function', 'certificates');
  }
  if (o.expect !== 'LogoutRequest' && o.expect !== 'LogoutResponse') {
    throw config('expect must be LogoutRequest or LogoutResponse', 'expect');
  }
  const maxBytes = o.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!Number.isInteger(maxBytes) || (maxBytes as number) < 1 || (maxBytes as number) > HARD_MAX_BYTES) {
    throw config(`maxBytes must be an integer from 1 to ${HARD_MAX_BYTES}`, 'maxBytes');
  }
  if (o.now !== undefined && !(o.now instanceof Date && !Number.isNaN(o.now.getTime()))) {
    throw config('now must be a valid Date', 'now');
  }
  return {
    certificates: certificates as ReadLogoutMessageOptions['certificates'],
    expect: o.expect as ReadLogoutMessageOptions['expect'],
    maxBytes: maxBytes as number,
    now: (o.now as Date | undefined) ?? new Date(),
  };
}

/** Parses the decoded XML and checks its root is `samlp:<expect>`; returns the root and its unverified Issuer. */
function readRoot(xml: string, expect: string): { root: Element; issuer: string } {
  let root: Element | null;
  try {
    root = parseXml(xml).documentElement;
  } catch (err) {
    throw mapSamlError(err, 'logout.xml');
  }
  if (root === null || root.namespaceURI !== NS.samlp || root.localName !== expect) {
    throw logoutError(400, 'logout.root', `The message is not a samlp:${expect}`);
  }
  let issuer = '';
  for (let node = root.firstChild; node !== null; node = node.nextSibling) {
    const el = node as Element;
    if (node.nodeType === 1 && el.namespaceURI === NS.saml && el.localName === 'Issuer') {
      issuer = el.textContent ?? '';
      break;
    }
  }
  if (issuer === '') throw logoutError(400, 'logout.issuer', 'The logout message has no Issuer');
  return { root, issuer };
}

/** The trusted certificates for a claimed Issuer; none → 403 (the IdP is unknown). */
function trustedFor(certificates: ReadLogoutMessageOptions['certificates'], issuer: string): readonly string[] {
  const list = typeof certificates === 'function' ? certificates(issuer) : certificates;
  if (list === undefined || list.length === 0) {
    throw logoutError(403, 'logout.issuer', 'The logout message comes from an IdP that is not trusted');
  }
  return list;
}

async function validate(xml: string): Promise<void> {
  try {
    await validateSchema(xml, 'protocol');
  } catch (err) {
    throw mapSamlError(err, 'logout.schema');
  }
}

/**
 * Reads a LogoutRequest or LogoutResponse an IdP sent to the SP's SLO endpoint, on either binding,
 * and returns what its signature covers.
 *
 * @remarks
 * Fixed pipeline, fail closed (SPID Regole Tecniche, single-logout.rst: logout messages are signed):
 * the binding from the method (`GET` HTTP-Redirect, `POST` HTTP-POST) → decode with a size cap
 * (`decodeRedirectBinding`, `decodePostBinding`) → safe XML parse → root is `samlp:<expect>` and has
 * an `Issuer` → `validateSchema(xml, 'protocol')` → signature: on Redirect over the exact query
 * octets received (`SigAlg` RSA-SHA256/384/512, required), on POST the enveloped signature of the
 * root element (`verifyXmlSignature`) → fields read from the verified content only (on POST, the
 * element the verification returned). With a certificate look-up, the verified `Issuer` must equal
 * the one the keys were chosen for. Checking `InResponseTo`, the `Issuer` against the pending request
 * and `Destination` against the SLO URL is the caller's job.
 *
 * @param input - method, raw query (Redirect) or form fields (POST), as received
 * @param options - trusted certificates (or their look-up), expected message, size cap, clock
 * @returns the message's fields, from the signed content
 * @throws {@link SpidError} `ERR_SPID_LOGOUT_INVALID` with `status` 400 (malformed: binding, base64,
 *   DEFLATE, XML, schema, root element, missing field; `reason` `logout.binding`, `logout.xml`,
 *   `logout.schema`, `logout.root`, `logout.<field>`) or 403 (unsigned, bad or untrusted signature,
 *   SHA-1, unknown IdP; `reason` `logout.signature`, `logout.issuer`); `ERR_SPID_INVALID_INPUT` (400)
 *   when `input` has the wrong shape; `ERR_SPID_INVALID_CONFIG` (with `field`) for bad options or an
 *   unreadable trusted certificate.
 * @internal
 */
export async function readLogoutMessage(
  input: SpidIncomingMessage,
  options: ReadLogoutMessageOptions,
): Promise<LogoutMessage> {
  const o = readOptions(options);
  const transport = readLogoutTransport(input);
  const wanted = o.expect === 'LogoutRequest' ? 'SAMLRequest' : 'SAMLResponse';
  let xml: string;
  let signed: Element;
  let relayState: string | undefined;
  let claimed: string;
  if (transport.binding === 'redirect') {
    let unverified: ReturnType<typeof decodeRedirectBinding>;
    try {
      // Read once without keys to learn the claimed Issuer; nothing of it is used unless verified below.
      unverified = decodeRedirectBinding(transport.query, { maxBytes: o.maxBytes });
    } catch (err) {
      throw mapSamlError(err, 'logout.binding');
    }
    if (unverified.kind !== wanted) throw logoutError(400, 'logout.binding', `The query carries no ${wanted}`);
    claimed = readRoot(unverified.xml, o.expect).issuer;
    await validate(unverified.xml);
    const certificates = trustedFor(o.certificates, claimed);
    let verified: ReturnType<typeof decodeRedirectBinding>;
    try {
      verified = decodeRedirectBinding(transport.query, {
        certificates,
        requireSignature: true,
        maxBytes: o.maxBytes,
        now: o.now,
      });
    } catch (err) {
      throw mapSamlError(err, 'logout.binding');
    }
    // The query signature covers the whole message: every byte of this XML is signed.
    xml = verified.xml;
    relayState = verified.relayState;
    signed = readRoot(xml, o.expect).root;
  } else {
    if (transport.kind !== wanted) throw logoutError(400, 'logout.binding', `The form carries no ${wanted}`);
    try {
      xml = decodePostBinding(transport.message, { maxBytes: o.maxBytes });
    } catch (err) {
      throw mapSamlError(err, 'logout.binding');
    }
    const { root, issuer } = readRoot(xml, o.expect);
    claimed = issuer;
    await validate(xml);
    const certificates = trustedFor(o.certificates, claimed);
    try {
      signed = verifyXmlSignature(xml, { element: root, certificates, now: o.now }) as Element;
    } catch (err) {
      throw mapSamlError(err, 'logout.signature');
    }
    relayState = transport.relayState;
  }
  const fields = readLogoutFields(signed, o.expect);
  if (fields.issuer !== claimed) {
    throw logoutError(403, 'logout.issuer', 'The signed Issuer is not the one the keys were chosen for');
  }
  return Object.freeze({ ...fields, binding: transport.binding, relayState, xml });
}
