// Helpers for reliability.test.ts: a recipients file, the child runner and ledger checks.
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { SandboxLedgerEntry, SandboxProfile } from '../src/sandbox/index.js';
import { syntheticFiscalCode } from '../src/sandbox/index.js';

const CHILD = fileURLToPath(new URL('./bulk-child.ts', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Recipient i: on IO unless i % 10 === 7 (no profile); blocked the service when i % 10 === 8. */
export function population(count: number): { profiles: SandboxProfile[]; eligible: Set<string>; all: string[] } {
  const profiles: SandboxProfile[] = [];
  const eligible = new Set<string>();
  const all: string[] = [];
  for (let i = 0; i < count; i++) {
    const fc = syntheticFiscalCode(i);
    all.push(fc);
    if (i % 10 === 7) continue;
    profiles.push({ fiscalCode: fc, senderAllowed: i % 10 !== 8 });
    if (i % 10 !== 8) eligible.add(fc);
  }
  return { profiles, eligible, all };
}

/** Writes the recipients CSV (`;`, BOM, a quoted field) and returns its path. */
export function writeRecipients(path: string, fiscalCodes: readonly string[]): string {
  const rows = ['\uFEFFcodice_fiscale;nome;anno'];
  fiscalCodes.forEach((fc, i) => {
    rows.push(`${fc};"Cittadino; n. ${i}";2025`);
  });
  writeFileSync(path, `${rows.join('\r\n')}\r\n`);
  return path;
}

/**
 * Bundles the child script once (sources through the `@civico/source` condition), so each of the
 * many restarts costs a plain `node` start instead of a TypeScript loader start.
 */
export async function bundleChild(dir: string): Promise<string> {
  const outfile = join(dir, 'bulk-child.mjs');
  await build({
    entryPoints: [CHILD],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@civico/source'],
    absWorkingDir: PACKAGE_DIR,
    logLevel: 'silent',
  });
  return outfile;
}

/** Starts one bulk run in a child process (the same command every time). */
export function startChild(script: string, config: Record<string, unknown>): ChildProcess {
  return spawn(process.execPath, [script, JSON.stringify(config)], {
    cwd: PACKAGE_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves with the exit code (or the signal name) of a child. */
export function exited(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
}

/** How many stored messages each fiscal code has in the sandbox ledger. */
export function countByCitizen(ledger: readonly SandboxLedgerEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of ledger) counts.set(e.fiscalCode, (counts.get(e.fiscalCode) ?? 0) + 1);
  return counts;
}

/** Fiscal codes whose ledger count differs from the expected one (1 if eligible, else 0). */
export function exactlyOnceViolations(
  all: readonly string[],
  eligible: ReadonlySet<string>,
  counts: Map<string, number>,
): string[] {
  return all.filter((fc) => (counts.get(fc) ?? 0) !== (eligible.has(fc) ? 1 : 0));
}

/** A small deterministic PRNG (mulberry32), so fault injection is reproducible from the seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
