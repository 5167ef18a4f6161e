import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AuthnRequestInput,
  lintAuthnRequest,
  parseAuthnRequest,
  parseSpMetadata,
  SpidTestIdpError,
} from '../src/index.js';
import {
  buildAuthnRequestXml,
  buildRedirectQuery,
  buildSpMetadataXml,
  EXAMPLE_INSTANT,
  TEST_IDP,
} from './support/sp-fixtures.js';

const SP = parseSpMetadata(buildSpMetadataXml());
const OPTIONS = { sp: SP, idp: TEST_IDP, now: EXAMPLE_INSTANT };
const SEED = 20261203;

function codeOf(input: AuthnRequestInput): string | undefined {
  try {
    parseAuthnRequest(input, OPTIONS);
  } catch (err) {
    return SpidTestIdpError.isInstance(err) ? `${err.code}:${err.reason}` : 'foreign error';
  }
  return undefined;
}

const arbitraryInput = fc.oneof(
  fc.string({ maxLength: 300 }).map((query): AuthnRequestInput => ({ binding: 'redirect', query })),
  fc.string({ maxLength: 300 }).map((samlRequest): AuthnRequestInput => ({ binding: 'post', samlRequest })),
  fc.base64String({ maxLength: 400 }).map((samlRequest): AuthnRequestInput => ({ binding: 'post', samlRequest })),
);

describe('parseAuthnRequest() properties (fast-check)', () => {
  it('refuses arbitrary input only with ERR_SPID_TEST_IDP_INVALID_REQUEST and an nr code', () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        expect(codeOf(input)).toMatch(/^ERR_SPID_TEST_IDP_INVALID_REQUEST:nr(0[4-9]|1[0-8])$/);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('refuses the §1 example without any one of its required attributes, with that attribute’s code', () => {
    const required = {
      ID: 'nr11',
      Version: 'nr09',
      IssueInstant: 'nr13',
      Destination: 'nr14',
      ForceAuthn: 'nr12',
      AssertionConsumerServiceIndex: 'nr16',
      AttributeConsumingServiceIndex: 'nr18',
    } as const;
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(required) as (keyof typeof required)[])), (name) => {
        const xml = buildAuthnRequestXml({ edit: (x) => x.replace(new RegExp(` ${name}="[^"]*"`), '') });
        expect(codeOf({ binding: 'redirect', query: buildRedirectQuery(xml) })).toBe(
          `ERR_SPID_TEST_IDP_INVALID_REQUEST:${required[name]}`,
        );
      }),
      { seed: SEED, numRuns: 30 },
    );
  });

  it('never throws from lintAuthnRequest on arbitrary input', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryInput, async (input) => {
        const checks = await lintAuthnRequest(input, OPTIONS);
        expect(checks.some((c) => c.outcome === 'fail')).toBe(true);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
