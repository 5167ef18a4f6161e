/**
 * What the SP must do with a crafted Response: accept it (final HTTP 200), reject it (400, 401, 403,
 * 422 or 500), decide by the level rule (`level`; docs/spid-test-idp.md), or reject it with 200 tolerated
 * (`reject-or-200`, case 103).
 * @group Data
 */
export type ConformanceExpectation = 'accept' | 'reject' | 'level' | 'reject-or-200';

/**
 * One of the 111 Response cases of the SPID conformance tool
 * (https://github.com/italia/spid-sp-test, `src/spid_sp_test/responses/settings.py`).
 * @group Data
 */
export interface ConformanceCase {
  /** `'1'`…`'111'`, `'xsw1'`…`'xsw8'` or `'xslt'`. */
  readonly id: ConformanceCaseId;
  /** What is altered compared with the valid baseline Response, in English. */
  readonly title: string;
  /** The outcome the SP must produce. */
  readonly expect: ConformanceExpectation;
  /** The rule that decides it. */
  readonly rule: string;
  /** `true` when the CIE profile of the tool skips the case (70, 71: CIE Issuer has no `Format`). */
  readonly cieSkip?: true;
  /** The returned level of cases 94–96. */
  readonly level?: 1 | 2 | 3;
  /** The IdP error code of cases 104–108 and 111 (the SP shows a page naming it). */
  readonly errorCode?: 'nr19' | 'nr20' | 'nr21' | 'nr22' | 'nr23' | 'nr25';
}

type Row = readonly [id: string, title: string, expect: 'OK' | 'KO' | 'LV' | 'KO200', rule: string];

const EXPECT = { OK: 'accept', KO: 'reject', LV: 'level', KO200: 'reject-or-200' } as const;

