import { lintSpMetadata } from '../metadata/lint-sp-metadata.js';
import { parseSpMetadata } from '../metadata/parse-sp-metadata.js';
import type { SpMetadata } from '../metadata/sp-metadata.js';
import type { SpMetadataProfile } from '../metadata/sp-metadata-profile.js';
import type { ConformanceReportCheck } from './conformance-report.js';
import { createCookieJar } from './cookie-jar.js';
import { describeError } from './describe-error.js';
import { sendHttp } from './send-http.js';

/**
 * What {@link runMetadataChecks} needs.
 * @internal
 */
export interface MetadataStepOptions {
  readonly profile: SpMetadataProfile;
  readonly production: boolean;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly fetch: typeof globalThis.fetch;
  readonly now: () => Date;
}

function failed(id: string, title: string, reason: string): ConformanceReportCheck {
  return { group: 'metadata', id, title, outcome: 'fail', reason };
}

/**
 * Fetches the SP metadata and lints it for the profile.
 * @param metadataUrl - where the SP publishes it
 * @param options - profile, limits, fetch
 * @returns the checks, and the parsed metadata when it could be read (the other steps need it)
 * @internal
 */
export async function runMetadataChecks(
  metadataUrl: string,
  options: MetadataStepOptions,
): Promise<{ readonly checks: ConformanceReportCheck[]; readonly sp: SpMetadata | undefined }> {
  const title = 'The metadata URL answers HTTP 200 with the metadata';
  let xml: string;
  try {
    const exchange = await sendHttp(metadataUrl, {
      ...options,
      jar: createCookieJar(options.now),
      accept: 'application/samlmetadata+xml, application/xml;q=0.9, text/xml;q=0.8',
    });
    if (exchange.status !== 200) {
      return { checks: [failed('metadata.fetch', title, `HTTP ${exchange.status}`)], sp: undefined };
    }
    xml = exchange.body;
  } catch (err) {
    return { checks: [failed('metadata.fetch', title, describeError(err))], sp: undefined };
  }
  const checks: ConformanceReportCheck[] = [{ group: 'metadata', id: 'metadata.fetch', title, outcome: 'pass' }];
  try {
    const lint = await lintSpMetadata(xml, {
      profile: options.profile,
      production: options.production,
      now: options.now(),
    });
    checks.push(...lint.map((check) => ({ ...check, group: 'metadata' as const })));
  } catch (err) {
    checks.push(failed('metadata.lint', 'The metadata can be checked', describeError(err)));
  }
  try {
    return { checks, sp: parseSpMetadata(xml) };
  } catch (err) {
    checks.push(failed('metadata.parse', 'The metadata can be read', describeError(err)));
    return { checks, sp: undefined };
  }
}
