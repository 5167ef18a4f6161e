#!/usr/bin/env node
// Type-checks every ```ts block in TSDoc comments (packages/*/src) and in docs/*.md and the
// package READMEs, so documented examples compile against the real API (STYLE §7).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'node_modules', '.cache', 'doc-examples');

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function blocks(text, stripComment) {
  const lines = text.split('\n').map((l) => (stripComment ? l.replace(/^\s*\*\s?/, '') : l));
  const found = [];
  let current = null;
  lines.forEach((line, i) => {
    if (current === null && /^\s*```(ts|typescript)\s*$/.test(line)) current = { start: i + 1, body: [] };
    else if (current !== null && /^\s*```\s*$/.test(line)) {
      found.push(current);
      current = null;
    } else if (current !== null) current.body.push(line);
  });
  return found;
}

const sources = [];
for (const pkg of readdirSync(join(root, 'packages'))) {
  const src = join(root, 'packages', pkg, 'src');
  try {
    for (const f of walk(src)) if (f.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(f)) sources.push({ f, comment: true });
  } catch {}
  try {
    statSync(join(root, 'packages', pkg, 'README.md'));
    sources.push({ f: join(root, 'packages', pkg, 'README.md'), comment: false });
  } catch {}
}
for (const f of readdirSync(join(root, 'docs')))
  if (f.endsWith('.md')) sources.push({ f: join(root, 'docs', f), comment: false });

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const map = new Map();
let n = 0;
for (const { f, comment } of sources) {
  const text = readFileSync(f, 'utf8');
  if (comment) {
    for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
      const offset = text.slice(0, m.index).split('\n').length - 1;
      for (const b of blocks(m[0], true)) {
        const name = `example-${++n}.ts`;
        writeFileSync(join(out, name), `${b.body.join('\n')}\nexport {};\n`);
        map.set(name, `${relative(root, f)}:${offset + b.start + 1}`);
      }
    }
  } else {
    for (const b of blocks(text, false)) {
      const name = `example-${++n}.ts`;
      writeFileSync(join(out, name), `${b.body.join('\n')}\nexport {};\n`);
      map.set(name, `${relative(root, f)}:${b.start + 1}`);
    }
  }
}
writeFileSync(
  join(out, 'tsconfig.json'),
  JSON.stringify({
    extends: '../../../tsconfig.base.json',
    compilerOptions: { noUnusedLocals: false, noUnusedParameters: false, types: ['node'] },
    include: ['*.ts'],
  }),
);
writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'module', private: true }));
try {
  execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', out, '--noEmit', '--pretty', 'false'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  console.log(`doc examples: ${n} blocks type-check`);
} catch (error) {
  const text = `${error.stdout ?? ''}${error.stderr ?? ''}`;
  for (const line of text.split('\n').filter(Boolean)) {
    const m = line.match(/(example-\d+\.ts)\((\d+),\d+\): (.*)/);
    console.error(m ? `${map.get(m[1])} (+${Number(m[2]) - 1}): ${m[3]}` : line);
  }
  console.error(`doc examples: type errors in ${n} blocks`);
  process.exit(1);
}
