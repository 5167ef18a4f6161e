// Worker script of the hostile harness for @civico/pagopa (started by hostile-entry-points.test.ts through
// test-support/hostile/worker-boot.mjs): imports the package from source and serves the entry points.
import { API_CALL_ERROR_CODES, CivicoError, CORE_ERROR_CODES } from '@civico/core';
import { serveEntryPoints } from '../../../test-support/hostile/worker-host.js';
import * as pagopa from '../src/index.js';
import { PAGOPA_ENTRY_POINTS } from './hostile-pagopa-entries.js';

const CODES: readonly string[] = [...pagopa.PAGOPA_ERROR_CODES, ...CORE_ERROR_CODES, ...API_CALL_ERROR_CODES];

serveEntryPoints({
  module: pagopa,
  entries: PAGOPA_ENTRY_POINTS,
  isTypedError: (e) => CivicoError.isInstance(e) && CODES.includes(e.code),
});
