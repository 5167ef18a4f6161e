// One reliability round: N idempotent creates through the GPD client against a faulty sandbox, with a
// fixed number in flight, and what the sandbox holds afterwards.
import type { DebtPosition, DebtPositionInput } from '../src/gpd/debt-position.js';
import type { GpdClient } from '../src/index.js';
import { singlePosition } from './contract-fixtures.js';

/** What became of one create. */
export type CreateOutcome =
  | { readonly index: number; readonly iupd: string; readonly ok: true; readonly position: DebtPosition }
  | { readonly index: number; readonly iupd: string; readonly ok: false; readonly error: unknown };

/** Runs `tasks` with at most `concurrency` in flight; results in task order. */
export async function pool<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}

/** The input of create number `index` of a round starting at IUV sequence `firstSeq`. */
export function roundInput(firstSeq: number, index: number): DebtPositionInput {
  return singlePosition(firstSeq + index, { amountCents: 1_000 + index });
}

/**
 * Creates `count` positions (IUV sequence `firstSeq + i`; every other one with `publish`), never
 * throwing: each create's outcome is recorded.
 */
export function createMany(
  client: GpdClient,
  count: number,
  concurrency: number,
  firstSeq: number,
): Promise<CreateOutcome[]> {
  return pool(count, concurrency, async (index): Promise<CreateOutcome> => {
    const input = roundInput(firstSeq, index);
    try {
      const position = await client.createPosition(input, { publish: index % 2 === 1 });
      return { index, iupd: input.iupd, ok: true, position };
    } catch (error) {
      return { index, iupd: input.iupd, ok: false, error };
    }
  });
}

/** A short, data-free description of a failed create for an assertion message. */
export function describeFailure(outcome: CreateOutcome): string {
  if (outcome.ok) return `${outcome.iupd}: ok`;
  const e = outcome.error as { code?: unknown; rule?: unknown; outcome?: unknown; status?: unknown; message?: unknown };
  return `${outcome.iupd}: ${String(e?.code)} rule=${String(e?.rule)} outcome=${String(e?.outcome)} status=${String(e?.status)} ${String(e?.message)}`;
}
