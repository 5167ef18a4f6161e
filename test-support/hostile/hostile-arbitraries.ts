/**
 * fast-check arbitraries of hostile input, as {@link HostileSpec} recipes: wrong types, oversized strings,
 * deep nesting, binary, look-alike Unicode and almost-valid values mutated from valid fixtures.
 */
import fc from 'fast-check';
import type { HostileSpec } from './hostile-spec.js';

/** Oversized strings run from 1 MiB to 10 MiB (UTF-16 units). */
export const OVERSIZED_MIN_LENGTH = 1024 * 1024;
/** Upper bound of oversized strings. */
export const OVERSIZED_MAX_LENGTH = 10 * 1024 * 1024;
/** Nesting depth of the deep arrays and objects. */
export const DEEP_NESTING = 10_000;

/** Wraps a clonable value. */
export const val = (v: unknown): HostileSpec => ({ k: 'value', v });

/** Look-alike characters: each maps (by case folding, NFKC or a careless regex) onto ASCII, or hides. */
export const LOOK_ALIKES: Readonly<Record<string, readonly string[]>> = {
  S: ['\u017F', '\uFF33'], // ſ LATIN SMALL LETTER LONG S upper-cases to S; full-width S
  s: ['\u017F'],
  I: ['\u0131', '\u0130', '\uFF29'], // ı dotless i upper-cases to I; İ lower-cases to i̇
  i: ['\u0131'],
  K: ['\u212A', '\uFF2B'], // KELVIN SIGN lower-cases to k
  k: ['\u212A'],
  A: ['\uFF21', '\u0391'], // full-width A, Greek Alpha
  O: ['\uFF2F', '\u041E'], // full-width O, Cyrillic O
  '0': ['\uFF10', '\u0660'], // full-width 0, Arabic-Indic zero
  '1': ['\uFF11', '\u0661'],
  '5': ['\uFF15'],
  '9': ['\uFF19'],
  '-': ['\u2010', '\u2212'],
  ' ': ['\u00A0', '\u2028', '\u3000'],
};

/** Characters that hide, break lines or combine. */
export const INVISIBLES = ['\u200B', '\uFEFF', '\u00A0', '\u2028', '\u2029', '\u0301', '\u0000', '\u202E'];

/** Lone surrogates and other ill-formed UTF-16. */
export const LONE_SURROGATES = ['\uD800', '\uDFFF', '\uDBFF\uDBFF', 'a\uDC00b'];

