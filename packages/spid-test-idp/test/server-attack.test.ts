import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestIdp, type TestIdp } from '../src/index.js';
import { buildAuthnRequestXml, buildPostFields, buildSpMetadataXml } from './support/sp-fixtures.js';

// Attacks on the test IdP's HTTP surface. Anyone can get a fresh signed AuthnRequest from an SP
// (the SP hands one to every visitor) and replay it; exclusive c14n leaves comments out of the
// signed bytes, so bulk can be added inside the request without breaking its signature.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let idp: TestIdp;
beforeAll(async () => {
  idp = await createTestIdp({ port: 0, serviceProviders: [buildSpMetadataXml()] });
});
afterAll(async () => {
  await idp.close();
});

function heapMiB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

describe('createTestIdp() under replayed, padded AuthnRequests', () => {
  it('keeps no unsigned bulk per waiting login (the request text is not stored)', async () => {
    const padding = `<!--${'a'.repeat(170 * 1024)}-->`;
    const xml = buildAuthnRequestXml({ destination: idp.ssoUrl, issueInstant: new Date() });
    const fields = buildPostFields(xml, {
      afterSign: (signed) => signed.replace('</samlp:AuthnRequest>', `${padding}</samlp:AuthnRequest>`),
    });
    const body = new URLSearchParams({ SAMLRequest: fields.samlRequest, RelayState: 'r1' }).toString();
    const send = () =>
      fetch(idp.ssoUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const firstAnswer = await send();
    expect(firstAnswer.status).toBe(200); // the padded request passes: it is genuinely signed
    await firstAnswer.text();
    const before = heapMiB();
    const statuses = new Set<number>();
    for (let i = 0; i < 120; i++) {
      const answer = await send();
      statuses.add(answer.status);
      const page = await answer.text();
      if (i === 0) expect(page).toContain('nr11');
    }
    const grown = heapMiB() - before;
    // Every replay of the same signed request is refused (nr11, HTTP 403) and pins nothing; before
    // the replay check each kept a waiting login, and before the first fix 170 KiB of comment each
    // (~20 MiB in all).
    expect([...statuses]).toEqual([403]);
    expect(grown).toBeLessThan(8);
  });
});
