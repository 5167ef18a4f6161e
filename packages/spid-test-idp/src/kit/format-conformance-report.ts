import type { ConformanceReport } from './conformance-report.js';

const LABEL = { pass: 'PASS', fail: 'FAIL', warn: 'WARN' } as const;

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
  const lines = [`SPID conformance report, profile ${report.profile}, IdP ${oneLine(report.idp.entityId)}`];
  let group: string | undefined;
  for (const check of report.checks) {
    if (check.group !== group) {
      group = check.group;
      lines.push('', `[${group}]`);
    }
    const parts = [LABEL[check.outcome], check.id, oneLine(check.title)];
    if (check.httpStatus !== undefined) parts.push(`HTTP ${check.httpStatus}`);
    if (check.reason !== undefined) parts.push(oneLine(check.reason));
    lines.push(parts.join('  '));
  }
  const baseline = report.checks.find((c) => c.id === 'response.case-1');
  if (baseline?.outcome === 'fail' && baseline.httpStatus !== undefined) {
    // The usual first-run mistake: the SP does not trust the kit's IdP, so it refuses even case 1.
    lines.push(
      '',
      `Hint: case 1 is a valid Response and was refused. Does the SP trust the kit IdP ${oneLine(report.idp.entityId)}?`,
      'Load the kit IdP metadata in the SP (createConformanceIdp().metadata, or civico-spid-conformance --write-idp).',
    );
  }
  const { passed, failed, warnings } = report.summary;
  lines.push(
    '',
    `${report.checks.length} checks: ${passed} passed, ${failed} failed, ${warnings} warnings. ${report.ok ? 'CONFORMANT' : 'NOT CONFORMANT'}`,
  );
  return `${lines.join('\n')}\n`;
}
