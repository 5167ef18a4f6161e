import type { SandboxProfile } from './sandbox-store.js';
import { syntheticFiscalCode } from './synthetic-fiscal-code.js';

/**
 * The `demo` seed: synthetic citizens covering every pre-check case.
 *
 * @remarks
 * Indexes 0–7 are on IO and accept messages, 8–9 blocked the service (`sender_allowed: false`);
 * indexes from 10 up are not on IO (404). Codes come from {@link syntheticFiscalCode}, so
 * `syntheticFiscalCode(0)` is an accepting citizen and `syntheticFiscalCode(10)` has no profile.
 * The test code `AAAAAA00A00A000A` of the IO docs is also on IO.
 *
 * @returns the profiles
 * @example
 * ```ts
 * import { createIoSandbox, demoProfiles } from '@civico/io/sandbox';
 * const sandbox = await createIoSandbox({ profiles: demoProfiles() });
 * await sandbox.close();
 * ```
 * @group Sandbox
 */
export function demoProfiles(): SandboxProfile[] {
  const profiles: SandboxProfile[] = [
    { fiscalCode: 'AAAAAA00A00A000A', senderAllowed: true, preferredLanguages: ['it_IT'] },
  ];
  for (let i = 0; i < 10; i++) {
    profiles.push({
      fiscalCode: syntheticFiscalCode(i),
      senderAllowed: i < 8,
      preferredLanguages: i % 2 === 0 ? ['it_IT'] : ['en_GB', 'it_IT'],
    });
  }
  return profiles;
}
