// Worker script of the hostile harness for @civico/io (started by hostile-entry-points.test.ts through
// test-support/hostile/worker-boot.mjs): imports the package from source and serves the entry points.
import { API_CALL_ERROR_CODES, CivicoError, CORE_ERROR_CODES } from '@civico/core';
import { PAGOPA_ERROR_CODES } from '@civico/pagopa';
import { serveEntryPoints } from '../../../test-support/hostile/worker-host.js';
import * as io from '../src/index.js';
import { IO_ENTRY_POINTS } from './hostile-io-entries.js';

const CODES: readonly string[] = [
  ...io.IO_ERROR_CODES,
  ...PAGOPA_ERROR_CODES,
  ...CORE_ERROR_CODES,
  ...API_CALL_ERROR_CODES,
];

serveEntryPoints({
  module: io,
  entries: IO_ENTRY_POINTS,
  isTypedError: (e) => CivicoError.isInstance(e) && CODES.includes(e.code),
});
