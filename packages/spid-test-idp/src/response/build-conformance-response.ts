import { parseXml, type SigningKey, signXml } from '@civico/saml';
import { CONFORMANCE_CASES, type ConformanceCaseId } from '../data/conformance-cases.js';
import { SpidTestIdpError } from '../errors.js';
import { applyCaseOp, type CaseContext } from './apply-case-op.js';
import type { BuildResponseOptions } from './build-response-options.js';
import { CASE_PLANS, type CaseOp } from './conformance-plans.js';
import { readResponseOptions } from './read-response-options.js';
import { renderResponse } from './render-response.js';
import { resolveResponseModel } from './resolve-response-model.js';
import type { ResponseDocument } from './response-dom.js';

/**
 * Options of {@link buildConformanceResponse}: those of {@link buildResponse}, plus the attacker's key.
 * @group Responses
 */
export interface BuildConformanceResponseOptions extends BuildResponseOptions {
  /**
   * A key pair the SP does not trust, for cases 4, 5 and 100 (e.g. from `createSelfSignedCertificate`).
   * Required for those cases.
   */
  readonly attackerKey?: SigningKey | undefined;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const CASE_IDS: ReadonlySet<string> = new Set(CONFORMANCE_CASES.map((c) => c.id));

function applyAll(xml: string, ops: readonly CaseOp[] | undefined, ctx: CaseContext): string {
  if (ops === undefined || ops.length === 0) return xml;
  const doc: ResponseDocument = parseXml(xml);
  for (const op of ops) applyCaseOp(doc, op, ctx);
  return doc.toString();
}

/** Case 4: the attacker signed, but KeyInfo claims the IdP certificate. */
function showIdpCertificate(xml: string, idpCertificate: string): string {
  const base64 = idpCertificate.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '');
  const doc = parseXml(xml);
  for (const el of Array.from(doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'X509Certificate'))) {
    while (el.firstChild !== null) el.removeChild(el.firstChild);
    el.appendChild(doc.createTextNode(base64));
  }
  return doc.toString();
}

/**
 * Builds the crafted Response of one SPID conformance case (spid-sp-test responses/settings.py) for an AuthnRequest:
 * the {@link buildResponse} baseline with exactly what the case names altered.
 *
 * @remarks
 * Element and attribute changes are made before signing, so the signatures are valid over the altered
 * document and the SP must reject it for the rule the case tests. The ID changes of cases 8, 9, 33
 * and 34 are made after signing (a signature references its element by ID). Cases `xsw1`–`xsw8` and
 * `xslt` move, copy or extend genuinely signed nodes after signing (the IdP's own key, as the official
 * tool does). Cases 4 and 5 sign with `attackerKey` (4 showing the IdP certificate in `KeyInfo`, 5 the
 * attacker's), case 100 signs only the Assertion with it. Cases 104–108 and 111 are unsigned
 * `Responder`/`AuthnFailed` Responses without Assertion. Cases 51/56, 83/86 and 90/93 yield the same
 * document each, as in the official tool.
 *
 * @param caseId - one of the {@link CONFORMANCE_CASES} ids
 * @param options - as {@link buildResponse}, plus `attackerKey` for cases 4, 5 and 100
 * @returns the crafted Response XML
 * @throws {@link SpidTestIdpError} `ERR_SPID_TEST_IDP_INVALID_CONFIG` for an unknown `caseId`
 *   (`field: 'caseId'`), a missing `attackerKey` (`field: 'attackerKey'`) and the option errors of
 *   {@link buildResponse}; `SamlError` of `signXml` for an unusable key.
 * @example
 * ```ts
 * import type { SigningKey } from '@civico/saml';
 * import { buildConformanceResponse, TEST_USERS } from '@civico/spid-test-idp';
 * declare const key: SigningKey;
 * const request = {
 *   id: '_req1', issueInstant: new Date(), acsUrl: 'https://sp.example.it/acs',
 *   issuer: 'https://sp.example.it', level: 2 as const, requestedAttributes: ['fiscalNumber'],
 * };
 * const xml = buildConformanceResponse('47', { request, idp: { entityId: 'https://localhost:8443', key }, user: TEST_USERS[0] });
 * ```
 * @group Responses
 */
export function buildConformanceResponse(caseId: ConformanceCaseId, options: BuildConformanceResponseOptions): string {
  if (typeof caseId !== 'string' || !CASE_IDS.has(caseId)) {
    throw new SpidTestIdpError('ERR_SPID_TEST_IDP_INVALID_CONFIG', 'Unknown conformance case', { field: 'caseId' });
  }
  const o = readResponseOptions(options);
  const plan = CASE_PLANS[caseId];
  const status = plan.status === undefined ? o.status : { code: plan.status };
  const model = resolveResponseModel({ ...o, status });
  const ctx: CaseContext = { model, userAttributes: o.user?.attributes ?? {} };
  const idpKey = o.idp.key;
  const attacker = plan.attacker === undefined ? undefined : o.attackerKey;
  if (plan.attacker !== undefined && attacker === undefined) {
    throw new SpidTestIdpError('ERR_SPID_TEST_IDP_INVALID_CONFIG', 'This case needs attackerKey', {
      field: 'attackerKey',
    });
  }
  let xml = applyAll(renderResponse(model), plan.before, ctx);
  const sign = plan.sign ?? { assertion: model.error === undefined, response: model.error === undefined };
  const algorithm = o.algorithm;
  // Case 4 shows the IdP certificate after each signature, so the Response digest covers the lie.
  const signed = (input: string, key: SigningKey, id: string) => {
    const out = signXml(input, { key, id, algorithm });
    return plan.keyInfoIdpCertificate ? showIdpCertificate(out, idpKey.certificate) : out;
  };
  if (sign.assertion) xml = signed(xml, attacker ?? idpKey, model.assertionId);
  if (sign.response) xml = signed(xml, plan.attacker === 'both' && attacker ? attacker : idpKey, model.responseId);
  xml = applyAll(xml, plan.after, ctx);
  return plan.declaration ? XML_DECLARATION + xml : xml;
}
