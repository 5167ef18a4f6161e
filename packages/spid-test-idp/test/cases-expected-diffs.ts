import { IDP_ENTITY_ID, REQUEST } from './cases-fixtures.js';

// Expected structural differences of every crafted Response from the baseline, written from the
// case list of spid-sp-test responses/settings.py (checked row by row), for the fixed L2 request of
// cases-fixtures.ts.
// Format of cases-diff.ts: `+`/`-`/`~` then the element path, `@attribute`, values in JSON quotes.

const q = (v: string) => JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
const T = '2026-03-02T10:00:00.250Z'; // the request IssueInstant
const NOT_ON_OR_AFTER = '2026-03-02T10:05:30Z'; // now + 5 min
const RID = '_id0001';
const AID = '_id0002';
const NAME_ID = '_id0003';
const R = 'Response';
const A = `${R}/Assertion`;
const SUBJ = `${A}/Subject`;
const SC = `${SUBJ}/SubjectConfirmation`;
const SCD = `${SC}/SubjectConfirmationData`;
const COND = `${A}/Conditions`;
const AUD = `${COND}/AudienceRestriction/Audience`;
const CTX = `${A}/AuthnStatement/AuthnContext`;
const ACR = `${CTX}/AuthnContextClassRef`;
const ENTITY = 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity';
const UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';
const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
const L = (n: number) => `https://www.spid.gov.it/SpidL${n}`;
const ATTRS = ['dateOfBirth', 'email', 'familyName', 'fiscalNumber', 'name'];

/** `~ path@attr: from -> to` (attr omitted: the element's text). */
const chg = (path: string, attr: string | undefined, from: string, to: string) =>
  `~ ${path}${attr === undefined ? '' : `@${attr}`}: ${q(from)} -> ${q(to)}`;
const del = (path: string, attr?: string) => `- ${path}${attr === undefined ? '' : `@${attr}`}`;
const add = (path: string, rest = '') => `+ ${path}${rest}`;
const cert = (path: string) => `~ ${path}/Signature/KeyInfo/X509Data/X509Certificate: certificate`;
const userError = (nr: string) => [
  add(`${R}/Status/StatusCode/StatusCode`, ` @Value=${q('urn:oasis:names:tc:SAML:2.0:status:AuthnFailed')}`),
  add(`${R}/Status/StatusMessage`, ` ${q(`ErrorCode ${nr}`)}`),
  del(A),
  del(`${R}/Signature`),
  chg(`${R}/Status/StatusCode`, 'Value', SUCCESS, 'urn:oasis:names:tc:SAML:2.0:status:Responder'),
];

