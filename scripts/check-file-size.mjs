#!/usr/bin/env node
// Reports source files over 400 lines and fails when a package's median non-test file reaches
// 150 lines (docs/contributing.md, "Rules that CI enforces"). Generated tables (*.generated.ts) are exempt.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const LARGE = 400;
const MEDIAN_LIMIT = 150;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

let failed = false;
for (const pkg of readdirSync(join(root, 'packages'))) {
  let files;
  try {
    files = walk(join(root, 'packages', pkg, 'src'));
  } catch {
    continue;
  }
  const sizes = files
    .filter((f) => /\.tsx?$/.test(f) && !/\.test(-d)?\.ts$/.test(f) && !f.endsWith('.generated.ts'))
    .map((f) => ({ f, lines: readFileSync(f, 'utf8').split('\n').length }))
    .sort((a, b) => a.lines - b.lines);
  if (sizes.length === 0) continue;
  const mid = Math.floor(sizes.length / 2);
  const median = sizes.length % 2 ? sizes[mid].lines : (sizes[mid - 1].lines + sizes[mid].lines) / 2;
  const large = sizes.filter((s) => s.lines > LARGE);
  console.log(`${pkg}: ${sizes.length} files, median ${median} lines${large.length ? `, over ${LARGE}:` : ''}`);
  for (const s of large) console.log(`  ${relative(root, s.f)} (${s.lines})`);
  if (median >= MEDIAN_LIMIT) {
    console.error(`${pkg}: median file size ${median} reaches ${MEDIAN_LIMIT}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
