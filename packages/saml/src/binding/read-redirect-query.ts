import { SamlError } from '../errors.js';
import type { SamlMessageKind } from './saml-message-kind.js';

const KNOWN = ['SAMLRequest', 'SAMLResponse', 'SAMLEncoding', 'RelayState', 'SigAlg', 'Signature'] as const;
type Known = (typeof KNOWN)[number];

/** The SAML parameters of a Redirect query, each as received (still percent-encoded). @internal */
export interface RawRedirectQuery {
  /** Which message the query carries. */
  readonly kind: SamlMessageKind;
  /** The received `name=value` octets of each SAML parameter present. */
  readonly raw: Readonly<Partial<Record<Known, string>>>;
  /** The percent-decoded value of each SAML parameter present. */
  readonly values: Readonly<Partial<Record<Known, string>>>;
}

function bad(reason: string, message: string, field?: string): never {
  throw new SamlError('ERR_SAML_BINDING_INVALID', message, { reason, field });
}

/** Percent-decoding; with `form`, `+` is a space first (application/x-www-form-urlencoded). */
function decodeComponent(text: string, form: boolean, field: string): string {
  try {
    return decodeURIComponent(form ? text.replaceAll('+', ' ') : text);
  } catch {
    return bad('percent-encoding', `${field} has a malformed percent-encoding`, field);
  }
}

/**
 * Splits a raw query string on `&` without re-encoding anything, keeping the received octets of the
 * SAML parameters (SAML bindings §3.4.4.1: the signature covers them as received).
 *
 * @remarks
 * Each SAML parameter may appear at most once and its name must be written plainly (a
 * percent-encoded name that decodes to a SAML parameter is refused: another decoder would read it).
 * Other parameters are ignored, as the binding allows. Exactly one of `SAMLRequest` and `SAMLResponse`
 * must be present. Base64 values are percent-decoded as RFC 3986 says (`+` stays `+`); `RelayState`
 * as a form value (`+` is a space).
 * @throws {@link SamlError} `ERR_SAML_BINDING_INVALID` (`reason` `duplicate`, `parameter-name`,
 *   `percent-encoding`, `missing-message`, `both-messages`).
 * @internal
 */
export function readRedirectQuery(query: string): RawRedirectQuery {
  const raw: Partial<Record<Known, string>> = {};
  const values: Partial<Record<Known, string>> = {};
  const body = query.startsWith('?') ? query.slice(1) : query;
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq === -1 ? part : part.slice(0, eq);
    const name = decodeComponent(rawName, true, 'parameter name');
    if (!(KNOWN as readonly string[]).includes(name)) continue;
    const known = name as Known;
    if (rawName !== name) bad('parameter-name', `${known} is written with an encoded name`, known);
    if (raw[known] !== undefined) bad('duplicate', `${known} appears more than once`, known);
    raw[known] = part;
    values[known] = decodeComponent(eq === -1 ? '' : part.slice(eq + 1), known === 'RelayState', known);
  }
  if (raw.SAMLRequest !== undefined && raw.SAMLResponse !== undefined) {
    bad('both-messages', 'The query carries both SAMLRequest and SAMLResponse');
  }
  const kind: SamlMessageKind | undefined =
    raw.SAMLRequest !== undefined ? 'SAMLRequest' : raw.SAMLResponse !== undefined ? 'SAMLResponse' : undefined;
  if (kind === undefined) bad('missing-message', 'The query carries neither SAMLRequest nor SAMLResponse');
  return { kind, raw, values };
}
