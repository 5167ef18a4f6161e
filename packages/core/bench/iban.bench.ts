import { isValidIban } from '@civico/core';
import { isValidIBAN } from 'ibantools';
import { Bench } from 'tinybench';

const COUNT = 100_000;

// Deterministic PRNG (mulberry32), so every run validates the same IBANs.
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = DIGITS + UPPER;
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function pick(random: () => number, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

// Italian CIN over ABI + CAB + account (core.md §3.1), written out here because the bench uses only the public API.
function cin(abiCabAccount: string): string {
  let sum = 0;
  for (let i = 0; i < 22; i++) {
    const c = abiCabAccount.charCodeAt(i);
    const rank = c <= 57 ? c - 48 : c - 65;
    sum += i % 2 === 0 ? (ODD[rank] ?? 0) : rank;
  }
  return UPPER[sum % 26] ?? 'A';
}

function withCheckDigits(country: string, bban: string): string {
  let remainder = 0;
  for (const ch of `${bban}${country}00`) {
    const c = ch.charCodeAt(0);
    remainder = c <= 57 ? (remainder * 10 + c - 48) % 97 : (remainder * 100 + c - 55) % 97;
  }
  return `${country}${String(98 - remainder).padStart(2, '0')}${bban}`;
}

function italianIbans(random: () => number): string[] {
  return Array.from({ length: COUNT }, () => {
    const rest = `${pick(random, DIGITS, 10)}${random() < 0.8 ? pick(random, DIGITS, 12) : pick(random, ALNUM, 12)}`;
    return withCheckDigits('IT', `${cin(rest)}${rest}`);
  });
}

// BBAN layouts without national check digits, so both libraries can accept every generated value.
const LAYOUTS: readonly (readonly [string, readonly (readonly [string, number])[]])[] = [
  ['DE', [[DIGITS, 18]]],
  ['AT', [[DIGITS, 16]]],
  [
    'GB',
    [
      [UPPER, 4],
      [DIGITS, 14],
    ],
  ],
  [
    'CH',
    [
      [DIGITS, 5],
      [ALNUM, 12],
    ],
  ],
  [
    'LU',
    [
      [DIGITS, 3],
      [ALNUM, 13],
    ],
  ],
];

function mixedIbans(random: () => number): string[] {
  const italian = italianIbans(random);
  return italian.map((iban, i) => {
    const layout = LAYOUTS[i % (LAYOUTS.length + 1)];
    if (layout === undefined) return iban;
    return withCheckDigits(layout[0], layout[1].map(([alphabet, n]) => pick(random, alphabet, n)).join(''));
  });
}

function countValid(ibans: readonly string[], check: (iban: string) => boolean): number {
  let valid = 0;
  for (const iban of ibans) if (check(iban)) valid++;
  return valid;
}

async function compare(name: string, ibans: readonly string[]): Promise<void> {
  const bench = new Bench({ name, time: 1000 })
    .add('@civico/core isValidIban', () => {
      countValid(ibans, isValidIban);
    })
    .add('ibantools isValidIBAN', () => {
      countValid(ibans, isValidIBAN);
    });
  await bench.run();
  console.log(`\n${name} (${ibans.length.toLocaleString('en')} IBANs per iteration)`);
  console.table(
    bench.tasks.map((t) => ({
      task: t.name,
      'IBANs/s': t.result.state === 'completed' ? Math.round(t.result.throughput.mean * ibans.length) : 'n/a',
      accepted: countValid(ibans, t.name.startsWith('@civico') ? isValidIban : isValidIBAN),
    })),
  );
  const [ours, ...peers] = bench.tasks;
  for (const t of peers) {
    if (ours?.result.state === 'completed' && t.result.state === 'completed') {
      console.log(`@civico/core vs ${t.name}: ${(ours.result.throughput.mean / t.result.throughput.mean).toFixed(2)}x`);
    }
  }
}

/** IBAN validation: @civico/core against ibantools on 100,000 generated IBANs. */
export async function run(): Promise<void> {
  const random = prng(0x1ba4);
  await compare('IBAN: validate Italian IBANs', italianIbans(random));
  await compare('IBAN: validate mixed-country IBANs', mixedIbans(random));
  // IT40S…: mod 97 passes, CIN wrong (core.md §3.1). Shows what mod-97-only validation lets through.
  const wrongCin = 'IT40S0542811101000000123456';
  console.log(`\nmod-97-valid, CIN-invalid: @civico/core ${isValidIban(wrongCin)}, ibantools ${isValidIBAN(wrongCin)}`);
}
