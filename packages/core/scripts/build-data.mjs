#!/usr/bin/env node
// Compiles the ANPR archive of comuni and the foreign-state list into the compact, committed
// module src/territory/territory-data.generated.ts, so the package needs no data at run time.
// Run from packages/core: `npm run data:build -w @civico/core`.
// Inputs (overridable): ../../../shared/data/ANPR_archivio_comuni.csv, ../../../shared/data/stati-esteri.json
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = process.env.CIVICO_DATA_DIR ?? resolve(here, '../../../../shared/data');
const out = resolve(here, '../src/territory/territory-data.generated.ts');

// Base-64 fixed-width numbers over the printable range '0' (48) … 'o' (111): decoded with charCodeAt.
const BASE = 64;
const ZERO = 48;
const enc = (n, width) => {
  if (!Number.isInteger(n) || n < 0 || n >= BASE ** width) throw new Error(`cannot encode ${n} in ${width}`);
  let s = '';
  for (let i = 0; i < width; i++) {
    s = String.fromCharCode(ZERO + (n % BASE)) + s;
    n = Math.floor(n / BASE);
  }
  return s;
};

const DAY_MS = 86_400_000;
const dayNumber = (iso) => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
};
// Day numbers are stored relative to 1861-01-01; OPEN marks an interval without an end.
const EPOCH = dayNumber('1861-01-01');
const OPEN = BASE ** 3 - 1;
const PLACE_LETTERS = 'ABCDEFGHILM';

