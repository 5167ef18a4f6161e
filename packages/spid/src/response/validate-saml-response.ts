import { getChild, NS, SamlError, validateSchema } from '@civico/saml';
import { SpidError } from '../errors.js';
import type { IdpDescriptor } from '../registry/idp-descriptor.js';
import type { SpidFormInput, SpidLogin } from '../sp/service-provider.js';
import type { SpidStore } from '../store/spid-store.js';
import { SPID_STORE_LIMITS } from '../store/store-limits.js';
import { decodeSpidUser } from '../user/decode-spid-user.js';
import { consumeLogin } from './consume-login.js';
import { parseSamlInstant } from './parse-saml-instant.js';
import { readPendingRequest } from './read-pending-request.js';
import { DEFAULT_RESPONSE_MAX_BYTES, readResponseForm } from './read-response-form.js';
import { readResponseStatus } from './read-response-status.js';
import { malformed, rejected, unknownRequest } from './response-errors.js';
import { validateAssertion } from './validate-assertion.js';
import { validateResponseHeader } from './validate-response-header.js';
import { validateResponseStructure } from './validate-response-structure.js';
import { verifyResponseSignatures } from './verify-response-signatures.js';
import type { XmlElement } from './xml-fields.js';

/**
 * Arguments of {@link validateSamlResponse}, supplied by the Service Provider facade.
 * @internal
 */
export interface ValidateSamlResponseArgs {
  /** The ACS POST form as received (`SAMLResponse`, `RelayState`). */
  readonly form: SpidFormInput;
  /** The browser session the POST came with (the opaque cookie value). */
  readonly session: string;
  /** The SP entityID: the only accepted `Audience`. */
  readonly spEntityId: string;
  /** Pending requests (`req:<ID>`) and the replay cache (`assertion:<ID>`). */
  readonly store: SpidStore;
  /** The trusted IdP with this entityID (its signing certificates), `undefined` when not trusted. */
  readonly findIdp: (entityId: string) => IdpDescriptor | undefined;
  /** Allowed clock difference with the IdP, ms. */
  readonly clockSkewMs: number;
  /** The clock. */
  readonly now: () => Date;
  /** Largest accepted `SAMLResponse` field, in base64 characters (default 256 KiB). */
  readonly maxBytes?: number | undefined;
}

const MAX_BYTES_CAP = 32 * 1024 * 1024;

function invalidConfig(field: string): never {
  throw new SpidError('ERR_SPID_INVALID_CONFIG', `${field} is not valid`, { field, status: 403 });
}

function readClock(args: ValidateSamlResponseArgs) {
  const maxBytes = args.maxBytes ?? DEFAULT_RESPONSE_MAX_BYTES;
  if (!Number.isInteger(maxBytes) || maxBytes <= 0 || maxBytes > MAX_BYTES_CAP) invalidConfig('maxBytes');
  const skewMs = args.clockSkewMs;
  if (typeof skewMs !== 'number' || !Number.isFinite(skewMs) || skewMs < 0) invalidConfig('clockSkewMs');
  const date = args.now();
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) invalidConfig('now');
  return { maxBytes, skewMs, date };
}

/** Steps 1–4: size cap, strict base64, safe parse, protocol XSD; the root must be a Response. */
async function readDocument(form: SpidFormInput, maxBytes: number) {
  const { xml, relayState } = readResponseForm(form, maxBytes);
  let doc: Awaited<ReturnType<typeof validateSchema>>;
  try {
    // One safe parse: validateSchema runs parseXml first and hands back that DOM.
    doc = await validateSchema(xml, 'protocol');
  } catch (cause) {
    if (SamlError.isInstance(cause) && cause.code === 'ERR_SAML_SCHEMA_INVALID') {
      malformed('response.schema', 'The SAML Response is not valid against the SAML protocol schema', cause);
    }
    malformed('response.xml', 'The SAML Response is not well-formed or not safe XML', cause);
  }
  const root = doc.documentElement as XmlElement;
  if (root.namespaceURI !== NS.samlp || root.localName !== 'Response') {
    malformed('response.root', 'The message is not a SAML Response');
  }
  return { xml, relayState, doc, root };
}

/** The unverified ID of the first direct-child Assertion: it only selects the replay message. */
function readAssertionId(root: XmlElement): string | null {
  return getChild(root, NS.saml, 'Assertion')?.getAttribute('ID') ?? null;
}

