import type { SpMetadata } from '../metadata/sp-metadata.js';
import { lintAuthnRequest } from '../request/lint-authn-request.js';
import type { ConformanceReportCheck } from './conformance-report.js';
import { createCookieJar } from './cookie-jar.js';
import { describeError } from './describe-error.js';
import { fetchAuthnRequest } from './fetch-authn-request.js';

/**
 * What {@link runRequestChecks} needs.
 * @internal
 */
export interface RequestStepOptions {
  readonly sp: SpMetadata | undefined;
  readonly binding: 'redirect' | 'post' | undefined;
  readonly cie: boolean;
  readonly idp: { readonly entityId: string; readonly ssoUrls?: readonly string[] | undefined };
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly fetch: typeof globalThis.fetch;
  readonly now: () => Date;
}

/**
 * Captures a fresh AuthnRequest from the login URL (fresh cookie jar) and lints it (§1).
 * @param loginUrl - the SP URL that starts a login
 * @param options - SP metadata, expected binding, IdP, limits
 * @returns the checks of the `authn-request` group
 * @internal
 */
export async function runRequestChecks(
  loginUrl: string,
  options: RequestStepOptions,
): Promise<ConformanceReportCheck[]> {
  const group = 'authn-request' as const;
  const fetchTitle = 'The login URL sends an AuthnRequest to the IdP (HTTP-Redirect or HTTP-POST)';
  let fetched: Awaited<ReturnType<typeof fetchAuthnRequest>>;
  try {
    fetched = await fetchAuthnRequest(loginUrl, { ...options, jar: createCookieJar(options.now) });
  } catch (err) {
    return [{ group, id: 'authn-request.fetch', title: fetchTitle, outcome: 'fail', reason: describeError(err) }];
  }
  const checks: ConformanceReportCheck[] = [{ group, id: 'authn-request.fetch', title: fetchTitle, outcome: 'pass' }];
  if (options.binding !== undefined) {
    const title = `The AuthnRequest uses the HTTP-${options.binding === 'redirect' ? 'Redirect' : 'POST'} binding`;
    checks.push(
      fetched.binding === options.binding
        ? { group, id: 'authn-request.binding', title, outcome: 'pass' }
        : { group, id: 'authn-request.binding', title, outcome: 'fail', reason: `the SP used HTTP-${fetched.binding}` },
    );
  }
  if (options.sp === undefined) {
    checks.push({
      group,
      id: 'authn-request.lint',
      title: 'The AuthnRequest follows the SPID rules',
      outcome: 'fail',
      reason: 'the SP metadata could not be read, so the request cannot be checked against it',
    });
    return checks;
  }
  const input =
    fetched.binding === 'redirect'
      ? { binding: 'redirect' as const, query: fetched.query }
      : { binding: 'post' as const, samlRequest: fetched.samlRequest, relayState: fetched.relayState };
  try {
    const lint = await lintAuthnRequest(input, {
      sp: options.sp,
      idp: { entityId: options.idp.entityId, ssoUrls: options.idp.ssoUrls ?? [fetched.ssoUrl] },
      now: options.now(),
      cie: options.cie,
    });
    checks.push(...lint.map((check) => ({ ...check, group })));
  } catch (err) {
    checks.push({
      group,
      id: 'authn-request.lint',
      title: 'The AuthnRequest can be checked',
      outcome: 'fail',
      reason: describeError(err),
    });
  }
  return checks;
}