// ANPR CSV: UTF-8 with BOM, CRLF, every field quoted except ID and ID_PROVINCIA, no embedded commas.
const csv = readFileSync(resolve(dataDir, 'ANPR_archivio_comuni.csv'), 'utf8').replace(/^\uFEFF/, '');
const [headerLine, ...lines] = csv.split(/\r?\n/).filter((l) => l.length > 0);
const header = headerLine.split(',').map((h) => h.replace(/"/g, ''));
const col = (name) => {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`missing column ${name}`);
  return i;
};
const C = {
  from: col('DATAISTITUZIONE'),
  to: col('DATACESSAZIONE'),
  istat: col('CODISTAT'),
  code: col('CODCATASTALE'),
  name: col('DENOMINAZIONE_IT'),
  alt: col('ALTRADENOMINAZIONE'),
  provIstat: col('IDPROVINCIAISTAT'),
  region: col('IDREGIONE'),
  sigla: col('SIGLAPROVINCIA'),
};

const rows = [];
for (const line of lines) {
  const f = line.split(',').map((v) => v.replace(/^"|"$/g, ''));
  const code = f[C.code];
  if (code === 'ND') continue; // historic comuni without a Belfiore code cannot appear in a codice fiscale
  const letter = PLACE_LETTERS.indexOf(code[0]);
  if (letter < 0 || !/^[A-Z][0-9]{3}$/.test(code)) throw new Error(`unexpected code ${code}`);
  const to = f[C.to] === '9999-12-31' ? OPEN : dayNumber(f[C.to]) - EPOCH;
  rows.push({
    slot: letter * 1000 + Number(code.slice(1)),
    from: dayNumber(f[C.from]) - EPOCH,
    to,
    istat: Number(f[C.istat]),
    name: f[C.name],
    alt: f[C.alt],
    prov: `${f[C.sigla]},${f[C.provIstat]},${f[C.region]}`,
  });
}
rows.sort((a, b) => a.slot - b.slot || a.from - b.from);

// Merge contiguous intervals of one code that differ in nothing we keep.
const merged = [];
for (const r of rows) {
  const prev = merged.at(-1);
  const same =
    prev &&
    prev.slot === r.slot &&
    prev.to !== OPEN &&
    prev.to + 1 === r.from &&
    prev.name === r.name &&
    prev.alt === r.alt &&
    prev.prov === r.prov &&
    prev.istat === r.istat;
  if (same) prev.to = r.to;
  else merged.push({ ...r });
}

// Same folding as src/territory/normalize-place-name.ts (a test checks they agree), done here so the
// runtime never folds the 10,000 archive names.
const SPECIAL = { ß: 'SS', ẞ: 'SS', Æ: 'AE', Œ: 'OE', Ø: 'O', Ł: 'L', Đ: 'D', Þ: 'TH' };
const fold = (name) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[ßẞÆŒØŁĐÞ]/g, (c) => SPECIAL[c] ?? c)
    .replace(/['’`´.\-/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const names = [...new Set(merged.flatMap((r) => (r.alt ? [r.name, r.alt] : [r.name])))].sort();
const nameId = new Map(names.map((n, i) => [n, i + 1])); // 0 = no alternative name
const provinces = [...new Set(merged.map((r) => r.prov))].sort();
const provId = new Map(provinces.map((p, i) => [p, i]));
for (const n of names) if (n.includes('|')) throw new Error(`separator in name ${n}`);

let records = '';
for (const r of merged) {
  records +=
    enc(r.slot, 3) +
    enc(r.from, 3) +
    enc(r.to, 3) +
    enc(nameId.get(r.name), 3) +
    enc(r.alt ? nameId.get(r.alt) : 0, 3) +
    enc(provId.get(r.prov), 2) +
    enc(r.istat, 4);
}

// Foreign states: fix the mis-encoded Vaticano name, drop blank ISO codes, UK → GB (ISO 3166-1).
const states = JSON.parse(readFileSync(resolve(dataDir, 'stati-esteri.json'), 'utf8'));
const stateRows = states
  .map((s) => {
    const name = s.name.replace('Ã\u00a0', 'à');
    const iso = s.iso.trim() === 'UK' ? 'GB' : s.iso.trim();
    const to = s.to.startsWith('9999') ? '' : s.to.slice(0, 10);
    for (const v of [name, iso]) if (/[|;]/.test(v)) throw new Error(`separator in ${v}`);
    return `${s.code};${name};${iso};${to}`;
  })
  .sort();

const header1 = `// Generated by packages/core/scripts/build-data.mjs — do not edit; run \`npm run data:build -w @civico/core\`.
//
// Contains data from the ANPR archive of Italian municipalities (ANPR_archivio_comuni.csv, update
// of 16 May 2023), © Ministero dell'Interno – Anagrafe Nazionale della Popolazione Residente,
// licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), from
// https://github.com/italia/anpr/tree/master/src/archivi . Contains foreign-state codes from Istat
// (lists of foreign territorial units and of ceased states), CC BY 3.0 IT or later
// (https://www.istat.it/en/legal-notice), as compiled in @marketto/belfiore-connector-embedded
// (MIT). Changes: converted to a compact interval index, contiguous records merged, rows without
// a Belfiore code dropped, one mis-encoded name corrected, empty ISO codes removed, UK → GB.
//
// Layout: MUNICIPALITY_RECORDS is ${merged.length} fixed-width records of 21 base-64 digits
// ('0' = 0 … 'o' = 63): slot(3) from(3) to(3) name(3) altName(3) province(2) istat(4); slot =
// letterIndex(ABCDEFGHILM) × 1000 + number; days since 1861-01-01, ${OPEN} = still valid.
`;
const body = `${header1}
/** @internal Day number (days since 1970-01-01) of day 0 in the records. */
export const RECORD_EPOCH = ${EPOCH};
/** @internal Marker of an open interval. */
export const RECORD_OPEN = ${OPEN};
/** @internal Number of records. */
export const RECORD_COUNT = ${merged.length};
/** @internal Names, '|'-separated; record name ids are 1-based. */
export const MUNICIPALITY_NAMES = ${JSON.stringify(names.join('|'))};
/** @internal Folded names that differ from the name, as 'nameId:folded', '|'-separated. */
export const FOLDED_NAMES = ${JSON.stringify(
  names
    .map((n, i) => [i + 1, fold(n), n])
    .filter(([, f, n]) => f !== n)
    .map(([id, f]) => `${id}:${f}`)
    .join('|'),
)};
/** @internal Provinces as 'sigla,istat,region', '|'-separated. */
export const PROVINCE_ROWS = ${JSON.stringify(provinces.join('|'))};
/** @internal Packed municipality records. */
export const MUNICIPALITY_RECORDS = ${JSON.stringify(records)};
/** @internal Foreign states as 'code;name;iso;lastDay', '|'-separated. */
export const FOREIGN_STATE_ROWS = ${JSON.stringify(stateRows.join('|'))};
`;
writeFileSync(out, body);
process.stdout.write(
  `wrote ${out}: ${rows.length} rows → ${merged.length} intervals, ${names.length} names, ` +
    `${provinces.length} provinces, ${stateRows.length} foreign states, ${body.length} bytes\n`,
);
