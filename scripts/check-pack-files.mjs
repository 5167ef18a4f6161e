#!/usr/bin/env node
// Lists exactly the files each public package ships (`npm pack --dry-run`) and fails when:
// - a file falls outside the shapes a package may ship (dist output, non-test sources, README,
//   LICENSE, NOTICE, CHANGELOG, package.json);
// - a required file is missing (LICENSE in every package, NOTICE where third-party data or fonts
//   ship, README, every `exports` and `bin` target);
// - the package's run-time dependency closure (dependencies, peers and optionals, followed through
//   the installed tree as `npm i <package>` would resolve them) holds a package outside its
//   allow-list below. `npm i @civico/io` must install no PDF, font or image code.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** Packages that carry third-party data or fonts, and so ship a NOTICE. */
const NEEDS_NOTICE = new Set(['@civico/core', '@civico/pagopa', '@civico/saml']);

/** Run-time closure allowed per package (besides the package itself). Keep each entry justified. */
const CLOSURE = {
  // HTTP on ky; zod is the peer every package validates with.
  '@civico/core': ['ky', 'zod'],
  // core + the PDF stack + the streaming reporting-flow parsers (@streamparser/json, saxes): pdfkit (pinned exactly: src/render/font-subsets.ts patches its internals)
  // and its font, image and compression code.
  '@civico/pagopa': [
    '@civico/core',
    '@noble/ciphers',
    '@noble/hashes',
    '@streamparser/json',
    '@swc/helpers',
    'base64-js',
    'brotli',
    'clone',
    'dfa',
    'fast-deep-equal',
    'fflate',
    'fontkit',
    'ky',
    'linebreak',
    'pako',
    'pdfkit',
    'png-js',
    'restructure',
    'saxes',
    'svg-to-pdfkit',
    'tiny-inflate',
    'unicode-properties',
    'unicode-trie',
    'xmlchars',
    'zod',
  ],
  // core + markdown linter + CSV reader: no PDF, font or image code.
  '@civico/io': ['@civico/core', 'csv-parse', 'ky', 'marked', 'zod'],
  // core + the XML stack: @xmldom/xmldom (our parser), xml-crypto (XML-DSig, with its own xmldom
  // 0.8, is-dom-node and xpath) and libxml2-wasm (XSD validation, WebAssembly: no native build).
  // Certificates are read with node:crypto, so no X.509 library.
  '@civico/saml': [
    '@civico/core',
    '@xmldom/is-dom-node',
    '@xmldom/xmldom',
    'ky',
    'libxml2-wasm',
    'xml-crypto',
    'xpath',
    'zod',
  ],
  // core + saml: the Service Provider runs on the saml toolkit; express, fastify and ioredis are the
  // application's (optional peers / structural types), never installed with it.
  '@civico/spid': [
    '@civico/core',
    '@civico/saml',
    '@xmldom/is-dom-node',
    '@xmldom/xmldom',
    'ky',
    'libxml2-wasm',
    'xml-crypto',
    'xpath',
    'zod',
  ],
  // core + saml: the test IdP and the conformance kit run on node:http and the saml toolkit.
  '@civico/spid-test-idp': [
    '@civico/core',
    '@civico/saml',
    '@xmldom/is-dom-node',
    '@xmldom/xmldom',
    'ky',
    'libxml2-wasm',
    'xml-crypto',
    'xpath',
    'zod',
  ],
};

const SHAPES = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^NOTICE$/,
  /^CHANGELOG\.md$/,
  /^dist\/[\w./-]+\.(js|js\.map|d\.ts)$/,
  /^src\/(?![\w/.-]*\.test(-d)?\.ts$)[\w/.-]+\.ts$/,
  // @civico/pagopa: the notice fonts and their licences.
  /^fonts\/[a-z-]+\.ttf$/,
  /^fonts\/OFL-[a-z-]+\.txt$/,
  // @civico/saml: the SAML, XML-DSig and SPID/CIE schemas it validates against.
  /^schemas\/[\w/.-]+\.xsd$/,
];

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Finds the installed package.json of `name` as Node would resolve it from `fromDir`. */
function findInstalled(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (dir === dirname(dir)) return undefined;
  }
}

function closureOf(pkgJsonFile) {
  const seen = new Map();
  const queue = [pkgJsonFile];
  while (queue.length > 0) {
    const file = queue.shift();
    const pkg = readJson(file);
    // Optional peers (the Express and Fastify adapters of @civico/spid) belong to the application that
    // chose them: an install of the package never brings them.
    const optionalPeers = new Set(
      Object.entries(pkg.peerDependenciesMeta ?? {})
        .filter(([, meta]) => meta?.optional === true)
        .map(([name]) => name),
    );
    const peers = Object.fromEntries(Object.entries(pkg.peerDependencies ?? {}).filter(([n]) => !optionalPeers.has(n)));
    const deps = { ...peers, ...pkg.optionalDependencies, ...pkg.dependencies };
    for (const name of Object.keys(deps)) {
      if (seen.has(name)) continue;
      const found = findInstalled(name, dirname(file));
      seen.set(name, found);
      if (found) queue.push(found);
    }
  }
  return seen;
}

let failures = 0;
const fail = (msg) => {
  failures++;
  console.error(`✗ ${msg}`);
};

for (const dir of readdirSync(join(root, 'packages'))) {
  const pkgDir = join(root, 'packages', dir);
  const pkg = readJson(join(pkgDir, 'package.json'));
  if (pkg.private) continue;
  const [report] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: pkgDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const files = report.files.map((f) => f.path).sort();
  console.log(`${pkg.name}@${pkg.version}: ${files.length} files, ${report.size} bytes packed`);
  for (const f of files) console.log(`  ${f}`);

  for (const f of files) if (!SHAPES.some((re) => re.test(f))) fail(`${pkg.name} ships an unexpected file: ${f}`);
  const required = ['package.json', 'README.md', 'LICENSE'];
  if (NEEDS_NOTICE.has(pkg.name)) required.push('NOTICE');
  for (const entry of Object.values(pkg.exports ?? {})) {
    if (typeof entry === 'string') required.push(entry.replace(/^\.\//, ''));
    else for (const key of ['types', 'default']) if (entry[key]) required.push(entry[key].replace(/^\.\//, ''));
  }
  for (const target of Object.values(pkg.bin ?? {})) required.push(target.replace(/^\.\//, ''));
  for (const f of required) if (!files.includes(f)) fail(`${pkg.name} does not ship ${f}`);

  const allowed = CLOSURE[pkg.name];
  if (!allowed) fail(`${pkg.name} has no dependency-closure allow-list in scripts/check-pack-files.mjs`);
  else {
    const closure = closureOf(join(pkgDir, 'package.json'));
    const names = [...closure.keys()].sort();
    console.log(`  closure: ${names.join(', ') || '(none)'}`);
    for (const name of names) if (!allowed.includes(name)) fail(`${pkg.name} pulls in ${name} (not in its allow-list)`);
    for (const [name, found] of closure) if (!found) fail(`${pkg.name}: dependency ${name} is not installed`);
  }
}

if (failures > 0) {
  console.error(`\n${failures} packaging problem(s)`);
  process.exit(1);
}
console.log('pack files: every package ships exactly the expected shapes');
