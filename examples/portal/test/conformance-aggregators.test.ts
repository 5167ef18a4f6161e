// The kit of @civico/spid-test-idp against the real portal over HTTP: aggregators and operators (Avviso 19 v4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProfiles } from './support/profile-conformance.js';

describeProfiles({ describe, it, expect, beforeAll, afterAll }, [
  'spid-sp-ag-public-full',
  'spid-sp-ag-public-lite',
  'spid-sp-ag-private-full',
  'spid-sp-ag-private-lite',
  'spid-sp-op-public-full',
  'spid-sp-op-public-lite',
]);
