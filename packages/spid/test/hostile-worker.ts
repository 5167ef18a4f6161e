// Worker script of the hostile harness for @civico/spid (started by hostile-entry-points.test.ts through
// test-support/hostile/worker-boot.mjs): imports the four entry points from source and serves the table.
import { mkdirSync } from 'node:fs';
import { serveEntryPoints } from '../../../test-support/hostile/worker-host.js';
import * as express from '../src/express/index.js';
import * as fastify from '../src/fastify/index.js';
import * as spid from '../src/index.js';
import * as web from '../src/web/index.js';
import type { SpidModules } from './hostile-spid-calls.js';
import { SCRATCH, SPID_ENTRY_POINTS } from './hostile-spid-entries.js';

const CODES: readonly string[] = spid.SPID_ERROR_CODES;
mkdirSync(SCRATCH, { recursive: true });

serveEntryPoints<SpidModules>({
  module: { ...spid, ...web, ...express, ...fastify } as SpidModules,
  entries: SPID_ENTRY_POINTS,
  isTypedError: (e) => spid.SpidError.isInstance(e) && CODES.includes(e.code),
});