/** Upper-case ASCII and digits mapped to full-width forms (A→Ａ, 0→０). */
export function fullWidth(text: string): string {
  return text.replace(/[A-Z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** One character of `text` replaced by a look-alike, an invisible inserted, or the whole string full-width. */
export function lookAlike(valid: string): fc.Arbitrary<string> {
  const chars = [...valid];
  const positions = chars.map((c, i) => ({ c, i })).filter(({ c }) => LOOK_ALIKES[c] !== undefined);
  const swaps = positions.length
    ? fc
        .constantFrom(...positions)
        .chain(({ c, i }) => fc.constantFrom(...(LOOK_ALIKES[c] ?? [c])).map((alt) => chars.with(i, alt).join('')))
    : fc.constant(fullWidth(valid));
  const inserts = fc
    .tuple(fc.nat({ max: chars.length }), fc.constantFrom(...INVISIBLES, ...LONE_SURROGATES))
    .map(([i, ch]) => [...chars.slice(0, i), ch, ...chars.slice(i)].join(''));
  return fc.oneof(swaps, inserts, fc.constant(fullWidth(valid)), fc.constant(valid.toLowerCase()));
}

/** Almost-valid strings: one character changed, dropped or doubled, truncated, padded, case-flipped. */
export function mutateString(valid: string): fc.Arbitrary<string> {
  const n = valid.length;
  return fc.oneof(
    fc
      .tuple(fc.nat({ max: Math.max(0, n - 1) }), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }))
      .map(([i, ch]) => valid.slice(0, i) + ch + valid.slice(i + 1)),
    fc.nat({ max: Math.max(0, n - 1) }).map((i) => valid.slice(0, i) + valid.slice(i + 1)),
    fc.nat({ max: Math.max(0, n - 1) }).map((i) => valid.slice(0, i + 1) + valid.slice(i)),
    fc.nat({ max: n }).map((i) => valid.slice(0, i)),
    fc.constantFrom(` ${valid} `, `\t${valid}\n`, `${valid}${valid}`, `${valid}\u0000`, valid.toLowerCase()),
  );
}

/** Wrong types: numbers (NaN, ±Infinity, -0), bigint, booleans, null, undefined, symbols, functions, Dates, containers. */
export const wrongType: fc.Arbitrary<HostileSpec> = fc.oneof(
  fc.constantFrom<HostileSpec>(
    val(undefined),
    val(null),
    val(Number.NaN),
    val(Number.POSITIVE_INFINITY),
    val(Number.NEGATIVE_INFINITY),
    val(-0),
    val(true),
    val(0n),
    val(2n ** 70n),
    val(new Date(Number.NaN)),
    val([]),
    val({}),
    { k: 'symbol' },
    { k: 'function' },
    { k: 'throwing-proxy' },
    { k: 'throwing-getters' },
    { k: 'object', entries: [['__proto__', val({ polluted: true })]] },
    { k: 'object', entries: [['constructor', val({ prototype: { polluted: true } })]] },
  ),
  fc.double().map(val),
  fc.integer().map(val),
  fc.bigInt().map(val),
);

/** Oversized strings: 1–10 MiB of one repeated unit (ASCII, a look-alike, a surrogate pair, a lone surrogate). */
export const oversized: fc.Arbitrary<HostileSpec> = fc.record({
  k: fc.constant('repeat' as const),
  unit: fc.constantFrom('A', '9', '{', '\u017F', '\u{1F600}', '\uD800', 'a,"\n', '**_[x](y)'),
  length: fc.integer({ min: OVERSIZED_MIN_LENGTH, max: OVERSIZED_MAX_LENGTH }),
});

/** 10 000-level nested arrays or objects. */
export const deep: fc.Arbitrary<HostileSpec> = fc.record({
  k: fc.constant('nest' as const),
  depth: fc.constant(DEEP_NESTING),
  shape: fc.constantFrom('array' as const, 'object' as const),
  leaf: fc.constantFrom(val('x'), val(1), val(null)),
});

/** Binary: random bytes, invalid UTF-8, truncated magic numbers, big buffers. */
export const binary: fc.Arbitrary<HostileSpec> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map(val),
  fc.constantFrom(
    val(new Uint8Array([0xff, 0xfe, 0xfd])), // never valid UTF-8
    val(new Uint8Array([0xc0, 0x80])), // overlong NUL
    val(new Uint8Array([0xed, 0xa0, 0x80])), // encoded surrogate
    val(new Uint8Array([0x89, 0x50, 0x4e, 0x47])), // PNG magic, nothing else
    val(new Uint8Array([0xff, 0xd8, 0xff])), // JPEG magic, nothing else
    val(new Uint8Array([0x3c, 0x73, 0x76, 0x67])), // "<svg"
    val(new Uint8Array(0)),
  ),
  fc.record({ k: fc.constant('bytes' as const), length: fc.integer({ min: 1, max: 2_000_000 }), seed: fc.nat() }),
);

/** Short hostile strings: look-alikes, invisibles, lone surrogates, control characters, anything. */
export const weirdString: fc.Arbitrary<HostileSpec> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }).map(val),
  fc.constantFrom(...INVISIBLES, ...LONE_SURROGATES, '', ' ', '__proto__', 'constructor', 'toString').map(val),
  fc
    .array(fc.constantFrom(...Object.values(LOOK_ALIKES).flat(), ...INVISIBLES), { maxLength: 20 })
    .map((a) => val(a.join(''))),
);

/** Almost-valid versions of valid string fixtures: look-alikes and small mutations. */
export function almostValidStrings(valid: readonly string[]): fc.Arbitrary<HostileSpec> {
  if (valid.length === 0) return weirdString;
  return fc.constantFrom(...valid).chain((v) => fc.oneof(lookAlike(v), mutateString(v), fc.constant(v)).map(val));
}

/** Paths of every leaf and object in a plain value (for almost-valid objects). */
export function pathsOf(value: unknown, prefix: readonly string[] = [], out: string[][] = []): string[][] {
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return out;
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, key];
    out.push(path);
    pathsOf(child, path, out);
  }
  return out;
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key];
  return node;
}

