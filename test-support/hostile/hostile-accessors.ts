/**
 * Throwing accessors at every path of valid fixtures: a getter that throws, or a Proxy whose traps all throw,
 * put in place of each field in turn. Random almost-valid mutations reach only some paths at the run counts
 * the time budget allows; this sweep reaches each one, so an options reader that touches a field unguarded
 * (a bare `instanceof`, a spread, a read after validation) is found on every run.
 */
import fc from 'fast-check';
import { hostile, pathsOf, val } from './hostile-arbitraries.js';
import type { HostileSpec } from './hostile-spec.js';

/** Every fixture with a throwing getter, or a throwing Proxy, at one of its paths. */
export function accessorSweep(objects: readonly object[]): fc.Arbitrary<HostileSpec> {
  const specs: HostileSpec[] = [];
  for (const fixture of objects) {
    const target = val(fixture);
    for (const path of pathsOf(fixture)) {
      specs.push({ k: 'getter-at', target, path }, { k: 'at', target, path, value: { k: 'throwing-proxy' } });
    }
  }
  return specs.length ? fc.constantFrom(...specs) : hostile();
}

/** {@link hostile} around `objects`, plus the {@link accessorSweep} of them (weighted to come up often). */
export function hostileOptions(objects: readonly object[]): fc.Arbitrary<HostileSpec> {
  return fc.oneof({ weight: 2, arbitrary: hostile({ objects }) }, { weight: 1, arbitrary: accessorSweep(objects) });
}
