#!/usr/bin/env node
import { createRequire } from 'node:module';
import { runConformanceCli } from './run-conformance-cli.js';

const { version } = createRequire(import.meta.url)('@civico/spid-test-idp/package.json') as { version: string };

runConformanceCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // Live progress only on a terminal: piped stderr stays for errors.
  progress: process.stderr.isTTY ? (text) => process.stderr.write(text) : undefined,
  version,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : 'unexpected error'}\n`);
    process.exitCode = 2;
  },
);
