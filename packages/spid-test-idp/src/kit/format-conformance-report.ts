import { parseOptions, plainObject } from '@civico/core/internal';
import { z } from 'zod';
import { SpidTestIdpError } from '../errors.js';
import type { ConformanceReport } from './conformance-report.js';

const LABEL = { pass: 'PASS', fail: 'FAIL', warn: 'WARN' } as const;

// Checked at the boundary: a report of the wrong shape (or with throwing getters) fails with INVALID_CONFIG.
const ReportSchema = plainObject(
  z.object({
    ok: z.boolean(),
    profile: z.string(),
    idp: plainObject(z.object({ entityId: z.string() })),
    checks: z.array(
      plainObject(
        z.object({
          group: z.string(),
          id: z.string(),
          title: z.string(),
          outcome: z.enum(['pass', 'fail', 'warn']),
          reason: z.string().optional(),
          httpStatus: z.number().optional(),
        }),
      ),
    ),
    summary: plainObject(z.object({ passed: z.number(), failed: z.number(), warnings: z.number() })),
  }),
);

/** One line, no control characters: reasons come from our code, but stay defensive. */
function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips control characters on purpose
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/**
 * Formats a {@link ConformanceReport} as plain text: a header, one line per check
 * (`PASS|FAIL|WARN`, id, title, HTTP status, reason) and a summary line; a hint when case 1 (the
 * valid Response) was refused, the sign of an SP that does not trust the kit's IdP.
 *
 * @remarks
 * The JSON form of a report is the report itself (`JSON.stringify(report, null, 2)`).
 * @param report - what {@link runConformance} returned
 * @returns the text, lines separated by `\n`, ending with a newline
 * @throws {@link SpidTestIdpError} `ERR_SPID_TEST_IDP_INVALID_CONFIG` when `report` does not have the shape of a report.
 * @example
 * ```ts
 * import { formatConformanceReport, type ConformanceReport } from '@civico/spid-test-idp';
 * const report: ConformanceReport = {
 *   ok: false,
 *   profile: 'spid-sp-public',
 *   idp: { entityId: 'https://localhost:8443', certificate: '' },
 *   checks: [{ group: 'response', id: 'response.case-8', title: 'Response ID empty', outcome: 'fail', httpStatus: 200, reason: 'expected a rejection' }],
 *   summary: { passed: 0, failed: 1, warnings: 0 },
 * };
 * console.log(formatConformanceReport(report));
 * ```
 * @group Conformance
 */
export function formatConformanceReport(report: ConformanceReport): string {
  const r = parseOptions(ReportSchema, report, SpidTestIdpError, 'ERR_SPID_TEST_IDP_INVALID_CONFIG');
  const lines = [`SPID conformance report, profile ${r.profile}, IdP ${oneLine(r.idp.entityId)}`];
  let group: string | undefined;
  for (const check of r.checks) {
    if (check.group !== group) {
      group = check.group;
      lines.push('', `[${group}]`);
    }
    const parts = [LABEL[check.outcome], check.id, oneLine(check.title)];
    if (check.httpStatus !== undefined) parts.push(`HTTP ${check.httpStatus}`);
    if (check.reason !== undefined) parts.push(oneLine(check.reason));
    lines.push(parts.join('  '));
  }
  const baseline = r.checks.find((c) => c.id === 'response.case-1');
  if (baseline?.outcome === 'fail' && baseline.httpStatus !== undefined) {
    // The usual first-run mistake: the SP does not trust the kit's IdP, so it refuses even case 1.
    lines.push(
      '',
      `Hint: case 1 is a valid Response and was refused. Does the SP trust the kit IdP ${oneLine(r.idp.entityId)}?`,
      'Load the kit IdP metadata in the SP (createConformanceIdp().metadata, or civico-spid-conformance --write-idp).',
    );
  }
  const { passed, failed, warnings } = r.summary;
  lines.push(
    '',
    `${r.checks.length} checks: ${passed} passed, ${failed} failed, ${warnings} warnings. ${r.ok ? 'CONFORMANT' : 'NOT CONFORMANT'}`,
  );
  return `${lines.join('\n')}\n`;
}
