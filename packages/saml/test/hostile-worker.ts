// Worker script of the hostile harness for @civico/saml (started by hostile-entry-points.test.ts through
// test-support/hostile/worker-boot.mjs): imports the package from source and serves the entry points.
import { serveEntryPoints } from '../../../test-support/hostile/worker-host.js';
import * as saml from '../src/index.js';
import { SAML_ENTRY_POINTS } from './hostile-saml-entries.js';

const CODES: readonly string[] = saml.SAML_ERROR_CODES;

serveEntryPoints({
  module: saml,
  entries: SAML_ENTRY_POINTS,
  isTypedError: (e) => saml.SamlError.isInstance(e) && CODES.includes(e.code),
});
