/**
 * Hostile logo bytes for notice rendering: SVGs that are huge, deeply nested, entity bombs or with absurd
 * sizes; PNG and JPEG headers that claim gigantic images; truncated and random files.
 */
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { binary, val } from './hostile-arbitraries.js';
import type { HostileSpec } from './hostile-spec.js';

const enc = new TextEncoder();
const SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">';

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(enc.encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A PNG whose header claims `width × height` pixels, followed by a small bogus IDAT. */
export function claimedPng(width: number, height: number): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', new Uint8Array([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    pngChunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A JPEG whose SOF0 claims `width × height`, then ends. */
export function claimedJpeg(width: number, height: number): Uint8Array {
  return new Uint8Array([
    0xff,
    0xd8,
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
    0x01,
    0x22,
    0x00,
    0x02,
    0x11,
    0x01,
    0x03,
    0x11,
    0x01,
    0xff,
    0xd9,
  ]);
}

/** Hostile SVG documents (as text). */
export const HOSTILE_SVGS: readonly string[] = [
  `${SVG_OPEN}${'<g>'.repeat(10_000)}<rect width="10" height="10"/>${'</g>'.repeat(10_000)}</svg>`,
  `${SVG_OPEN}${'<rect x="1" y="1" width="1" height="1"/>'.repeat(50_000)}</svg>`,
  `${SVG_OPEN}<path d="M0 0${' L1 1 L2 0'.repeat(100_000)}"/></svg>`,
  `<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>${SVG_OPEN}<text>&e;&e;&e;&e;</text></svg>`,
  '<svg xmlns="http://www.w3.org/2000/svg" width="1e308" height="1e308" viewBox="0 0 1e308 1e308"><circle r="1e308"/></svg>',
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 0 0" width="NaN"><rect width="-1" height="Infinity"/></svg>',
  `${SVG_OPEN}<image href="file:///etc/passwd" width="10" height="10"/><use href="#a"/><g id="a"><use href="#a"/></g></svg>`,
  `${SVG_OPEN}<style>${'*{fill:red}'.repeat(20_000)}</style></svg>`,
  `${SVG_OPEN}<text>${'\u017F\u0131\u200B\uD800'.repeat(1000)}</text></svg>`,
  '<svg',
  `${SVG_OPEN}<linearGradient id="g">${'<stop offset="0.5"/>'.repeat(20_000)}</linearGradient><rect fill="url(#g)" width="9" height="9"/></svg>`,
];

/** Hostile logo bytes: SVGs above, gigantic PNG/JPEG claims, random and truncated bytes. */
export const hostileLogo: fc.Arbitrary<HostileSpec> = fc.oneof(
  fc.constantFrom(...HOSTILE_SVGS).map((s) => val(enc.encode(s))),
  fc
    .tuple(fc.constantFrom(1, 65_535, 100_000, 2 ** 31 - 1, 2 ** 32 - 1), fc.constantFrom(1, 65_535, 2 ** 31 - 1))
    .map(([w, h]) => val(claimedPng(w, h))),
  fc.tuple(fc.constantFrom(0, 1, 65_535), fc.constantFrom(0, 1, 65_535)).map(([w, h]) => val(claimedJpeg(w, h))),
  binary,
);
