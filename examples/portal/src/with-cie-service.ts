// "Entra con CIE" asks for the CIE attribute set: the CIE IdP releases only name, familyName, dateOfBirth
// and fiscalNumber, and @civico/spid accepts a Response only with exactly the requested attributes. The
// SPID router takes the IdP from the query; this wrapper of the ServiceProvider picks the configured
// service for CIE logins (SPID logins keep the default one, with more attributes).
import type { ServiceProvider } from '@civico/spid';

/** The index of the first attribute consuming service a CIE IdP can satisfy, if any. */
export function findCieServiceIndex(services: unknown): number | undefined {
  if (!Array.isArray(services)) return undefined;
  const cie = new Set(['name', 'familyName', 'dateOfBirth', 'fiscalNumber']);
  const index = services.findIndex(
    (s: { attributes?: unknown }) =>
      Array.isArray(s?.attributes) && s.attributes.length > 0 && s.attributes.every((a) => cie.has(a)),
  );
  return index < 0 ? undefined : index;
}

/** `sp`, with CIE logins asking for the attribute consuming service `cieServiceIndex`. */
export function withCieService(sp: ServiceProvider, cieServiceIndex: number | undefined): ServiceProvider {
  if (cieServiceIndex === undefined || cieServiceIndex === 0) return sp;
  const isCie = (entityId: string): boolean => sp.listIdps().some((i) => i.entityId === entityId && i.cie === true);
  return {
    entityId: sp.entityId,
    getMetadata: () => sp.getMetadata(),
    listIdps: () => sp.listIdps(),
    createLoginRequest: (options) =>
      sp.createLoginRequest(
        isCie(options.idp) && options.attributeConsumingServiceIndex === undefined
          ? { ...options, attributeConsumingServiceIndex: cieServiceIndex }
          : options,
      ),
    validateResponse: (input) => sp.validateResponse(input),
    createLogoutRequest: (options) => sp.createLogoutRequest(options),
    validateLogoutResponse: (input) => sp.validateLogoutResponse(input),
    validateLogoutRequest: (input) => sp.validateLogoutRequest(input),
  };
}
