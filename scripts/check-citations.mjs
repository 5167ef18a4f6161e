#!/usr/bin/env node
// Fails when a comment or doc cites a document a clone does not have: the workspace's reference notes
// (`spid.md §3.3`, `reference §…`) or the folder beside the checkout (`../shared/`, `/work/shared`).
// Cite what a maintainer can open instead: the public specification's name and section, a link, or a
// page under docs/ (docs/contributing.md, "Rules that CI enforces").
// Scans the tracked files under packages/*/src, packages/*/test, packages/*/bench, packages/*/README.md,
// docs/*.md and examples/ (never node_modules, dist or docs/api). Prints file:line for each hit.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

const PATTERNS = [
  { re: /\b(spid|pagopa|io|core)\.md §/, what: 'a section of a workspace reference note' },
  { re: /\breference §/, what: 'a section of "the reference"' },
  { re: /\.\.\/shared\//, what: 'the shared folder beside the checkout' },
  { re: /\/work\/shared/, what: 'the workspace shared folder' },
];

// Lines that name the shared folder on purpose: the path a test or a setup step really reads, not a
// citation. Each needs a reason; an exception that no longer matches anything fails the check too.
const EXCEPTIONS = [
  {
    file: 'packages/spid-test-idp/test/data-cases.test.ts',
    text: "'../../../../shared/reference/spid.md'",
    reason: 'code: cross-checks CONFORMANCE_CASES with the workspace reference when present; a clone skips it',
  },
  {
    file: 'packages/io/test/contract.test.ts',
    text: "'../../../../shared/specs/io/io-services-api.yaml'",
    reason: 'code: where the contract test reads the public IO spec (docs/io.md, Contract tests)',
  },
  {
    file: 'packages/pagopa/test/contract-specs.ts',
    text: "'../../../../shared/specs/pagopa/'",
    reason: 'code: where the pagoPA contract tests read the public GPD, receipts, FdR and Checkout specs',
  },
  {
    file: 'docs/io.md',
    text: '`../shared/specs/io/io-services-api.yaml` beside the',
    reason: 'setup: says where the contract test looks for the spec it names (Sources, Contract)',
  },
  {
    file: 'docs/contributing.md',
    text: 'CIVICO_DATA_DIR, default ../shared/data',
    reason: "setup: the data build's default input folder, beside the documented override",
  },
  {
    file: 'docs/contributing.md',
    text: 'official specs from `../shared/specs`',
    reason: 'setup: where the contract tests look for the public specs they name',
  },
];

const SCOPE = [
  /^packages\/[^/]+\/(src|test|bench)\//,
  /^packages\/[^/]+\/README\.md$/,
  /^docs\/[^/]+\.md$/,
  /^examples\//,
];
const SKIP = /(^|\/)(node_modules|dist)\/|^docs\/api\//;

const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  .split('\0')
  .filter((f) => f !== '' && SCOPE.some((re) => re.test(f)) && !SKIP.test(f));

const used = new Set();
const hits = [];
let scanned = 0;
for (const file of tracked) {
  let text;
  try {
    text = readFileSync(resolve(root, file), 'utf8');
  } catch {
    continue; // deleted in the working tree
  }
  if (text.includes('\0')) continue; // binary
  scanned++;
  text.split('\n').forEach((line, i) => {
    for (const { re, what } of PATTERNS) {
      if (!re.test(line)) continue;
      const exception = EXCEPTIONS.findIndex((e) => e.file === file && line.includes(e.text));
      if (exception >= 0) {
        used.add(exception);
        continue;
      }
      hits.push(`${file}:${i + 1}: cites ${what}: ${line.trim().slice(0, 140)}`);
    }
  });
}

const stale = EXCEPTIONS.filter((_, i) => !used.has(i));
for (const h of hits) console.error(h);
for (const e of stale)
  console.error(`scripts/check-citations.mjs: unused exception for ${e.file} (${e.text}): remove it`);
if (hits.length > 0 || stale.length > 0) {
  console.error(
    `check-citations: ${hits.length} citation(s) of documents a clone does not have. Cite the public ` +
      'specification (name and section, or a link) or a page under docs/ instead.',
  );
  process.exit(1);
}
console.log(`check-citations: ${scanned} files, no citation of a document outside the repository`);
