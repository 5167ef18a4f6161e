import { SpidError } from '../errors.js';
import { lintSpCertificate, type SpCertificateCheckOptions } from './lint-sp-certificate.js';

/**
 * Checks that an SP certificate follows Avviso SPID n. 29 v3, throwing at the first broken rule.
 *
 * @remarks
 * The same rules as {@link lintSpCertificate}, in its order; the error's `reason` is the rule id
 * (`key-size`, `digest`, `expired`, `uri`, `organization-identifier`, `common-name`,
 * `organization-name`, `country-locality`, `forbidden-attribute`, `basic-constraints`, `key-usage`,
 * `policies`, or `certificate` when the PEM cannot be read). Fails closed.
 *
 * @param pem - the certificate (PEM, or base64 DER)
 * @param options - entityID, kind, expected names, clock
 * @throws {@link SpidError} `ERR_SPID_CERTIFICATE` with `reason` = the first broken rule;
 *   `ERR_SPID_INVALID_INPUT` (with `field`) when `options` is invalid.
 * @example
 * ```ts
 * import { SpidError, validateSpCertificate } from '@civico/spid';
 * declare const pem: string;
 * try {
 *   validateSpCertificate(pem, { entityId: 'https://sp.comune.example.it/spid', kind: 'public', displayName: 'Comune di Esempio' });
 * } catch (err) {
 *   if (SpidError.isInstance(err) && err.code === 'ERR_SPID_CERTIFICATE') console.error(err.reason); // e.g. 'uri'
 * }
 * ```
 * @group Certificates
 */
export function validateSpCertificate(pem: string, options: SpCertificateCheckOptions): void {
  const failed = lintSpCertificate(pem, options).find((c) => !c.ok);
  if (failed !== undefined) {
    throw new SpidError('ERR_SPID_CERTIFICATE', `The SP certificate breaks Avviso 29 v3: ${failed.message}`, {
      reason: failed.rule,
      field: 'certificate',
    });
  }
}
