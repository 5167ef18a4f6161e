import { buildLogoutRequest as buildIdpLogoutRequest } from '@civico/spid-test-idp';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { SpidError } from '../src/errors.js';
import type { LogoutMessage } from '../src/logout/logout-message.js';
import { readLogoutMessage } from '../src/logout/read-logout-message.js';
import type { SpidIncomingMessage } from '../src/sp/service-provider.js';
import {
  getTestKeys,
  IDP,
  SP_SLO_URL,
  type TestKeys,
  toPostForm,
  toRedirectQuery,
} from './support/request-fixtures.js';

const SEED = 1010;
let keys: TestKeys;
beforeAll(async () => {
  keys = await getTestKeys();
});

function idpRequest(signed: boolean): string {
  return buildIdpLogoutRequest({
    issuer: IDP.entityId,
    destination: SP_SLO_URL,
    nameId: '_transient-1',
    nameQualifier: IDP.entityId,
    sessionIndex: '_s1',
    id: '_idp-req-1',
    ...(signed ? { key: keys.idp } : {}),
  });
}

const FIELDS = ['id', 'issuer', 'destination', 'nameId', 'nameQualifier', 'sessionIndex', 'issueInstant'] as const;

function fieldsOf(m: LogoutMessage): Record<string, unknown> {
  return Object.fromEntries(FIELDS.map((f) => [f, m[f]]));
}

/** Reads `input`; a refusal must be a SpidError with 400 or 403, an acceptance must read the original fields. */
async function accepted(input: SpidIncomingMessage): Promise<LogoutMessage | undefined> {
  try {
    return await readLogoutMessage(input, { certificates: [keys.idp.certificate], expect: 'LogoutRequest' });
  } catch (err) {
    expect(SpidError.isInstance(err)).toBe(true);
    expect([400, 403]).toContain((err as SpidError).status);
    return undefined;
  }
}

const mutation = fc.record({
  at: fc.nat(),
  char: fc.constantFrom('a', 'Z', '0', '_', '<', '>', '"', '&', ' ', '=', '/', '%', '+', '\u00e9'),
  mode: fc.constantFrom('replace', 'insert', 'delete'),
});

function mutate(text: string, m: { at: number; char: string; mode: string }): string {
  const i = m.at % text.length;
  if (m.mode === 'delete') return text.slice(0, i) + text.slice(i + 1);
  if (m.mode === 'insert') return text.slice(0, i) + m.char + text.slice(i);
  return text.slice(0, i) + m.char + text.slice(i + 1);
}

describe('readLogoutMessage under random mutations (fast-check)', () => {
  it('a mutated signed POST message is refused with 400/403, or read with the original values', async () => {
    const xml = idpRequest(true);
    const original = fieldsOf(
      (await accepted({ method: 'POST', form: toPostForm(xml, 'SAMLRequest') })) as LogoutMessage,
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const changed = mutate(xml, m);
        const read = await accepted({ method: 'POST', form: toPostForm(changed, 'SAMLRequest') });
        if (read !== undefined) expect(fieldsOf(read)).toEqual(original);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('a mutated signed Redirect query is refused with 400/403, or read with the original values', async () => {
    const query = toRedirectQuery(idpRequest(false), 'SAMLRequest', keys.idp, 'rs1');
    const original = fieldsOf((await accepted({ method: 'GET', query })) as LogoutMessage);
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const read = await accepted({ method: 'GET', query: mutate(query, m) });
        if (read !== undefined) {
          expect(fieldsOf(read)).toEqual(original);
          expect(read.relayState).toBe('rs1');
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
