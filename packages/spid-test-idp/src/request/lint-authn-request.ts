import { decodePostBinding, decodeRedirectBinding, NS, validateSchema, verifyXmlSignature } from '@civico/saml';
import type { ConformanceCheck } from '../kit/conformance-check.js';
import { rule } from '../metadata/lint-context.js';
import { children, type XmlElement } from '../metadata/xml-dom.js';
import { AUTHN_REQUEST_RULES } from './authn-request-rules.js';
import {
  ALLOWED_SIG_ALGS,
  parseRequestXml,
  readRequestArguments,
  readXmlSigAlg,
} from './decode-authn-request-input.js';
import { createRuleContext } from './parse-authn-request.js';
import type { AuthnRequestInput, AuthnRequestOptions } from './parsed-authn-request.js';

interface Decoded {
  readonly checks: ConformanceCheck[];
  readonly xml: string | undefined;
  readonly relayState: string | undefined;
  readonly verify: (root: XmlElement) => XmlElement;
}

const FORMAT = ['authn-request.binding.format', 'The binding carries a decodable SAMLRequest'] as const;
const SIG_ALG = [
  'authn-request.signature.algorithm',
  'The signature algorithm is RSA-SHA256/384/512 (SHA-1 refused)',
] as const;
const SIG_VALID = [
  'authn-request.signature.valid',
  "The signature verifies with the SP metadata's certificate",
] as const;

function code(err: unknown): string {
  return (err as { code?: string }).code ?? 'error';
}

function decodeRedirectForLint(query: string, options: AuthnRequestOptions, now: Date): Decoded {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const sigAlg = params.get('SigAlg') ?? undefined;
  const checks = [
    rule(
      'authn-request.binding.signature-parameters',
      'The Redirect query carries SigAlg and Signature (SPID error nr04)',
      sigAlg !== undefined && params.has('Signature') ? undefined : 'SigAlg or Signature missing (SPID error nr04)',
    ),
    rule(
      ...SIG_ALG,
      sigAlg !== undefined && ALLOWED_SIG_ALGS.includes(sigAlg)
        ? undefined
        : 'SigAlg missing, SHA-1 or unknown (SPID error nr05)',
    ),
  ];
  let verified: string | undefined;
  try {
    const decoded = decodeRedirectBinding(query, {
      certificates: options.sp.signingCertificates,
      requireSignature: true,
      now,
    });
    verified = decoded.xml;
    checks.push(rule(...SIG_VALID, undefined));
  } catch (err) {
    checks.push(rule(...SIG_VALID, `the Redirect signature does not verify (${code(err)}, SPID error nr05)`));
  }
  let xml = verified;
  if (xml === undefined) {
    // Read the XML anyway, without the signature parameters, so the other rules can still be reported.
    const unsigned = query
      .replace(/^\?/, '')
      .split('&')
      .filter((p) => !p.startsWith('Signature=') && !p.startsWith('SigAlg='))
      .join('&');
    try {
      xml = decodeRedirectBinding(unsigned, { requireSignature: false }).xml;
    } catch {
      xml = undefined;
    }
  }
  checks.unshift(
    rule(...FORMAT, xml === undefined ? 'SAMLRequest is missing or not deflated base64 (SPID error nr04)' : undefined),
  );
  return {
    checks,
    xml,
    relayState: params.get('RelayState') ?? undefined,
    verify: (root) => {
      // SPID (§1.3): on HTTP-Redirect the signature is in the query only.
      const inXml = children(root, NS.ds, 'Signature').length > 0;
      checks.push(
        rule(
          'authn-request.signature.not-in-xml',
          'A Redirect request carries no ds:Signature in the XML',
          inXml ? 'ds:Signature inside a Redirect request (SPID error nr04)' : undefined,
        ),
      );
      return root;
    },
  };
}

function decodePostForLint(
  samlRequest: string,
  relayState: string | undefined,
  options: AuthnRequestOptions,
  now: Date,
): Decoded {
  let xml: string | undefined;
  try {
    xml = decodePostBinding(samlRequest);
  } catch {
    xml = undefined;
  }
  const checks = [rule(...FORMAT, xml === undefined ? 'SAMLRequest is not base64 XML (SPID error nr04)' : undefined)];
  return {
    checks,
    xml,
    relayState,
    verify: (root) => {
      const sigAlg = readXmlSigAlg(root);
      checks.push(
        rule(
          ...SIG_ALG,
          sigAlg !== undefined && ALLOWED_SIG_ALGS.includes(sigAlg)
            ? undefined
            : 'no signature, or SHA-1/unknown SignatureMethod (SPID error nr07)',
        ),
      );
      try {
        const signed = verifyXmlSignature(xml as string, {
          element: root,
          certificates: options.sp.signingCertificates,
          now,
        });
        checks.push(rule(...SIG_VALID, undefined));
        return signed as XmlElement;
      } catch (err) {
        checks.push(rule(...SIG_VALID, `the POST signature does not verify (${code(err)}, SPID error nr07)`));
        return root;
      }
    },
  };
}

