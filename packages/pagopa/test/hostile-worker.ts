// Worker script of the hostile harness for @civico/pagopa (started by hostile-entry-points.test.ts through
// test-support/hostile/worker-boot.mjs): imports both entry points (main and sandbox) from source and serves the table.
import { API_CALL_ERROR_CODES, CivicoError, CORE_ERROR_CODES } from '@civico/core';
import { serveEntryPoints } from '../../../test-support/hostile/worker-host.js';
import * as pagopa from '../src/index.js';
import * as sandbox from '../src/sandbox/index.js';
import { PAGOPA_ENTRY_POINTS } from './hostile-pagopa-entries.js';
import type { PagoPaModules } from './hostile-pagopa-live.js';

const CODES: readonly string[] = [...pagopa.PAGOPA_ERROR_CODES, ...CORE_ERROR_CODES, ...API_CALL_ERROR_CODES];

serveEntryPoints<PagoPaModules>({
  module: { ...pagopa, ...sandbox },
  entries: PAGOPA_ENTRY_POINTS,
  isTypedError: (e) => CivicoError.isInstance(e) && CODES.includes(e.code),
});
