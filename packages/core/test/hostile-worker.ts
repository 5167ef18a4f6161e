// Worker script of the hostile harness for @civico/core (started by hostile-entry-points.test.ts through
// test-support/hostile/worker-boot.mjs): imports the package from source and serves the entry points, plus the
// harness canaries that prove each failure class is caught.
import { HARNESS_CANARIES } from '../../../test-support/hostile/harness-canaries.js';
import { serveEntryPoints } from '../../../test-support/hostile/worker-host.js';
import * as index from '../src/index.js';
import * as internal from '../src/internal-entry.js';
import { CORE_ENTRY_POINTS } from './hostile-core-entries.js';

// The main entry and the plumbing subpath (@civico/core/internal) are served alike.
const core = { ...internal, ...index };
const CODES: readonly string[] = [...core.CORE_ERROR_CODES, ...core.API_CALL_ERROR_CODES];

serveEntryPoints({
  module: core,
  entries: [...CORE_ENTRY_POINTS, ...(HARNESS_CANARIES as typeof CORE_ENTRY_POINTS)],
  isTypedError: (e) => core.CivicoError.isInstance(e) && CODES.includes(e.code),
});