/** A short hostile leaf (no megabytes: used inside almost-valid objects). */
const leaf: fc.Arbitrary<HostileSpec> = fc.oneof(wrongType, weirdString, binary);

/**
 * Almost-valid objects: a valid fixture with one field replaced (a wrong type, a look-alike or mutated string,
 * a 1–10 MiB string, deep nesting), or made a throwing getter, or a `__proto__` key added.
 */
export function almostValidObjects(valid: readonly object[]): fc.Arbitrary<HostileSpec> {
  return fc.constantFrom(...valid).chain((fixture) => {
    const target = val(fixture);
    const paths = pathsOf(fixture);
    if (paths.length === 0) return fc.constant(target);
    const path = fc.constantFrom(...paths);
    const replaced = path.chain((p) => {
      const current = valueAt(fixture, p);
      const strings = typeof current === 'string' ? fc.oneof(lookAlike(current), mutateString(current)).map(val) : leaf;
      return fc
        .oneof({ weight: 3, arbitrary: strings }, { weight: 3, arbitrary: leaf }, oversized, deep)
        .map((value): HostileSpec => ({ k: 'at', target, path: p, value }));
    });
    const getter = path.map((p): HostileSpec => ({ k: 'getter-at', target, path: p }));
    const proto = path.map(
      (p): HostileSpec => ({ k: 'at', target, path: [...p.slice(0, -1), '__proto__'], value: val({ polluted: 1 }) }),
    );
    return fc.oneof({ weight: 6, arbitrary: replaced }, getter, proto);
  });
}

/** Fixtures an entry point's subject is mutated from. */
export interface HostileFixtures {
  /** Valid strings (codici fiscali, IBANs, notice numbers…). */
  readonly strings?: readonly string[] | undefined;
  /** Valid objects (notices, messages, options…). */
  readonly objects?: readonly object[] | undefined;
}

/**
 * The hostile subject of an entry point: wrong types, oversized, deep, binary, weird strings and almost-valid
 * mutations of `fixtures` (weighted towards the almost-valid ones, which reach deepest into the code).
 */
export function hostile(fixtures: HostileFixtures = {}): fc.Arbitrary<HostileSpec> {
  const { strings = [], objects = [] } = fixtures;
  const almost: fc.Arbitrary<HostileSpec>[] = [];
  if (strings.length) almost.push(almostValidStrings(strings), fc.constantFrom(...strings).map(val));
  if (objects.length) almost.push(almostValidObjects(objects), fc.constantFrom(...objects).map(val));
  return fc.oneof(
    { weight: 3, arbitrary: wrongType },
    { weight: 1, arbitrary: oversized },
    { weight: 1, arbitrary: deep },
    { weight: 2, arbitrary: binary },
    { weight: 3, arbitrary: weirdString },
    ...almost.map((arbitrary) => ({ weight: 4, arbitrary })),
  );
}

/**
 * A fixed sweep every entry point gets before the random runs, so each hostile class reaches each entry point
 * on every run (random draws alone would leave some pairs out at the run counts the time budget allows).
 */
export const FIXED_HOSTILES: readonly HostileSpec[] = [
  val(undefined),
  val(null),
  val(Number.NaN),
  val(-0),
  val(2n ** 64n),
  { k: 'symbol' },
  { k: 'function' },
  { k: 'throwing-proxy' },
  { k: 'throwing-getters' },
  {
    k: 'object',
    entries: [
      ['__proto__', val({ polluted: true })],
      ['constructor', val('x')],
    ],
  },
  { k: 'repeat', unit: 'A', length: OVERSIZED_MAX_LENGTH },
  { k: 'repeat', unit: '\u017F', length: OVERSIZED_MIN_LENGTH },
  { k: 'nest', depth: DEEP_NESTING, shape: 'array', leaf: val('x') },
  { k: 'nest', depth: DEEP_NESTING, shape: 'object', leaf: val('x') },
  { k: 'bytes', length: 1_000_000, seed: 7 },
  val(new Uint8Array([0xff, 0xfe, 0xc0, 0x80])),
  val('\uD800'),
  val('\u017F\u0131\u212A\uFF21\uFF10\u200B\uFEFF\u00A0\u2028e\u0301'),
];
