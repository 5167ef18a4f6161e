import type { SigningKey } from '@civico/saml';
import type { ConformanceCaseId } from '../data/conformance-cases.js';
import type { TestUser } from '../data/test-users.js';
import type { SpMetadata } from '../metadata/sp-metadata.js';
import { parseAuthnRequest } from '../request/parse-authn-request.js';
import { buildConformanceResponse } from '../response/build-conformance-response.js';
import type { ConformanceReportCheck } from './conformance-report.js';
import { createCookieJar } from './cookie-jar.js';
import { describeError } from './describe-error.js';
import { fetchAuthnRequest } from './fetch-authn-request.js';
import { type CaseExpectation, judgeStatus, type LevelFacts } from './judge-status.js';
import { postSamlResponse } from './post-saml-response.js';

/**
 * One case of the table, as the kit needs it.
 * @internal
 */
export interface KitCase {
  readonly id: ConformanceCaseId;
  readonly title: string;
  readonly expect: CaseExpectation;
  /** The level the Response returns (cases 94–96). */
  readonly level?: 1 | 2 | 3 | undefined;
}

/**
 * Everything one case run needs, shared by all cases of a run.
 * @internal
 */
export interface CaseContext {
  readonly loginUrl: string;
  readonly sp: SpMetadata;
  readonly idp: {
    readonly entityId: string;
    readonly key: SigningKey;
    readonly ssoUrls?: readonly string[] | undefined;
  };
  readonly user: TestUser;
  /** A key the SP does not trust, for cases 4, 5 and 100. */
  readonly attackerKey: SigningKey | undefined;
  readonly cie: boolean;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly fetch: typeof globalThis.fetch;
  readonly now: () => Date;
}

/**
 * Runs one Response case: a fresh cookie jar, a fresh AuthnRequest from the login URL, the crafted
 * Response built from it, posted to its ACS with its RelayState; judged by the final HTTP status.
 *
 * @param testCase - the case
 * @param context - SP, IdP, limits
 * @returns the check, never throws
 * @internal
 */
export async function runResponseCase(testCase: KitCase, context: CaseContext): Promise<ConformanceReportCheck> {
  const base = { group: 'response' as const, id: `response.case-${testCase.id}`, title: testCase.title };
  const jar = createCookieJar(context.now);
  const limits = { jar, timeoutMs: context.timeoutMs, maxBytes: context.maxBytes, fetch: context.fetch };
  let request: ReturnType<typeof parseAuthnRequest>;
  try {
    const fetched = await fetchAuthnRequest(context.loginUrl, limits);
    const input =
      fetched.binding === 'redirect'
        ? { binding: 'redirect' as const, query: fetched.query }
        : { binding: 'post' as const, samlRequest: fetched.samlRequest, relayState: fetched.relayState };
    request = parseAuthnRequest(input, {
      sp: context.sp,
      idp: { entityId: context.idp.entityId, ssoUrls: context.idp.ssoUrls ?? [fetched.ssoUrl] },
      now: context.now(),
      cie: context.cie,
    });
  } catch (err) {
    return { ...base, outcome: 'fail', reason: `no valid AuthnRequest from the login URL: ${describeError(err)}` };
  }
  let xml: string;
  try {
    xml = buildConformanceResponse(testCase.id, {
      request,
      idp: { entityId: context.idp.entityId, key: context.idp.key },
      user: context.user,
      attackerKey: context.attackerKey,
      now: context.now(),
      cie: context.cie,
    });
  } catch (err) {
    return { ...base, outcome: 'fail', reason: `the kit could not build this case: ${describeError(err)}` };
  }
  try {
    const posted = await postSamlResponse(request.acsUrl, xml, { ...limits, relayState: request.relayState });
    const returned = testCase.level;
    const level: LevelFacts | undefined =
      returned === undefined ? undefined : { requested: request.level, comparison: request.comparison, returned };
    const verdict = judgeStatus(testCase.expect, posted.status, level);
    return { ...base, ...verdict, httpStatus: posted.status };
  } catch (err) {
    return { ...base, outcome: 'fail', reason: `posting the Response failed: ${describeError(err)}` };
  }
}
