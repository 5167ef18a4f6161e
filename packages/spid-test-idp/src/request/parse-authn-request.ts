import { NS } from '@civico/saml';
import { attr, children, text } from '../metadata/xml-dom.js';
import { AUTHN_REQUEST_RULES, PURPOSES, type RuleContext, requestedLevel } from './authn-request-rules.js';
import {
  type DecodedAuthnRequest,
  decodeAuthnRequestInput,
  readRequestArguments,
} from './decode-authn-request-input.js';
import type { AuthnRequestInput, AuthnRequestOptions, ParsedAuthnRequest } from './parsed-authn-request.js';
import { requestError } from './request-error.js';

/** @internal Default maximum age of IssueInstant. */
export const DEFAULT_MAX_AGE_MS = 300_000;
/** @internal Default tolerance for an IssueInstant in the future. */
export const DEFAULT_CLOCK_SKEW_MS = 90_000;

/** @internal */
export function createRuleContext(decoded: DecodedAuthnRequest, options: AuthnRequestOptions): RuleContext {
  return {
    root: decoded.root,
    sp: options.sp,
    idp: options.idp,
    now: options.now ?? new Date(),
    cie: options.cie === true,
    maxAgeMs: options.maxAgeMs ?? DEFAULT_MAX_AGE_MS,
    clockSkewMs: options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS,
  };
}

function readParsed(ctx: RuleContext, decoded: DecodedAuthnRequest): ParsedAuthnRequest {
  const { root, sp } = ctx;
  const issuer = children(root, NS.saml, 'Issuer')[0];
  const indexRaw = attr(root, 'AssertionConsumerServiceIndex');
  const acsIndex = indexRaw === undefined ? undefined : Number(indexRaw);
  const acsUrl =
    acsIndex === undefined
      ? (attr(root, 'AssertionConsumerServiceURL') ?? '')
      : (sp.acs.find((a) => a.index === acsIndex)?.location ?? '');
  const attrIndex = Number(attr(root, 'AttributeConsumingServiceIndex'));
  const rac = children(root, NS.samlp, 'RequestedAuthnContext')[0];
  const ext = children(root, NS.samlp, 'Extensions')[0];
  const purposeEl = ext === undefined ? undefined : children(ext, NS.spid, 'Purpose')[0];
  const purpose = purposeEl === undefined ? undefined : text(purposeEl);
  return {
    id: attr(root, 'ID') ?? '',
    issueInstant: new Date(attr(root, 'IssueInstant') ?? ''),
    destination: attr(root, 'Destination') ?? '',
    issuer: text(issuer),
    nameQualifier: issuer === undefined ? undefined : attr(issuer, 'NameQualifier'),
    forceAuthn: ['true', '1'].includes(attr(root, 'ForceAuthn') ?? ''),
    level: requestedLevel(ctx) ?? 1,
    comparison: (rac === undefined ? 'exact' : attr(rac, 'Comparison')) as ParsedAuthnRequest['comparison'],
    acsUrl,
    acsIndex,
    attributeConsumingServiceIndex: attrIndex,
    requestedAttributes: sp.attributeConsumingServices.find((s) => s.index === attrIndex)?.names ?? [],
    relayState: decoded.relayState,
    binding: decoded.binding,
    purpose: PURPOSES.find((v) => v === purpose),
    xml: decoded.xml,
  };
}

/**
 * Decodes and checks an AuthnRequest the way a SPID (or CIE) IdP must, and returns what the IdP needs.
 *
 * @remarks
 * The binding is undone by `@civico/saml`: HTTP-Redirect needs `SigAlg` and `Signature`, verified over
 * the query bytes with the SP metadata certificates; HTTP-POST needs the enveloped XML signature,
 * verified with the same certificates, and the request is then read only from the signed element.
 * SHA-1 is refused. Then every rule of §1 applies (§6.1 with `cie: true`): ID, Version, UTC
 * IssueInstant no older than `maxAgeMs`, Destination, Issuer with `Format` and `NameQualifier`,
 * no IsPassive, ForceAuthn at L2/L3, exactly one valid ACS form, transient NameIDPolicy without
 * AllowCreate, a known AttributeConsumingServiceIndex, one RequestedAuthnContext with one SPID level.
 * The first broken rule decides the error: its SPID code (`nr04`…`nr18`) is the error's `reason`
 * and its check id (as in {@link lintAuthnRequest}) the error's `field`.
 *
 * @param input - the Redirect query or the POST fields
 * @param options - the SP metadata, the IdP identity, the clock and the CIE flavour
 * @returns the checked request
 * @throws {@link SpidTestIdpError} `ERR_SPID_TEST_IDP_INVALID_REQUEST` (with `reason` = SPID error code)
 *   when a rule is broken; `ERR_SPID_TEST_IDP_INVALID_CONFIG` when `input` or `options.sp` has the wrong shape.
 * @example
 * ```ts
 * import { parseAuthnRequest, parseSpMetadata, SpidTestIdpError } from '@civico/spid-test-idp';
 * declare const metadataXml: string;
 * declare const query: string;
 * try {
 *   const request = parseAuthnRequest(
 *     { binding: 'redirect', query },
 *     { sp: parseSpMetadata(metadataXml), idp: { entityId: 'https://idp.test', ssoUrls: ['https://idp.test/sso'] } },
 *   );
 *   console.log(request.level, request.acsUrl);
 * } catch (err) {
 *   if (SpidTestIdpError.isInstance(err)) console.log(err.reason); // e.g. 'nr16'
 * }
 * ```
 * @group Requests
 */
export function parseAuthnRequest(input: AuthnRequestInput, options: AuthnRequestOptions): ParsedAuthnRequest {
  const args = readRequestArguments(input, options);
  const now = args.options.now ?? new Date();
  const decoded = decodeAuthnRequestInput(args.input, args.options.sp, now);
  const ctx = createRuleContext(decoded, { ...args.options, now });
  for (const rule of AUTHN_REQUEST_RULES) {
    const reason = rule.check(ctx);
    if (reason !== undefined) throw requestError(rule.code, rule.id, reason);
  }
  return readParsed(ctx, decoded);
}