// spid-sp-test responses/settings.py, in the tool's order. Numbers 6, 7, 25, 50, 67, 84, 91, 101, 102
// are not used by the tool.
const ROWS = [
  ['1', 'nothing: valid signed Response and Assertion', 'OK', 'baseline'],
  ['2', 'Response and Assertion unsigned', 'KO', 'Assertion signature mandatory'],
  ['3', 'Response signed, Assertion unsigned', 'KO', 'Assertion signature mandatory'],
  ['4', 'Response and Assertion signed with a key not in the IdP metadata', 'KO', 'IdP metadata certificates only'],
  ['5', 'as 4, with the foreign certificate in KeyInfo', 'KO', 'ignore KeyInfo'],
  [
    'xsw1',
    'signed original Response hidden in the Response Signature; outer Response re-IDed, Assertion unsigned',
    'KO',
    'consume only the signed node',
  ],
  [
    'xsw2',
    'signed Response copy nested in a re-IDed outer Response whose Assertion is unsigned',
    'KO',
    'consume only the signed node',
  ],
  ['xsw3', 'unsigned Assertion copy (new ID) before the signed one', 'KO', 'exactly one Assertion'],
  ['xsw4', 'signed Assertion wrapped in an unsigned copy', 'KO', 'no nested Assertion'],
  [
    'xsw5',
    'signed Assertion re-IDed; an unsigned copy holds the referenced ID',
    'KO',
    "reference = the signature's parent",
  ],
  ['xsw6', 'as xsw5, copy placed inside the Assertion Signature', 'KO', "reference = the signature's parent"],
  ['xsw7', 'unsigned Assertion copy in a Response Extensions', 'KO', 'one Assertion anywhere'],
  ['xsw8', 'unsigned Assertion copy in a ds:Object of the Assertion Signature', 'KO', 'no ds:Object'],
  ['xslt', 'XSLT transform added to the Response signature', 'KO', 'allow-listed transforms only'],
  ['8', 'Response ID empty', 'KO', 'Response ID required'],
  ['9', 'Response ID missing', 'KO', 'Response ID required'],
  ['10', 'Response Version="1.0"', 'KO', 'Version 2.0'],
  ['11', 'Response IssueInstant empty', 'KO', 'Response IssueInstant required'],
  ['12', 'Response IssueInstant missing', 'KO', 'Response IssueInstant required'],
  ['13', 'Response IssueInstant 2018-09-04 (a date, not a dateTime)', 'KO', 'UTC xs:dateTime'],
  ['14', "Response IssueInstant before the request's (2018)", 'KO', '≥ the stored request IssueInstant'],
  ['15', 'Response IssueInstant in the future (2099)', 'KO', '≤ now + skew'],
  ['16', 'InResponseTo empty (Response and SubjectConfirmationData)', 'KO', 'InResponseTo required'],
  ['17', 'InResponseTo missing (Response and SubjectConfirmationData)', 'KO', 'InResponseTo required'],
  ['18', 'InResponseTo ≠ request ID (Response and SubjectConfirmationData)', 'KO', 'a pending request'],
  ['19', 'Response Destination empty', 'KO', 'Destination required'],
  ['20', 'Response Destination missing', 'KO', 'Destination required'],
  ['21', 'Destination and Recipient ≠ ACS URL', 'KO', '= the request ACS URL'],
  ['22', 'Status without StatusCode', 'KO', 'StatusCode required'],
  ['23', 'Status missing', 'KO', 'Status required'],
  ['24', 'StatusCode Value empty', 'KO', 'StatusCode Value required'],
  ['26', 'StatusCode Value invalid', 'KO', 'error page'],
  ['27', 'Response Issuer empty', 'KO', 'Response Issuer required'],
  ['28', 'Response Issuer missing (Assertion Issuer present)', 'KO', "the Response's own Issuer child only"],
  ['29', 'Response Issuer ≠ IdP entityID', 'KO', '= the IdP of the request'],
  ['30', 'Response Issuer Format ≠ entity', 'KO', 'Format omitted or entity'],
  ['31', 'Response Issuer without Format', 'OK', 'Format optional on the Response Issuer'],
  ['32', 'Success without Assertion', 'KO', 'Assertion required'],
  ['33', 'Assertion ID empty', 'KO', 'Assertion ID required'],
  ['34', 'Assertion ID missing', 'KO', 'Assertion ID required'],
  ['35', 'Assertion Version="1.0"', 'KO', 'Version 2.0'],
  ['36', 'Assertion IssueInstant empty', 'KO', 'Assertion IssueInstant required'],
  ['37', 'Assertion IssueInstant missing', 'KO', 'Assertion IssueInstant required'],
  ['38', 'Assertion IssueInstant 2018-09-06 16:00 (not xs:dateTime)', 'KO', 'UTC xs:dateTime'],
  ['39', "Assertion IssueInstant before the request's (2000)", 'KO', '≥ the request IssueInstant'],
  ['40', 'Assertion IssueInstant in the future (2099)', 'KO', '≤ now + skew'],
  ['41', 'Subject empty', 'KO', 'Subject content required'],
  ['42', 'Subject missing', 'KO', 'Subject required'],
  ['43', 'NameID empty (no value, empty NameQualifier)', 'KO', 'NameID non-empty'],
  ['44', 'NameID missing', 'KO', 'NameID required'],
  ['45', 'NameID Format empty', 'KO', 'transient NameID'],
  ['46', 'NameID Format missing', 'KO', 'transient NameID'],
  ['47', 'NameID Format ≠ transient', 'KO', 'transient NameID'],
  ['48', 'NameID NameQualifier empty', 'KO', 'NameQualifier required (SPID)'],
  ['49', 'NameID NameQualifier missing', 'KO', 'NameQualifier required (SPID)'],
  ['51', 'SubjectConfirmation without SubjectConfirmationData', 'KO', 'SubjectConfirmationData required'],
  ['52', 'SubjectConfirmation missing', 'KO', 'SubjectConfirmation required'],
  ['53', 'SubjectConfirmation Method empty', 'KO', 'bearer'],
  ['54', 'SubjectConfirmation Method missing', 'KO', 'bearer'],
  ['55', 'SubjectConfirmation Method ≠ urn:oasis:names:tc:SAML:2.0:cm:bearer', 'KO', 'bearer'],
  ['56', 'SubjectConfirmationData missing', 'KO', 'SubjectConfirmationData required'],
  ['57', 'SubjectConfirmationData Recipient empty', 'KO', '= ACS URL'],
  ['58', 'SubjectConfirmationData Recipient missing', 'KO', '= ACS URL'],
  ['59', 'SubjectConfirmationData Recipient ≠ ACS URL', 'KO', '= ACS URL'],
  ['60', 'SubjectConfirmationData InResponseTo empty', 'KO', '= request ID'],
  ['61', 'SubjectConfirmationData InResponseTo missing', 'KO', '= request ID'],
  ['62', 'SubjectConfirmationData InResponseTo ≠ request ID', 'KO', '= request ID'],
  ['63', 'SubjectConfirmationData NotOnOrAfter empty', 'KO', 'NotOnOrAfter required'],
  ['64', 'SubjectConfirmationData NotOnOrAfter missing', 'KO', 'NotOnOrAfter required'],
  ['65', 'SubjectConfirmationData NotOnOrAfter 2018.09.18 (not xs:dateTime)', 'KO', 'UTC xs:dateTime'],
  ['66', 'SubjectConfirmationData NotOnOrAfter in the past (2000)', 'KO', '> now − skew'],
  ['68', 'Assertion Issuer missing', 'KO', 'Assertion Issuer required'],
  ['69', 'Assertion Issuer ≠ IdP entityID', 'KO', '= IdP entityID'],
  ['70', 'Assertion Issuer Format empty', 'KO', 'entity (CIE skips)'],
  ['71', 'Assertion Issuer Format missing', 'KO', 'entity (CIE skips)'],
  ['72', 'Assertion Issuer Format ≠ entity', 'KO', 'entity'],
  ['73', 'Conditions without AudienceRestriction', 'KO', 'AudienceRestriction required'],
  ['74', 'Conditions missing', 'KO', 'Conditions required'],
  ['75', 'Conditions NotBefore empty', 'KO', 'NotBefore required'],
  ['76', 'Conditions NotBefore missing', 'KO', 'NotBefore required'],
  ['77', 'Conditions NotBefore 2018/09/10 (not xs:dateTime)', 'KO', 'UTC xs:dateTime'],
  ['78', 'Conditions NotBefore in the future (2099)', 'KO', '≤ now + skew'],
  ['79', 'Conditions NotOnOrAfter empty', 'KO', 'NotOnOrAfter required'],
  ['80', 'Conditions NotOnOrAfter missing', 'KO', 'NotOnOrAfter required'],
  ['81', 'Conditions NotOnOrAfter 10-09-2018 (not xs:dateTime)', 'KO', 'UTC xs:dateTime'],
  ['82', 'Conditions NotOnOrAfter in the past (2000)', 'KO', '> now − skew'],
  ['83', 'AudienceRestriction empty', 'KO', 'Audience required'],
  ['85', 'Audience empty', 'KO', '= SP entityID'],
  ['86', 'Audience missing', 'KO', 'Audience required'],
  ['87', 'Audience ≠ SP entityID', 'KO', '= SP entityID'],
  ['88', 'AuthnStatement without AuthnContext', 'KO', 'AuthnContext required'],
  ['89', 'AuthnStatement missing', 'KO', 'AuthnStatement required'],
  ['90', 'AuthnContext empty', 'KO', 'AuthnContextClassRef required'],
  ['92', 'AuthnContextClassRef empty', 'KO', 'a SPID level URI'],
  ['93', 'AuthnContextClassRef missing', 'KO', 'AuthnContextClassRef required'],
  ['94', 'AuthnContextClassRef SpidL1', 'LV', 'level rule'],
  ['95', 'AuthnContextClassRef SpidL2', 'LV', 'level rule'],
  ['96', 'AuthnContextClassRef SpidL3', 'LV', 'level rule'],
  [
    '97',
    'AuthnContextClassRef urn:oasis:names:tc:SAML:2.0:ac:classes:SpidL1',
    'KO',
    'only https://www.spid.gov.it/SpidLn',
  ],
  ['98', 'AttributeStatement without Attribute', 'KO', 'at least one Attribute'],
  ['99', 'Attribute without AttributeValue', 'KO', 'AttributeValue required'],
  ['100', 'Assertion signed with a key not in the IdP metadata', 'KO', 'IdP metadata certificates only'],
  ['103', 'attribute set ≠ requested set', 'KO200', 'the requested AttributeConsumingService'],
  ['104', 'Responder/AuthnFailed, StatusMessage ErrorCode nr19, no Assertion', 'KO', 'error page'],
  ['105', 'Responder/AuthnFailed, StatusMessage ErrorCode nr20, no Assertion', 'KO', 'error page'],
  ['106', 'Responder/AuthnFailed, StatusMessage ErrorCode nr21, no Assertion', 'KO', 'error page'],
  ['107', 'Responder/AuthnFailed, StatusMessage ErrorCode nr22, no Assertion', 'KO', 'error page'],
  ['108', 'Responder/AuthnFailed, StatusMessage ErrorCode nr23, no Assertion', 'KO', 'error page'],
  ['109', 'valid, with an XML declaration, attributes without NameFormat', 'OK', 'tolerate both'],
  ['110', 'Response IssueInstant with microseconds', 'OK', 'any fraction length'],
  ['111', 'Responder/AuthnFailed, StatusMessage ErrorCode nr25, no Assertion', 'KO', 'error page'],
] as const satisfies readonly Row[];

