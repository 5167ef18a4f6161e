import { parseXml } from '@civico/saml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SpidFormInput, SpidLogin } from '../src/sp/service-provider.js';
import { baselineResponse, createTestStore, outcome, startLogin, validate } from './support/response-fixtures.js';

type Doc = ReturnType<typeof parseXml>;
type El = NonNullable<Doc['documentElement']>;

/** One random change to a valid signed Response. Indexes pick elements/attributes modulo their count. */
type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'attribute'; readonly el: number; readonly attr: number; readonly value: string }
  | { readonly kind: 'text'; readonly el: number; readonly value: string }
  | { readonly kind: 'remove'; readonly el: number }
  | { readonly kind: 'duplicate'; readonly el: number }
  | { readonly kind: 'move'; readonly el: number; readonly to: number; readonly first: boolean };

const index = fc.nat({ max: 10_000 });
const value = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' ', '2.0', '1.0', 'https://localhost:8443', 'urn:oasis:names:tc:SAML:2.0:status:Success'),
  fc.constantFrom('2026-06-01T10:00:00Z', '2099-01-01T00:00:00Z', 'https://www.spid.gov.it/SpidL3', 'TINIT-X'),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: index, bit: fc.nat({ max: 7 }) }),
  fc.record({ kind: fc.constant('attribute' as const), el: index, attr: index, value }),
  fc.record({ kind: fc.constant('text' as const), el: index, value }),
  fc.record({ kind: fc.constant('remove' as const), el: index }),
  fc.record({ kind: fc.constant('duplicate' as const), el: index }),
  fc.record({ kind: fc.constant('move' as const), el: index, to: index, first: fc.boolean() }),
);

function elements(doc: Doc): El[] {
  return Array.from(doc.getElementsByTagName('*')) as El[];
}

function contains(ancestor: El, node: El): boolean {
  for (let n: El | null = node; n !== null; n = n.parentNode as El | null) if (n === ancestor) return true;
  return false;
}

/** The mutated document as UTF-8 bytes. */
function mutate(xml: string, m: Mutation): Buffer {
  if (m.kind === 'flip') {
    const bytes = Buffer.from(xml, 'utf8');
    const at = m.at % bytes.length;
    bytes[at] = (bytes[at] as number) ^ (1 << m.bit);
    return bytes;
  }
  const doc = parseXml(xml);
  const all = elements(doc);
  const el = all[m.el % all.length] as El;
  if (m.kind === 'attribute') {
    const attrs = Array.from(el.attributes);
    const target = attrs.length === 0 ? undefined : attrs[m.attr % attrs.length];
    if (target === undefined) el.setAttribute('Extra', m.value);
    else target.value = m.value;
  } else if (m.kind === 'text') {
    while (el.firstChild !== null && el.firstChild.nodeType !== 1) el.removeChild(el.firstChild);
    el.insertBefore(doc.createTextNode(m.value), el.firstChild);
  } else if (el !== doc.documentElement) {
    const parent = el.parentNode as El;
    if (m.kind === 'remove') parent.removeChild(el);
    else if (m.kind === 'duplicate') parent.insertBefore(el.cloneNode(true), el.nextSibling);
    else {
      const to = all[m.to % all.length] as El;
      if (!contains(el, to)) to.insertBefore(el, m.first ? to.firstChild : null);
    }
  }
  return Buffer.from(doc.toString(), 'utf8');
}

function form(bytes: Buffer, relayState: string): SpidFormInput {
  return { SAMLResponse: bytes.toString('base64'), RelayState: relayState };
}

async function setup(signResponse: boolean) {
  const store = createTestStore();
  const login = await startLogin(store);
  const json = (await store.get(`req:${login.pending.id}`)) as string;
  const xml = baselineResponse(login, { sign: { response: signResponse, assertion: true } });
  const original = await validate(store, login, xml);
  /** Validates `bytes` as the answer to the same, freshly pending request. */
  const check = async (bytes: Buffer) => {
    const fresh = createTestStore();
    await fresh.set(`req:${login.pending.id}`, json, 60_000);
    return outcome(validate(fresh, login, xml, { store: fresh, form: form(bytes, login.pending.relayState) }));
  };
  return { xml, original, check };
}

// The citizen's data must never appear in an error message.
function personalValues(login: SpidLogin): string[] {
  return Object.values(login.user.attributes).filter((v) => v.length >= 4);
}

describe('validateSamlResponse() on random mutations of a valid signed Response', () => {
  // Neutral = accepted with a SpidLogin deep-equal to the original one: the change touched nothing the
  // application receives (e.g. KeyInfo, which is never used, or an unsigned Response's own ID or
  // IssueInstant within the window). Any other acceptance is a failure.
  for (const signResponse of [true, false]) {
    it(`accepts a mutation only when it is semantically neutral (Response ${signResponse ? 'and Assertion signed' : 'unsigned, Assertion signed'})`, async () => {
      const { xml, original, check } = await setup(signResponse);
      const secrets = personalValues(original);
      expect(secrets.length).toBeGreaterThan(3);
      let accepted = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          const bytes = mutate(xml, m);
          const result = await check(bytes);
          if (result.ok) {
            accepted++;
            expect(result.login).toEqual(original);
            return;
          }
          refused++;
          expect([400, 403]).toContain(result.status);
          expect(result.code).toMatch(/^ERR_SPID_/);
          for (const secret of secrets) expect(result.message).not.toContain(secret);
        }),
        { seed: signResponse ? 20261203 : 20261204, numRuns: 250 },
      );
      // The property saw both outcomes: most mutations are refused, some neutral ones pass.
      expect(refused).toBeGreaterThan(150);
      expect(accepted + refused).toBe(250);
    }, 60_000);
  }

  it('accepts the unmutated document re-serialized (the baseline of the property is sound)', async () => {
    const { xml, original, check } = await setup(true);
    const result = await check(Buffer.from(parseXml(xml).toString(), 'utf8'));
    expect(result.ok && result.login).toEqual(original);
  });
});