async function run(args: ValidateSamlResponseArgs): Promise<SpidLogin> {
  const { maxBytes, skewMs, date } = readClock(args);
  const { xml, relayState, doc, root } = await readDocument(args.form, maxBytes);
  // The unverified InResponseTo only selects the pending request: everything is then checked against it.
  const ids = { inResponseTo: root.getAttribute('InResponseTo'), assertionId: readAssertionId(root) };
  const { pending, json } = await readPendingRequest(args.store, ids, args.session, relayState);
  readResponseStatus(root);
  const assertionEl = validateResponseStructure(doc, root);
  // SPID §7.1: the IdP is the one the stored request was sent to, never one named by the Response.
  const idp = args.findIdp(pending.idp);
  if (idp === undefined || idp.entityId !== pending.idp)
    rejected('idp.unknown', 'The identity provider is not trusted');
  const signed = verifyResponseSignatures(xml, root, assertionEl, idp.certificates, date);
  const requestIssuedAt = parseSamlInstant(pending.issueInstant);
  if (requestIssuedAt === undefined) unknownRequest('request.unknown', 'The stored login request is not readable');
  const time = { now: date.getTime(), skewMs, requestIssuedAt };
  const header = signed.response ?? root;
  validateResponseHeader(header, pending, time);
  const fields = validateAssertion(signed.assertion, pending, args.spEntityId, time);
  // Remembered until the Assertion expires (plus the skew), within the store's TTL bounds. A cap is safe:
  // the Assertion is bound to its request (SubjectConfirmationData InResponseTo), consumed here.
  const ttlMs = Math.min(SPID_STORE_LIMITS.maxTtlMs, Math.max(1000, Math.ceil(fields.expiresAt + skewMs - time.now)));
  await consumeLogin(args.store, pending.id, json, fields.id, ttlMs);
  return {
    user: decodeSpidUser(fields.attributes, { referenceDate: new Date(fields.issuedAt) }),
    idp: pending.idp,
    level: fields.level,
    nameId: fields.nameId,
    nameQualifier: fields.nameQualifier,
    sessionIndex: fields.sessionIndex,
    requestId: pending.id,
    responseId: header.getAttribute('ID') ?? '',
    assertionId: fields.id,
    authenticatedAt: new Date(fields.authnInstant).toISOString(),
    returnTo: pending.returnTo,
  };
}

/**
 * Validates a SAML Response posted to the ACS against every SPID rule and, when it passes, consumes its
 * pending request and returns the login.
 *
 * @remarks
 * The fixed pipeline (docs/spid.md, Response validation; the 111 SPID conformance cases), failing closed at the first
 * broken rule:
 * 1. `SAMLResponse` at most `maxBytes` base64 characters, strict base64 of UTF-8, safe XML (no DTD),
 *    valid against the SAML protocol XSD, root `samlp:Response` — else 400 `ERR_SPID_RESPONSE_MALFORMED`;
 * 2. `InResponseTo` names a pending request (store `req:<ID>`) started in this browser session
 *    (SHA-256 of `session`, compared in constant time) with the same `RelayState` — else 403
 *    `ERR_SPID_REQUEST_UNKNOWN`;
 * 3. `Status` `Success` — else 403 `ERR_SPID_IDP_ERROR` with `idpErrorCode` (`nrNN`) and the citizen's
 *    message (unsigned status data only selects the message);
 * 4. exactly one `saml:Assertion` in the document, a direct child of the Response, no
 *    `EncryptedAssertion`, signatures only on the Response and the Assertion;
 * 5. the Response signature when present and the Assertion signature (mandatory), with the signing
 *    certificates of the IdP the request was sent to (never `KeyInfo`);
 * 6. every field of the Response (from the verified Response when signed) and of the Assertion (from
 *    the verified Assertion only): IDs, versions, times (UTC `xs:dateTime`, after the stored request
 *    instant, within `now` ± `clockSkewMs`), Destination and Recipient = the request's ACS URL,
 *    InResponseTo, Issuers and their `Format`, transient NameID, bearer confirmation, Audience = the
 *    SP entityID, the level (§3.5 table) and exactly the requested attributes;
 * 7. the pending request is taken atomically (a concurrent validation of the same Response loses:
 *    `ERR_SPID_REQUEST_UNKNOWN`) and the Assertion ID is remembered until it expires (`ERR_SPID_REPLAY`
 *    when already there).
 *
 * Each error has a stable check id in `reason` (e.g. `response.destination`, `assertion.audience`,
 * `level`) and a message naming the rule, never the document's content.
 *
 * @param args - form, browser session, SP entityID, store, IdP lookup, clock and skew, size cap
 * @returns the login: user, IdP, level, NameID and SessionIndex for logout, IDs, return path
 * @throws {@link SpidError} `ERR_SPID_RESPONSE_MALFORMED` (400), `ERR_SPID_REQUEST_UNKNOWN`,
 *   `ERR_SPID_IDP_ERROR`, `ERR_SPID_RESPONSE_REJECTED`, `ERR_SPID_REPLAY`, `ERR_SPID_STORE` (403),
 *   `ERR_SPID_INVALID_CONFIG` for bad `maxBytes`, `clockSkewMs` or `now`.
 * @internal
 */
export async function validateSamlResponse(args: ValidateSamlResponseArgs): Promise<SpidLogin> {
  try {
    return await run(args);
  } catch (cause) {
    if (SpidError.isInstance(cause)) throw cause;
    // Only SpidErrors leave: anything else (a bug, a hostile argument) refuses the login.
    throw new SpidError('ERR_SPID_RESPONSE_REJECTED', 'The SAML Response could not be checked', {
      reason: 'internal',
      status: 403,
      cause,
    });
  }
}
