/**
 * A pagoPA platform environment: `uat` (collaudo) or `prod`.
 * @group Platform clients
 */
export type PagoPaEnvironment = 'uat' | 'prod';

/**
 * Host of each environment. The services live under fixed paths of that host
 * ({@link PAGOPA_SERVICE_PATHS}); the local GPD sandbox serves the same paths.
 * @group Platform clients
 */
export const PAGOPA_HOSTS: { readonly [E in PagoPaEnvironment]: string } = {
  uat: 'https://api.uat.platform.pagopa.it',
  prod: 'https://api.platform.pagopa.it',
};

/**
 * Path of each platform service under the host, without a trailing slash.
 * @group Platform clients
 */
export const PAGOPA_SERVICE_PATHS = {
  /** Debt positions, GPD v1. */
  gpd: '/gpd/debt-positions-service/v1',
  /** Receipts of paid positions. */
  receipts: '/gpd/payments-receipts-service/v1',
  /** Reporting flows for creditors (FdR organization API). */
  fdr: '/fdr-org/service/v1',
  /** Checkout for creditors (carts). */
  checkout: '/checkout/ec/v1',
} as const;

/**
 * Where a platform client sends its requests: a named environment, or the host of a compatible
 * server (the local GPD sandbox, a proxy), with the same service paths under it.
 * @group Platform clients
 */
export type PagoPaTarget =
  | {
      /** The environment. */
      readonly environment: PagoPaEnvironment;
      /** Not with `environment`. */
      readonly baseUrl?: undefined;
    }
  | {
      /** Host URL, e.g. `http://127.0.0.1:4100` (http only for localhost). */
      readonly baseUrl: string;
      /** Not with `baseUrl`. */
      readonly environment?: undefined;
    };