/** Case id → the differences it must show (order irrelevant). */
export const EXPECTED_DIFFS: Readonly<Record<string, readonly string[]>> = {
  '1': [],
  '2': [del(`${A}/Signature`), del(`${R}/Signature`)],
  '3': [del(`${A}/Signature`)],
  '4': [], // only signature values differ (attacker key, IdP certificate shown): checked by verification
  '5': [cert(A), cert(R)],
  xsw1: [add(`${R}/Signature/Response`), del(`${A}/Signature`), chg(R, 'ID', RID, `${RID}-w`)],
  xsw2: [add(`${R}/Response`), del(`${A}/Signature`), chg(R, 'ID', RID, `${RID}-w`)],
  xsw3: [add(`${R}/Assertion[1]`), del(`${R}/Signature`)],
  xsw4: [add(`${A}/Assertion`), del(`${A}/Signature`), chg(A, 'ID', AID, `${AID}-w`), del(`${R}/Signature`)],
  xsw5: [add(`${R}/Assertion[1]`), del(`${A}/Signature`), del(`${R}/Signature`)],
  xsw6: [add(`${A}/Signature/Assertion`), chg(A, 'ID', AID, `${AID}-w`), del(`${R}/Signature`)],
  xsw7: [add(`${R}/Extensions`), del(`${R}/Signature`)],
  xsw8: [add(`${A}/Signature/Object`), del(`${R}/Signature`)],
  xslt: [add(`${R}/Signature/SignedInfo/Reference/Transforms/Transform[1]`)],
  '8': [chg(R, 'ID', RID, '')],
  '9': [del(R, 'ID')],
  '10': [chg(R, 'Version', '2.0', '1.0')],
  '11': [chg(R, 'IssueInstant', T, '')],
  '12': [del(R, 'IssueInstant')],
  '13': [chg(R, 'IssueInstant', T, '2018-09-04')],
  '14': [chg(R, 'IssueInstant', T, '2018-01-01T00:00:00Z')],
  '15': [chg(R, 'IssueInstant', T, '2099-01-01T00:00:00Z')],
  '16': [chg(SCD, 'InResponseTo', REQUEST.id, ''), chg(R, 'InResponseTo', REQUEST.id, '')],
  '17': [del(SCD, 'InResponseTo'), del(R, 'InResponseTo')],
  '18': [
    chg(SCD, 'InResponseTo', REQUEST.id, `${REQUEST.id}-other`),
    chg(R, 'InResponseTo', REQUEST.id, `${REQUEST.id}-other`),
  ],
  '19': [chg(R, 'Destination', REQUEST.acsUrl, '')],
  '20': [del(R, 'Destination')],
  '21': [
    chg(SCD, 'Recipient', REQUEST.acsUrl, 'https://other.invalid/acs'),
    chg(R, 'Destination', REQUEST.acsUrl, 'https://other.invalid/acs'),
  ],
  '22': [del(`${R}/Status/StatusCode`)],
  '23': [del(`${R}/Status`)],
  '24': [chg(`${R}/Status/StatusCode`, 'Value', SUCCESS, '')],
  '26': [chg(`${R}/Status/StatusCode`, 'Value', SUCCESS, 'urn:oasis:names:tc:SAML:2.0:status:NotAStatusCode')],
  '27': [chg(`${R}/Issuer`, undefined, IDP_ENTITY_ID, '')],
  '28': [del(`${R}/Issuer`)],
  '29': [chg(`${R}/Issuer`, undefined, IDP_ENTITY_ID, 'https://other-idp.invalid')],
  '30': [chg(`${R}/Issuer`, 'Format', ENTITY, UNSPECIFIED)],
  '31': [del(`${R}/Issuer`, 'Format')],
  '32': [del(A)],
  '33': [chg(A, 'ID', AID, '')],
  '34': [del(A, 'ID')],
  '35': [chg(A, 'Version', '2.0', '1.0')],
  '36': [chg(A, 'IssueInstant', T, '')],
  '37': [del(A, 'IssueInstant')],
  '38': [chg(A, 'IssueInstant', T, '2018-09-06 16:00')],
  '39': [chg(A, 'IssueInstant', T, '2000-01-01T00:00:00Z')],
  '40': [chg(A, 'IssueInstant', T, '2099-01-01T00:00:00Z')],
  '41': [del(`${SUBJ}/NameID`), del(SC)],
  '42': [del(SUBJ)],
  '43': [chg(`${SUBJ}/NameID`, undefined, NAME_ID, ''), chg(`${SUBJ}/NameID`, 'NameQualifier', IDP_ENTITY_ID, '')],
  '44': [del(`${SUBJ}/NameID`)],
  '45': [chg(`${SUBJ}/NameID`, 'Format', 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient', '')],
  '46': [del(`${SUBJ}/NameID`, 'Format')],
  '47': [
    chg(
      `${SUBJ}/NameID`,
      'Format',
      'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
      'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    ),
  ],
  '48': [chg(`${SUBJ}/NameID`, 'NameQualifier', IDP_ENTITY_ID, '')],
  '49': [del(`${SUBJ}/NameID`, 'NameQualifier')],
  '51': [del(SCD)],
  '52': [del(SC)],
  '53': [chg(SC, 'Method', 'urn:oasis:names:tc:SAML:2.0:cm:bearer', '')],
  '54': [del(SC, 'Method')],
  '55': [chg(SC, 'Method', 'urn:oasis:names:tc:SAML:2.0:cm:bearer', 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key')],
  '56': [del(SCD)],
  '57': [chg(SCD, 'Recipient', REQUEST.acsUrl, '')],
  '58': [del(SCD, 'Recipient')],
  '59': [chg(SCD, 'Recipient', REQUEST.acsUrl, 'https://other.invalid/acs')],
  '60': [chg(SCD, 'InResponseTo', REQUEST.id, '')],
  '61': [del(SCD, 'InResponseTo')],
  '62': [chg(SCD, 'InResponseTo', REQUEST.id, `${REQUEST.id}-other`)],
  '63': [chg(SCD, 'NotOnOrAfter', NOT_ON_OR_AFTER, '')],
  '64': [del(SCD, 'NotOnOrAfter')],
  '65': [chg(SCD, 'NotOnOrAfter', NOT_ON_OR_AFTER, '2018.09.18')],
  '66': [chg(SCD, 'NotOnOrAfter', NOT_ON_OR_AFTER, '2000-01-01T00:00:00Z')],
  '68': [del(`${A}/Issuer`)],
  '69': [chg(`${A}/Issuer`, undefined, IDP_ENTITY_ID, 'https://other-idp.invalid')],
  '70': [chg(`${A}/Issuer`, 'Format', ENTITY, '')],
  '71': [del(`${A}/Issuer`, 'Format')],
  '72': [chg(`${A}/Issuer`, 'Format', ENTITY, UNSPECIFIED)],
  '73': [del(`${COND}/AudienceRestriction`)],
  '74': [del(COND)],
  '75': [chg(COND, 'NotBefore', T, '')],
  '76': [del(COND, 'NotBefore')],
  '77': [chg(COND, 'NotBefore', T, '2018/09/10')],
  '78': [chg(COND, 'NotBefore', T, '2099-01-01T00:00:00Z')],
  '79': [chg(COND, 'NotOnOrAfter', NOT_ON_OR_AFTER, '')],
  '80': [del(COND, 'NotOnOrAfter')],
  '81': [chg(COND, 'NotOnOrAfter', NOT_ON_OR_AFTER, '10-09-2018')],
  '82': [chg(COND, 'NotOnOrAfter', NOT_ON_OR_AFTER, '2000-01-01T00:00:00Z')],
  '83': [del(AUD)],
  '85': [chg(AUD, undefined, 'https://sp.example.it', '')],
  '86': [del(AUD)],
  '87': [chg(AUD, undefined, 'https://sp.example.it', 'https://other-sp.invalid')],
  '88': [del(CTX)],
  '89': [del(`${A}/AuthnStatement`)],
  '90': [del(ACR)],
  '92': [chg(ACR, undefined, L(2), '')],
  '93': [del(ACR)],
  '94': [chg(ACR, undefined, L(2), L(1))],
  '95': [], // the fixed request asks for SpidL2: the document is the baseline
  '96': [chg(ACR, undefined, L(2), L(3))],
  '97': [chg(ACR, undefined, L(2), 'urn:oasis:names:tc:SAML:2.0:ac:classes:SpidL1')],
  '98': ATTRS.map((n) => del(`${A}/AttributeStatement/Attribute[${n}]`)),
  '99': ATTRS.map((n) => del(`${A}/AttributeStatement/Attribute[${n}]/AttributeValue`)),
  '100': [cert(A)],
  '103': [
    add(`${A}/AttributeStatement/Attribute[address]`),
    add(`${A}/AttributeStatement/Attribute[spidCode]`),
    ...ATTRS.map((n) => del(`${A}/AttributeStatement/Attribute[${n}]`)),
  ],
  '104': userError('nr19'),
  '105': userError('nr20'),
  '106': userError('nr21'),
  '107': userError('nr22'),
  '108': userError('nr23'),
  '109': ['+ declaration'],
  '110': [chg(R, 'IssueInstant', T, '2026-03-02T10:00:00.250456Z')],
  '111': userError('nr25'),
};
