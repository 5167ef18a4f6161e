import type { ConformanceCaseId } from '../data/conformance-cases.js';
import { SPID_LEVELS } from '../data/spid-levels.js';
import type { ResponseErrorCode } from './build-response-options.js';
import type { ResponseModel } from './resolve-response-model.js';
import { type WrapKind, wrapOps } from './wrap-signed.js';

/** @internal A value an operation writes: fixed, or computed from the baseline's model. */
export type OpValue = string | ((m: ResponseModel) => string);

/** @internal One change to the Response DOM, at a path of local names below the root. */
export type CaseOp =
  | { readonly op: 'set'; readonly path: string; readonly attr: string; readonly value: OpValue }
  | { readonly op: 'unset'; readonly path: string; readonly attr: string }
  | { readonly op: 'text'; readonly path: string; readonly value: OpValue }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'empty'; readonly path: string }
  | { readonly op: 'attributes'; readonly kind: 'no-attribute' | 'no-value' | 'unrequested' }
  | { readonly op: 'wrap'; readonly kind: WrapKind };

/** @internal How one conformance case differs from the baseline. */
export interface CasePlan {
  /** Changes made before signing. */
  readonly before?: readonly CaseOp[];
  /** Changes made after signing (IDs the signature needs; XSW/XSLT on genuinely signed nodes). */
  readonly after?: readonly CaseOp[];
  /** What is signed (default both). */
  readonly sign?: { readonly assertion: boolean; readonly response: boolean };
  /** Which signatures use the attacker's key (its certificate goes into KeyInfo). */
  readonly attacker?: 'both' | 'assertion';
  /** Case 4: after signing with the attacker's key, KeyInfo shows the IdP certificate instead. */
  readonly keyInfoIdpCertificate?: true;
  /** An error Response instead of a success. */
  readonly status?: ResponseErrorCode;
  /** Prefix the XML declaration. */
  readonly declaration?: true;
}

const A = 'Assertion';
const SUBJ = `${A}/Subject`;
const SC = `${SUBJ}/SubjectConfirmation`;
const SCD = `${SC}/SubjectConfirmationData`;
const COND = `${A}/Conditions`;
const AR = `${COND}/AudienceRestriction`;
const AUTHN = `${A}/AuthnStatement`;
const CTX = `${AUTHN}/AuthnContext`;
const ACR = `${CTX}/AuthnContextClassRef`;
const NOT_ENTITY = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';
const OTHER_ACS = 'https://other.invalid/acs';
const OTHER_IDP = 'https://other-idp.invalid';
const PAST_2000 = '2000-01-01T00:00:00Z';
const FUTURE_2099 = '2099-01-01T00:00:00Z';
const otherRequestId = (m: ResponseModel) => `${m.inResponseTo}-other`;
// Case 110: six fraction digits, later than the request instant (never before it).
const micro = (m: ResponseModel) =>
  m.issueInstant.replace(/(\.\d{3})?Z$/, (_all, ms: string | undefined) => `${ms ?? '.000'}456Z`);

const set = (path: string, attr: string, value: OpValue): CaseOp => ({ op: 'set', path, attr, value });
const unset = (path: string, attr: string): CaseOp => ({ op: 'unset', path, attr });
const text = (path: string, value: OpValue): CaseOp => ({ op: 'text', path, value });
const remove = (path: string): CaseOp => ({ op: 'remove', path });
const empty = (path: string): CaseOp => ({ op: 'empty', path });
const before = (...ops: CaseOp[]): CasePlan => ({ before: ops });
// spid-sp-test response_wraps.py: xsw3–xsw8 drop the Response signature and keep the Assertion's.
const wrap = (kind: WrapKind): CasePlan => ({
  after: wrapOps(kind),
  ...(kind === 'xsw1' || kind === 'xsw2' || kind === 'xslt' ? {} : { sign: { assertion: true, response: false } }),
});