/**
 * Checks an AuthnRequest rule by rule, as the official AgID tool reports it, for the conformance kit.
 *
 * @remarks
 * The same rules as {@link parseAuthnRequest} (binding format, signature and algorithm, every rule of
 * §1, §6.1 with `cie: true`), each as its own {@link ConformanceCheck} whose `reason` names the SPID
 * error code; plus the checks only the tool makes: the request validates against
 * `saml-schema-protocol-2.0.xsd`, RelayState is present and not readable (no `http`), and no whitespace
 * precedes the root element (a warning). Nothing is thrown for a bad request: when the XML cannot be
 * read, the checks stop at `authn-request.xml.safe`.
 *
 * @param input - the Redirect query or the POST fields, as captured from the SP
 * @param options - the SP metadata, the IdP identity, the clock and the CIE flavour
 * @returns every check, in a stable order
 * @throws {@link SpidTestIdpError} `ERR_SPID_TEST_IDP_INVALID_CONFIG` when `input` or `options.sp` has the wrong shape.
 * @example
 * ```ts
 * import { lintAuthnRequest, parseSpMetadata } from '@civico/spid-test-idp';
 * declare const metadataXml: string;
 * declare const query: string;
 * const checks = await lintAuthnRequest(
 *   { binding: 'redirect', query },
 *   { sp: parseSpMetadata(metadataXml), idp: { entityId: 'https://idp.test', ssoUrls: ['https://idp.test/sso'] } },
 * );
 * console.log(checks.filter((c) => c.outcome === 'fail').map((c) => c.id));
 * ```
 * @group Requests
 */
export async function lintAuthnRequest(
  input: AuthnRequestInput,
  options: AuthnRequestOptions,
): Promise<ConformanceCheck[]> {
  const { input: i, options: o } = readRequestArguments(input, options);
  const now = o.now ?? new Date();
  const decoded =
    i.binding === 'redirect'
      ? decodeRedirectForLint(i.query, o, now)
      : decodePostForLint(i.samlRequest, i.relayState, o, now);
  const { checks, xml } = decoded;
  if (xml === undefined) return checks;
  checks.push(
    rule(
      'authn-request.xml.leading-whitespace',
      'No whitespace before the root element',
      /^\s/.test(xml) ? 'whitespace precedes the root element' : undefined,
      'warn',
    ),
  );
  let root: XmlElement;
  try {
    root = parseRequestXml(xml).documentElement as XmlElement;
    checks.push(rule('authn-request.xml.safe', 'The request is safe, well-formed XML', undefined));
  } catch (err) {
    checks.push(
      rule(
        'authn-request.xml.safe',
        'The request is safe, well-formed XML',
        `not safe, well-formed XML (${code((err as Error).cause)}, SPID error nr08)`,
      ),
    );
    return checks;
  }
  const signed = decoded.verify(root);
  try {
    await validateSchema(xml, 'protocol');
    checks.push(rule('authn-request.schema', 'Valid against saml-schema-protocol-2.0.xsd', undefined));
  } catch (err) {
    checks.push(
      rule(
        'authn-request.schema',
        'Valid against saml-schema-protocol-2.0.xsd',
        `${err instanceof Error ? err.message : 'invalid'} (SPID error nr08)`,
      ),
    );
  }
  const ctx = createRuleContext(
    { xml, root: signed, relayState: decoded.relayState, binding: i.binding, sigAlg: undefined },
    { ...o, now },
  );
  for (const r of AUTHN_REQUEST_RULES) {
    const reason = r.check(ctx);
    checks.push(rule(r.id, r.title, reason === undefined ? undefined : `${reason} (SPID error ${r.code})`));
  }
  const relayState = decoded.relayState;
  checks.push(
    rule(
      'authn-request.relay-state.present',
      'RelayState is sent',
      relayState === undefined || relayState === '' ? 'RelayState is missing' : undefined,
    ),
    rule(
      'authn-request.relay-state.opaque',
      'RelayState is not immediately intelligible (no "http")',
      relayState?.toLowerCase().includes('http') ? 'RelayState contains "http"' : undefined,
    ),
  );
  return checks;
}
