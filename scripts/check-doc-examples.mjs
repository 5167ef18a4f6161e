#!/usr/bin/env node
// Checks the documentation against the code, so what a reader copies works:
// - every ```ts block in TSDoc comments (packages/*/src), docs/*.md and the package READMEs
//   type-checks against the real API (docs/contributing.md);
// - the ```ts runnable blocks of one Markdown file are one story: concatenated in order, they
//   type-check as one program and then run (on the built packages, as a user's code would), and
//   must exit 0 within a minute;
// - every relative link in the Markdown files points to a file that exists, and every #anchor to
//   a heading of that file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

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
    const open = line.match(/^\s*```(ts|typescript)(\s+runnable)?\s*$/);
    if (current === null && open) current = { start: i + 1, body: [], runnable: Boolean(open[2]) };
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
const markdown = [
  join(root, 'README.md'),
  ...sources.filter((s) => !s.comment).map((s) => s.f),
  ...readdirSync(join(root, 'examples')).map((e) => join(root, 'examples', e, 'README.md')),
].filter((f) => {
  try {
    return statSync(f).isFile();
  } catch {
    return false;
  }
});

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes, repeats numbered. */
function anchorsOf(file) {
  const seen = new Map();
  const anchors = new Set();
  let fenced = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const m = !fenced && line.match(/^#{1,6}\s+(.*?)\s*#*\s*$/);
    if (!m) continue;
    const base = m[1]
      .replace(/`/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

// Each Markdown file's headings are read once, however many links point into it.
const anchorCache = new Map();
const anchorsFor = (file) => {
  if (!anchorCache.has(file)) anchorCache.set(file, anchorsOf(file));
  return anchorCache.get(file);
};

const linkProblems = [];
for (const f of markdown) {
  const lines = readFileSync(f, 'utf8').split('\n');
  let fenced = false;
  lines.forEach((line, i) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced) return;
    for (const m of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const [path, anchor] = target.split('#');
      const file = path ? resolve(dirname(f), decodeURIComponent(path)) : f;
      const where = `${relative(root, f)}:${i + 1}`;
      let exists = false;
      try {
        const stat = statSync(file);
        exists = stat.isFile() || stat.isDirectory();
      } catch {}
      if (!exists) linkProblems.push(`${where}: broken link ${target}`);
      else if (anchor && file.endsWith('.md') && !anchorsFor(file).has(anchor))
        linkProblems.push(`${where}: no heading for #${anchor} in ${relative(root, file)}`);
    }
  });
}
if (linkProblems.length > 0) {
  for (const p of linkProblems) console.error(p);
  console.error(`doc links: ${linkProblems.length} broken`);
  process.exit(1);
}
console.log(`doc links: every relative link in ${markdown.length} Markdown files resolves`);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const map = new Map();
const stories = [];
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
    const story = [];
    for (const b of blocks(text, false)) {
      if (b.runnable) {
        story.push(b);
        continue;
      }
      const name = `example-${++n}.ts`;
      writeFileSync(join(out, name), `${b.body.join('\n')}\nexport {};\n`);
      map.set(name, `${relative(root, f)}:${b.start + 1}`);
    }
    if (story.length > 0) {
      // One file per story; a line map turns a story line back into the Markdown line.
      const name = `story-${++n}.ts`;
      const lineMap = [];
      const body = [];
      for (const b of story) {
        b.body.forEach((line, k) => {
          lineMap.push(b.start + 1 + k);
          body.push(line);
        });
      }
      writeFileSync(join(out, name), `${body.join('\n')}\nexport {};\n`);
      map.set(name, { file: relative(root, f), lineMap });
      stories.push({ name, file: relative(root, f), blocks: story.length });
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
    const m = line.match(/((?:example|story)-\d+\.ts)\((\d+),\d+\): (.*)/);
    const at = m && map.get(m[1]);
    if (!m) console.error(line);
    else if (typeof at === 'string') console.error(`${at} (+${Number(m[2]) - 1}): ${m[3]}`);
    else console.error(`${at.file}:${at.lineMap[Number(m[2]) - 1] ?? '?'}: ${m[3]}`);
  }
  console.error(`doc examples: type errors in ${n} blocks`);
  process.exit(1);
}

// Run each story on the built packages (the gate builds before this step), as a reader would.
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs');
for (const { name, file, blocks: count } of stories) {
  try {
    execFileSync(process.execPath, ['--import', pathToFileURL(tsx).href, join(out, name)], {
      cwd: out,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    console.log(`doc examples: ${file} runs as written (${count} runnable blocks)`);
  } catch (error) {
    console.error(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    console.error(`doc examples: ${file} does not run as written${error.signal ? ` (${error.signal})` : ''}`);
    process.exit(1);
  }
}
