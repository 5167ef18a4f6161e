// Codice fiscale: validation and full decode against codice-fiscale-js and @marketto/codice-fiscale-utils,
// on the same 100,000 generated codes. Imports '@civico/core' by name: build first (`npx tsup`).

import { createRequire } from 'node:module';
import {
  computeFiscalCode,
  decodeFiscalCode,
  isValidFiscalCode,
  listMunicipalities,
  omocodiaVariants,
} from '@civico/core';
import { CheckDigitizer } from '@marketto/codice-fiscale-utils';
import { Bench } from 'tinybench';

// codice-fiscale-js's types declare a default export, but the CommonJS module exports `{ CodiceFiscale }`.
interface CodiceFiscaleJs {
  check(code: string): boolean;
  new (code: string): { birthplace: { nome: string } };
}
const { CodiceFiscale } = createRequire(import.meta.url)('codice-fiscale-js') as { CodiceFiscale: CodiceFiscaleJs };

const COUNT = 100_000;
const SURNAMES = [
  'Rossi',
  'Russo',
  'Ferrari',
  'Esposito',
  'Bianchi',
  'Romano',
  'Colombo',
  'Ricci',
  'Marino',
  'Greco',
  'Bruno',
  'Gallo',
  'Conti',
  'De Luca',
  'Mancini',
  'Costa',
  'Giordano',
  'Rizzo',
  'Lombardi',
  'Moretti',
  'Fò',
  'Ai',
  "D'Acunto",
];
const NAMES = [
  'Mario',
  'Giuseppe',
  'Giovanni',
  'Antonio',
  'Francesco',
  'Luca',
  'Marco',
  'Alessandro',
  'Maria',
  'Anna',
  'Giulia',
  'Francesca',
  'Sara',
  'Laura',
  'Chiara',
  'Paola',
  'Elena',
  'Ugo',
  'Ania',
];
const FOREIGN = ['Z330', 'Z110', 'Z112', 'Z114', 'Z129', 'Z404', 'Z600', 'Z210', 'Z100', 'Z138'];

/** Seeded PRNG (mulberry32), so every run uses the same codes. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const iso = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** 100,000 valid codes: births 1935–2019 in comuni valid at birth (10% abroad), ~9.5% omocodes. */
export function generateCodes(count = COUNT): string[] {
  const random = prng(20_260_101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const first = dayOf('1935-01-01');
  const last = dayOf('2019-12-31');
  const intervals = listMunicipalities()
    .map((m): [string, number, number] => [
      m.belfiore,
      Math.max(first, dayOf(m.validFrom)),
      Math.min(last, m.validTo === null ? last : dayOf(m.validTo)),
    ])
    .filter(([, from, to]) => from <= to);
  const codes: string[] = [];
  while (codes.length < count) {
    const abroad = random() < 0.1;
    const [place, from, to] = abroad ? [pick(FOREIGN), first, last] : pick(intervals);
    const code = computeFiscalCode({
      surname: pick(SURNAMES),
      name: pick(NAMES),
      sex: random() < 0.5 ? 'M' : 'F',
      birthDate: iso(from + Math.floor(random() * (to - from + 1))),
      birthPlace: place,
    });
    // AdE substitutes from the right; a few codes use other subsets.
    const r = random();
    const mask = r < 0.905 ? 0 : r < 0.99 ? [1, 3, 7][Math.floor(random() * 3)] : 1 + Math.floor(random() * 127);
    codes.push(mask === 0 ? code : (omocodiaVariants(code)[mask ?? 0] ?? code));
  }
  return codes;
}

// Each task iteration handles BATCH codes, so the timer's own overhead (~100 ns a call) does not
// swamp functions that take tens of nanoseconds; codes/s = iterations/s × BATCH.
const BATCH = 1000;

function report(bench: Bench): void {
  console.log(`\n${bench.name}`);
  const rows: Record<string, { 'codes/s': string; '±%': string; samples: number }> = {};
  for (const t of bench.tasks) {
    if (t.result.state !== 'completed') continue;
    rows[t.name] = {
      'codes/s': Math.round(t.result.throughput.mean * BATCH).toLocaleString('en-US'),
      '±%': t.result.throughput.rme.toFixed(1),
      samples: t.result.throughput.samplesCount,
    };
  }
  console.table(rows);
  const [ours, ...peers] = bench.tasks;
  for (const peer of peers) {
    if (ours?.result.state === 'completed' && peer.result.state === 'completed') {
      const ratio = ours.result.throughput.mean / peer.result.throughput.mean;
      console.log(`  ${ours.name} vs ${peer.name}: ${ratio.toFixed(1)}x`);
    }
  }
}

/** Runs the codice fiscale benchmarks and prints tables and ratios. */
export async function run(): Promise<void> {
  const codes = generateCodes();
  const n = codes.length;
  const accepted = (f: (s: string) => boolean) => codes.filter(f).length;
  console.log(
    `fiscal code: ${n} codes; accepted by @civico/core ${accepted(isValidFiscalCode)}, ` +
      `codice-fiscale-js ${accepted((s) => CodiceFiscale.check(s))}, ` +
      `@marketto ${accepted((s) => CheckDigitizer.checkDigit(s) === s[15])}`,
  );

  let i = 0;
  let sink = 0;
  // Runs f on the next BATCH codes, cycling through all of them.
  const batch = (f: (code: string) => void) => () => {
    for (let k = 0; k < BATCH; k++) {
      i = i + 1 === n ? 0 : i + 1;
      f(codes[i] ?? '');
    }
  };
  const validate = new Bench({ name: 'fiscal code: validate', time: 1500 })
    .add(
      '@civico/core isValidFiscalCode',
      batch((s) => {
        if (isValidFiscalCode(s)) sink++;
      }),
    )
    .add(
      'codice-fiscale-js CodiceFiscale.check',
      batch((s) => {
        if (CodiceFiscale.check(s)) sink++;
      }),
    )
    .add(
      '@marketto CheckDigitizer.checkDigit',
      batch((s) => {
        if (CheckDigitizer.checkDigit(s) === s[15]) sink++;
      }),
    );
  await validate.run();
  report(validate);

  const decode = new Bench({ name: 'fiscal code: decode with birthplace', time: 3000 })
    .add(
      '@civico/core decodeFiscalCode',
      batch((s) => {
        sink += decodeFiscalCode(s, { referenceDate: '2025-01-01' }).birthDate.length;
      }),
    )
    .add(
      'codice-fiscale-js new CodiceFiscale',
      batch((s) => {
        try {
          sink += new CodiceFiscale(s).birthplace.nome.length;
        } catch {
          sink--;
        }
      }),
    );
  await decode.run();
  report(decode);
  if (sink === 0) console.log('(nothing accepted)');
}
