// Worker script of the hostile harness for @civico/spid-test-idp (started by hostile-entry-points.test.ts through
// test-support/hostile/worker-boot.mjs): imports the package from source and serves the entry points.
import { SAML_ERROR_CODES, SamlError } from '@civico/saml';
import { serveEntryPoints } from '../../../test-support/hostile/worker-host.js';
import * as idp from '../src/index.js';
import { SPID_TEST_IDP_ENTRY_POINTS } from './hostile-spid-entries.js';

const CODES: readonly string[] = idp.SPID_TEST_IDP_ERROR_CODES;
const SAML_CODES: readonly string[] = SAML_ERROR_CODES;

serveEntryPoints({
  module: idp,
  entries: SPID_TEST_IDP_ENTRY_POINTS,
  // SamlError passes through where the TSDoc says so (signXml on an unusable key, in the builders).
  isTypedError: (e) =>
    (idp.SpidTestIdpError.isInstance(e) && CODES.includes(e.code)) ||
    (SamlError.isInstance(e) && SAML_CODES.includes(e.code)),
});