const ERROR_CODES = {
  '104': 'nr19',
  '105': 'nr20',
  '106': 'nr21',
  '107': 'nr22',
  '108': 'nr23',
  '111': 'nr25',
} as const;
const LEVELS = { '94': 1, '95': 2, '96': 3 } as const;

function toCase([id, title, expect, rule]: (typeof ROWS)[number]): ConformanceCase {
  const errorCode = ERROR_CODES[id as keyof typeof ERROR_CODES];
  const level = LEVELS[id as keyof typeof LEVELS];
  return Object.freeze({
    id,
    title,
    expect: EXPECT[expect],
    rule,
    ...(id === '70' || id === '71' ? { cieSkip: true as const } : {}),
    ...(level === undefined ? {} : { level }),
    ...(errorCode === undefined ? {} : { errorCode }),
  });
}

/**
 * The 111 Response cases of the SPID conformance tool (`italia/spid-sp-test`), as data, in the tool's
 * order: `1`–`5`, `xsw1`–`xsw8`, `xslt`, then `8`–`111` without the unused numbers 6, 7, 25, 50, 67,
 * 84, 91, 101, 102.
 *
 * @remarks
 * `expect` is judged on the final HTTP status after redirects (docs/spid-test-idp.md, How a case is
 * judged). `level` cases (94–96) depend on the requested level and Comparison (the level rule).
 * `buildConformanceResponse` crafts each one.
 *
 * @example
 * ```ts
 * import { CONFORMANCE_CASES } from '@civico/spid-test-idp';
 * const accepted = CONFORMANCE_CASES.filter((c) => c.expect === 'accept').map((c) => c.id);
 * // ['1', '31', '109', '110']
 * ```
 * @group Data
 */
export const CONFORMANCE_CASES: readonly ConformanceCase[] = Object.freeze(ROWS.map(toCase));

/**
 * The id of one of the {@link CONFORMANCE_CASES}: `'1'`…`'111'` (without the unused numbers),
 * `'xsw1'`…`'xsw8'`, `'xslt'`.
 * @group Data
 */
export type ConformanceCaseId = (typeof ROWS)[number][0];
