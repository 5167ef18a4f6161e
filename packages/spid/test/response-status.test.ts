import { describe, expect, it } from 'vitest';
import { getSpidUserMessage, SPID_USER_MESSAGES } from '../src/data/user-messages.js';
import type { SpidError } from '../src/errors.js';
import { baselineResponse, createTestStore, outcome, startLogin, validate } from './support/response-fixtures.js';

type Code = NonNullable<NonNullable<Parameters<typeof baselineResponse>[1]>['status']>['code'];

async function errorFor(code: Code, session?: string) {
  const store = createTestStore();
  const login = await startLogin(store);
  const xml = baselineResponse(login, { status: { code } });
  const result = await outcome(validate(store, login, xml, session === undefined ? {} : { session }));
  expect(result.ok).toBe(false);
  return { error: (result as { error: SpidError }).error, store, login };
}

describe('validateSamlResponse() on IdP error Responses (SPID error table, nr19–nr30)', () => {
  it.each(Object.keys(SPID_USER_MESSAGES))('gives %s its code and its own citizen message', async (code) => {
    const { error } = await errorFor(code as Code);
    expect(error).toMatchObject({
      code: 'ERR_SPID_IDP_ERROR',
      status: 403,
      reason: 'response.status',
      idpErrorCode: code,
    });
    expect(error.userMessage).toEqual(SPID_USER_MESSAGES[code as keyof typeof SPID_USER_MESSAGES]);
  });

  it('reads a cancellation as nr25', async () => {
    const { error } = await errorFor('cancelled');
    expect(error.idpErrorCode).toBe('nr25');
  });

  it('gives request errors (nr08…nr18) their code and the generic message', async () => {
    for (const code of ['nr08', 'nr09', 'nr12', 'nr18'] as const) {
      const { error } = await errorFor(code);
      expect(error).toMatchObject({ code: 'ERR_SPID_IDP_ERROR', idpErrorCode: code });
      expect(error.userMessage).toEqual(getSpidUserMessage('generic'));
    }
  });

  it('leaves the request pending and remembers nothing (an unsigned error grants and consumes nothing)', async () => {
    const { store, login } = await errorFor('nr22');
    expect(await store.get(`req:${login.pending.id}`)).toBeDefined();
    expect(store.adds).toEqual([]);
  });

  it('reports no IdP error for a Response posted in another session: the request is unknown there', async () => {
    const { error } = await errorFor('nr19', 'session-b');
    expect(error).toMatchObject({ code: 'ERR_SPID_REQUEST_UNKNOWN', reason: 'request.session' });
    expect(error.idpErrorCode).toBeUndefined();
  });

  it('parses the code leniently from StatusMessage and ignores anything else in it', async () => {
    const store = createTestStore();
    const login = await startLogin(store);
    const base = baselineResponse(login, { status: { code: 'nr20' } });
    const variants: [string, string | undefined][] = [
      ['ErrorCode nr020', 'nr20'],
      ['errorcode NR20 - credenziali', 'nr20'],
      ['Autenticazione fallita', undefined],
    ];
    for (const [message, expected] of variants) {
      const xml = base.replace(
        /<samlp:StatusMessage>[^<]*<\/samlp:StatusMessage>/,
        `<samlp:StatusMessage>${message}</samlp:StatusMessage>`,
      );
      expect(xml).toContain(message);
      const result = await outcome(validate(store, login, xml));
      const error = (result as { error: SpidError }).error;
      expect(error.idpErrorCode).toBe(expected);
      expect(error.message).not.toContain(message);
    }
  });
});
