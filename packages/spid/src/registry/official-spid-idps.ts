/**
 * One entry of {@link OFFICIAL_SPID_IDPS}.
 * @example
 * ```ts
 * import type { OfficialSpidIdp } from '@civico/spid';
 * const poste: OfficialSpidIdp = { entityId: 'https://posteid.poste.it', name: 'Poste Italiane' };
 * ```
 * @group Registry
 */
export interface OfficialSpidIdp {
  /** The IdP's entityID. */
  readonly entityId: string;
  /** The IdP's name, for the login button. */
  readonly name: string;
}

/**
 * The 12 SPID identity providers of the AgID registry (registry.spid.gov.it, as of 2023), for drawing the login
 * button offline.
 *
 * @remarks
 * A list for the button only: it has no certificates and no endpoints, so a login still needs the
 * IdP's signed metadata ({@link createIdpRegistry} over the AgID aggregate). The list changes (Intesi
 * Group replaced `https://spid.intesa.it` in 2023): prefer the registry's JSON list when it is reachable.
 * @example
 * ```ts
 * import { OFFICIAL_SPID_IDPS } from '@civico/spid';
 * const options = OFFICIAL_SPID_IDPS.map((idp) => `<option value="${idp.entityId}">${idp.name}</option>`);
 * ```
 * @group Registry
 */
export const OFFICIAL_SPID_IDPS: readonly OfficialSpidIdp[] = Object.freeze(
  [
    { entityId: 'https://loginspid.aruba.it', name: 'ArubaPEC' },
    { entityId: 'https://id.eht.eu', name: 'EtnaHitech' },
    { entityId: 'https://loginspid.infocamere.it', name: 'InfoCamere' },
    { entityId: 'https://identity.infocert.it', name: 'InfoCert' },
    { entityId: 'https://idp.intesigroup.com', name: 'Intesi Group' },
    { entityId: 'https://id.lepida.it/idp/shibboleth', name: 'Lepida' },
    { entityId: 'https://idp.namirialtsp.com/idp', name: 'Namirial' },
    { entityId: 'https://posteid.poste.it', name: 'Poste Italiane' },
    { entityId: 'https://identity.sieltecloud.it', name: 'Sielte' },
    { entityId: 'https://spid.register.it', name: 'Register.it' },
    { entityId: 'https://login.id.tim.it/affwebservices/public/saml2sso', name: 'TI Trust Technologies' },
    { entityId: 'https://spid.teamsystem.com/idp', name: 'TeamSystem' },
  ].map((idp) => Object.freeze(idp)),
);
