// The kit of @civico/spid-test-idp against the real portal over HTTP: public and private SPs, CIE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProfiles } from './support/profile-conformance.js';

describeProfiles({ describe, it, expect, beforeAll, afterAll }, [
  'spid-sp-public',
  'spid-sp-private',
  'cie-sp-public',
  'cie-sp-private',
]);