/** @internal The plan of every conformance case (`italia/spid-sp-test` responses/settings.py), keyed by case id. */
export const CASE_PLANS: Readonly<Record<ConformanceCaseId, CasePlan>> = Object.freeze({
  '1': {},
  '2': { sign: { assertion: false, response: false } },
  '3': { sign: { assertion: false, response: true } },
  '4': { attacker: 'both', keyInfoIdpCertificate: true },
  '5': { attacker: 'both' },
  xsw1: wrap('xsw1'),
  xsw2: wrap('xsw2'),
  xsw3: wrap('xsw3'),
  xsw4: wrap('xsw4'),
  xsw5: wrap('xsw5'),
  xsw6: wrap('xsw6'),
  xsw7: wrap('xsw7'),
  xsw8: wrap('xsw8'),
  xslt: wrap('xslt'),
  // The signature references the element by ID, so 8, 9, 33, 34 change the ID after signing.
  '8': { after: [set('', 'ID', '')] },
  '9': { after: [unset('', 'ID')] },
  '10': before(set('', 'Version', '1.0')),
  '11': before(set('', 'IssueInstant', '')),
  '12': before(unset('', 'IssueInstant')),
  '13': before(set('', 'IssueInstant', '2018-09-04')),
  '14': before(set('', 'IssueInstant', '2018-01-01T00:00:00Z')),
  '15': before(set('', 'IssueInstant', FUTURE_2099)),
  '16': before(set('', 'InResponseTo', ''), set(SCD, 'InResponseTo', '')),
  '17': before(unset('', 'InResponseTo'), unset(SCD, 'InResponseTo')),
  '18': before(set('', 'InResponseTo', otherRequestId), set(SCD, 'InResponseTo', otherRequestId)),
  '19': before(set('', 'Destination', '')),
  '20': before(unset('', 'Destination')),
  '21': before(set('', 'Destination', OTHER_ACS), set(SCD, 'Recipient', OTHER_ACS)),
  '22': before(empty('Status')),
  '23': before(remove('Status')),
  '24': before(set('Status/StatusCode', 'Value', '')),
  '26': before(set('Status/StatusCode', 'Value', 'urn:oasis:names:tc:SAML:2.0:status:NotAStatusCode')),
  '27': before(text('Issuer', '')),
  '28': before(remove('Issuer')),
  '29': before(text('Issuer', OTHER_IDP)),
  '30': before(set('Issuer', 'Format', NOT_ENTITY)),
  '31': before(unset('Issuer', 'Format')),
  '32': { before: [remove(A)], sign: { assertion: false, response: true } },
  '33': { after: [set(A, 'ID', '')] },
  '34': { after: [unset(A, 'ID')] },
  '35': before(set(A, 'Version', '1.0')),
  '36': before(set(A, 'IssueInstant', '')),
  '37': before(unset(A, 'IssueInstant')),
  '38': before(set(A, 'IssueInstant', '2018-09-06 16:00')),
  '39': before(set(A, 'IssueInstant', PAST_2000)),
  '40': before(set(A, 'IssueInstant', FUTURE_2099)),
  '41': before(empty(SUBJ)),
  '42': before(remove(SUBJ)),
  '43': before(text(`${SUBJ}/NameID`, ''), set(`${SUBJ}/NameID`, 'NameQualifier', '')),
  '44': before(remove(`${SUBJ}/NameID`)),
  '45': before(set(`${SUBJ}/NameID`, 'Format', '')),
  '46': before(unset(`${SUBJ}/NameID`, 'Format')),
  '47': before(set(`${SUBJ}/NameID`, 'Format', 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent')),
  '48': before(set(`${SUBJ}/NameID`, 'NameQualifier', '')),
  '49': before(unset(`${SUBJ}/NameID`, 'NameQualifier')),
  // 51 and 56 are the same document in the official tool (SubjectConfirmation without data).
  '51': before(remove(SCD)),
  '52': before(remove(SC)),
  '53': before(set(SC, 'Method', '')),
  '54': before(unset(SC, 'Method')),
  '55': before(set(SC, 'Method', 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key')),
  '56': before(remove(SCD)),
  '57': before(set(SCD, 'Recipient', '')),
  '58': before(unset(SCD, 'Recipient')),
  '59': before(set(SCD, 'Recipient', OTHER_ACS)),
  '60': before(set(SCD, 'InResponseTo', '')),
  '61': before(unset(SCD, 'InResponseTo')),
  '62': before(set(SCD, 'InResponseTo', otherRequestId)),
  '63': before(set(SCD, 'NotOnOrAfter', '')),
  '64': before(unset(SCD, 'NotOnOrAfter')),
  '65': before(set(SCD, 'NotOnOrAfter', '2018.09.18')),
  '66': before(set(SCD, 'NotOnOrAfter', PAST_2000)),
  '68': before(remove(`${A}/Issuer`)),
  '69': before(text(`${A}/Issuer`, OTHER_IDP)),
  '70': before(set(`${A}/Issuer`, 'Format', '')),
  '71': before(unset(`${A}/Issuer`, 'Format')),
  '72': before(set(`${A}/Issuer`, 'Format', NOT_ENTITY)),
  '73': before(remove(AR)),
  '74': before(remove(COND)),
  '75': before(set(COND, 'NotBefore', '')),
  '76': before(unset(COND, 'NotBefore')),
  '77': before(set(COND, 'NotBefore', '2018/09/10')),
  '78': before(set(COND, 'NotBefore', FUTURE_2099)),
  '79': before(set(COND, 'NotOnOrAfter', '')),
  '80': before(unset(COND, 'NotOnOrAfter')),
  '81': before(set(COND, 'NotOnOrAfter', '10-09-2018')),
  '82': before(set(COND, 'NotOnOrAfter', PAST_2000)),
  // 83 and 86 (like 90 and 93) give the same document, as in the official tool.
  '83': before(empty(AR)),
  '85': before(text(`${AR}/Audience`, '')),
  '86': before(remove(`${AR}/Audience`)),
  '87': before(text(`${AR}/Audience`, 'https://other-sp.invalid')),
  '88': before(remove(CTX)),
  '89': before(remove(AUTHN)),
  '90': before(empty(CTX)),
  '92': before(text(ACR, '')),
  '93': before(remove(ACR)),
  '94': before(text(ACR, SPID_LEVELS[1])),
  '95': before(text(ACR, SPID_LEVELS[2])),
  '96': before(text(ACR, SPID_LEVELS[3])),
  '97': before(text(ACR, 'urn:oasis:names:tc:SAML:2.0:ac:classes:SpidL1')),
  '98': before({ op: 'attributes', kind: 'no-attribute' }),
  '99': before({ op: 'attributes', kind: 'no-value' }),
  '100': { attacker: 'assertion' },
  '103': before({ op: 'attributes', kind: 'unrequested' }),
  '104': { status: 'nr19', sign: { assertion: false, response: false } },
  '105': { status: 'nr20', sign: { assertion: false, response: false } },
  '106': { status: 'nr21', sign: { assertion: false, response: false } },
  '107': { status: 'nr22', sign: { assertion: false, response: false } },
  '108': { status: 'nr23', sign: { assertion: false, response: false } },
  '109': { declaration: true },
  '110': before(set('', 'IssueInstant', micro)),
  '111': { status: 'nr25', sign: { assertion: false, response: false } },
} satisfies Record<ConformanceCaseId, CasePlan>);
