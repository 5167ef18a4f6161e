import { describe, expect, it } from 'vitest';
import { CONFORMANCE_CASES } from '../src/data/conformance-cases.js';
import { buildConformanceResponse } from '../src/response/build-conformance-response.js';
import { buildResponse } from '../src/response/build-response.js';
import { diffXml } from './cases-diff.js';
import { EXPECTED_DIFFS } from './cases-expected-diffs.js';
import { fixedOptions, loadKey } from './cases-fixtures.js';

const attackerKey = loadKey('attacker');
const baseline = buildResponse(fixedOptions());

describe('buildConformanceResponse()', () => {
  it('has an expected difference list for exactly the 111 cases', () => {
    expect(Object.keys(EXPECTED_DIFFS).sort()).toEqual(CONFORMANCE_CASES.map((c) => c.id).sort());
  });

  it.each(CONFORMANCE_CASES.map((c) => [c.id, c.title] as const))(
    'case %s differs from the baseline exactly in: %s',
    (id) => {
      const crafted = buildConformanceResponse(id, { ...fixedOptions(), attackerKey });
      expect(diffXml(baseline, crafted)).toEqual([...(EXPECTED_DIFFS[id] ?? ['(no expectation)'])].sort());
    },
  );

  it('is reproducible: the same options give the same document', () => {
    const a = buildConformanceResponse('47', { ...fixedOptions(), attackerKey });
    const b = buildConformanceResponse('47', { ...fixedOptions(), attackerKey });
    expect(a).toBe(b);
  });

  it('refuses an unknown case and a missing attacker key', () => {
    expect(() => buildConformanceResponse('6' as '1', fixedOptions())).toThrow(
      expect.objectContaining({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG', field: 'caseId' }),
    );
    expect(() => buildConformanceResponse('100', fixedOptions())).toThrow(
      expect.objectContaining({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG', field: 'attackerKey' }),
    );
  });
});

describe('diffXml() (the test instrument)', () => {
  it('sees attribute, text and element changes and ignores only signature values', () => {
    const a = '<r xmlns="urn:x" a="1"><b>t</b><c/></r>';
    expect(diffXml(a, a)).toEqual([]);
    expect(diffXml(a, '<r xmlns="urn:x" a="2"><b>u</b></r>')).toEqual([
      '- r/c',
      '~ r/b: "t" -> "u"',
      '~ r@a: "1" -> "2"',
    ]);
    expect(diffXml(a, '<?xml version="1.0"?><r xmlns="urn:x" a="1" z=""><b>t</b><c/><d/></r>')).toEqual([
      '+ declaration',
      '+ r/d',
      '+ r@z=""',
    ]);
  });
});
