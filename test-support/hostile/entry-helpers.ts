// Table helpers shared by the packages' hostile-input tables: one entry per function, two per zod schema.
import type fc from 'fast-check';
import type { z } from 'zod';
import { entry, type HostileEntryPoint, isBoolean, withSecond } from './entry-point.js';
import { hostile } from './hostile-arbitraries.js';
import type { HostileSpec } from './hostile-spec.js';

type Arb = fc.Arbitrary<HostileSpec>;

/** Entries for `Schema.parse` (may throw only a ZodError) and `Schema.safeParse` (never throws). */
export function schemaEntries<M>(
  name: keyof M & `${string}Schema`,
  strings: readonly string[],
  objects: readonly object[] = [],
): HostileEntryPoint<M>[] {
  const subject = hostile({ strings, objects });
  const get = (m: M) => m[name] as unknown as z.ZodType;
  return [
    entry<M>({ name: `${name}.parse`, covers: name, subject, kind: 'zod-parse', call: (m, [v]) => get(m).parse(v) }),
    entry<M>({
      name: `${name}.safeParse`,
      covers: name,
      subject,
      kind: 'total',
      call: (m, [v]) => get(m).safeParse(v),
      check: (r) => (typeof (r as { success?: unknown }).success === 'boolean' ? undefined : 'no success flag'),
    }),
  ];
}

/** The entry of an exported function; `isValidX` must also answer a boolean. */
export function functionEntry<M>(
  name: keyof M & string,
  subject: Arb,
  options: { second?: Arb; total?: boolean; extra?: Partial<HostileEntryPoint<M>> } = {},
): HostileEntryPoint<M> {
  return entry<M>({
    name,
    covers: name,
    subject,
    ...(options.second ? { args: withSecond(options.second) } : {}),
    ...(options.total ? { kind: 'total' as const } : {}),
    ...(name.startsWith('isValid') ? { check: isBoolean } : {}),
    call: (m, args) => (m[name] as (...a: unknown[]) => unknown)(...args),
    ...options.extra,
  });
}
