#!/usr/bin/env node
// Packs every public package, installs the tarballs together into a temporary project, then
// loads every `exports` sub-path with import() and require() on Node 20 (this machine) and on
// Node 22 and 24 taken from the npm registry's `node` package, and runs every bin with --version.
// Catches top-level await, a missing dist, broken exports paths and unrequirable dependencies, and
// (USES) calls that need files shipped beside the code, such as the SAML schemas.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const NODE_LINES = (process.env.CIVICO_SMOKE_NODES ?? '22,24').split(',').filter(Boolean);

function run(cmd, args, cwd, opts = {}) {
  return execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
}

// Beyond loading: a call per package that needs files shipped beside its code (schemas, WebAssembly).
const USES = {
  // The packed platform side end to end on the packed GPD sandbox: a debt position created and
  // published, paid, its reporting flow read back through FdR (the streaming reader of the JSON file
  // too) and reconciled; a cart answered with its Location.
  '@civico/pagopa': `const { createGpdClient, createFdrClient, createCheckoutClient, readReportingFlow, reconcile } = await import('@civico/pagopa');
    const { createGpdSandbox } = await import('@civico/pagopa/sandbox');
    const sandbox = await createGpdSandbox({ apiKeys: ['smoke-key'] });
    try {
      const target = { baseUrl: sandbox.url, apiKey: 'smoke-key' };
      const org = '01199250158';
      const gpd = createGpdClient({ ...target, organizationFiscalCode: org });
      const transfer = { idTransfer: 1, amountCents: 1050, category: '0101101IM', remittanceInformation: 'TARI', iban: 'IT60X0542811101000000123456' };
      const position = await gpd.createPosition({ iupd: org + '-smoke-1', debtor: { type: 'F', fiscalCode: 'RSSMRA85T10A562S', fullName: 'Mario Rossi' },
        companyName: 'Comune', switchToExpired: false, paymentOptions: [{ iuv: '01260000000000101', amountCents: 1050, description: 'TARI',
        dueDate: '2099-12-31', isPartialPayment: false, transfers: [transfer] }] }, { publish: true });
      if (position.status !== 'VALID') throw new Error('not published: ' + position.status);
      const nav = position.paymentOptions[0].nav;
      await sandbox.pay({ organizationFiscalCode: org, nav });
      const [header] = await sandbox.publishFlows({ organizationFiscalCode: org });
      const flow = await createFdrClient({ ...target, organizationFiscalCode: org }).readFlow({ flowId: header.flowId, revision: 1, pspId: header.pspId });
      const report = await reconcile([flow], [await gpd.getPosition(org + '-smoke-1')], { organizationFiscalCode: org });
      if (report.paid.length !== 1 || report.totals.reportedCents !== 1050) throw new Error('not reconciled');
      const file = await fetch(sandbox.url + '/sandbox/flows/' + header.flowId + '.json');
      const read = await readReportingFlow(file.body);
      let lines = 0;
      for await (const line of read.payments) lines += line.amountCents === 1050 ? 1 : 0;
      if (lines !== 1) throw new Error('flow file not read');
      const cart = await createCheckoutClient(target).createCart({ paymentNotices: [{ noticeNumber: nav, fiscalCode: org, amountCents: 1050,
        companyName: 'Comune', description: 'TARI' }], returnUrls: { returnOkUrl: 'https://e.it/ok', returnCancelUrl: 'https://e.it/ko', returnErrorUrl: 'https://e.it/err' } });
      if (!cart.url.startsWith(sandbox.url + '/c/')) throw new Error('no cart Location');
    } finally { await sandbox.close(); }`,
  '@civico/saml': `const { validateSchema } = await import('@civico/saml');
    await validateSchema('<samlp:LogoutResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_a" Version="2.0" IssueInstant="2026-01-01T00:00:00Z"><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:LogoutResponse>', 'protocol');`,
  // The packed SP end to end as far as no IdP is needed: an Avviso 29 certificate, the signed metadata,
  // a signed AuthnRequest on HTTP-Redirect stored in the memory store, and a forged Response refused
  // by the schema step (which loads the shipped XSDs through @civico/saml).
  '@civico/spid': `const { createSpCertificate, createServiceProvider, SpidError } = await import('@civico/spid');
    const base = 'https://servizi.comune.example.it';
    const entityId = base + '/spid';
    const key = await createSpCertificate({ kind: 'public', entityId, organizationName: 'Comune di Forlì',
      displayName: 'Comune di Forlì', ipaCode: 'c_d704', locality: 'Forlì', keyBits: 2048 });
    const idp = { entityId: 'https://idp.example.it', name: 'IdP', certificates: [key.certificate],
      sso: { redirect: { url: 'https://idp.example.it/sso' } }, slo: {} };
    const sp = createServiceProvider({ entityId, key, acsUrls: [base + '/spid/acs'], sloUrl: base + '/spid/slo',
      attributeConsumingServices: [{ serviceName: 'Servizi online', attributes: ['fiscalNumber'] }],
      organization: { name: 'Comune di Forlì', displayName: 'Comune di Forlì', url: base + '/' },
      contacts: { other: { ipaCode: 'c_d704', email: 'spid@comune.example.it' } }, idps: [idp], audit: false });
    if (!sp.getMetadata().includes('<ds:Signature')) throw new Error('metadata not signed');
    const login = await sp.createLoginRequest({ idp: idp.entityId, session: 'smoke-session', level: 2 });
    if (!login.url.startsWith('https://idp.example.it/sso?SAMLRequest=')) throw new Error('no redirect');
    const form = { SAMLResponse: Buffer.from('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>').toString('base64'), RelayState: login.relayState };
    const refused = await sp.validateResponse({ form, session: 'smoke-session' }).then(() => undefined, (e) => e);
    if (!SpidError.isInstance(refused) || refused.status !== 400) throw new Error('forged Response not refused: ' + refused);`,
};

const packages = readdirSync(join(root, 'packages'))
  .map((dir) => ({
    dir: join(root, 'packages', dir),
    pkg: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')),
  }))
  .filter(({ pkg }) => !pkg.private);

const work = mkdtempSync(join(tmpdir(), 'civico-smoke-'));
try {
  const tarballs = [];
  for (const { dir, pkg } of packages) {
    const out = run('npm', ['pack', '--silent', '--pack-destination', work], dir).trim().split('\n').pop();
    tarballs.push(join(work, out));
    console.log(`packed ${pkg.name}@${pkg.version}`);
  }
  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'smoke', private: true, version: '0.0.0' }));
  const nodes = NODE_LINES.map((line) => `node${line}@npm:node@${line}`);
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      'zod@^4',
      'express@^5',
      'fastify@^5',
      ...tarballs,
      ...nodes,
    ],
    app,
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );

  const runtimes = [{ name: `node ${process.version}`, bin: process.execPath }];
  for (const line of NODE_LINES) {
    const bin = join(app, 'node_modules', `node${line}`, 'bin', 'node');
    runtimes.push({ name: `node ${run(bin, ['--version'], app).trim()}`, bin });
  }

  let checks = 0;
  for (const { pkg } of packages) {
    const ids = Object.keys(pkg.exports ?? {})
      .filter((k) => k !== './package.json')
      .map((k) => (k === '.' ? pkg.name : `${pkg.name}/${k.slice(2)}`));
    for (const rt of runtimes) {
      for (const id of ids) {
        const check = `if (Object.keys(m).length === 0) throw new Error('empty: ${id}')`;
        run(rt.bin, ['--input-type=module', '-e', `const m = await import('${id}'); ${check}`], app);
        run(rt.bin, ['-e', `const m = require('${id}'); ${check}`], app);
        checks += 2;
      }
      if (USES[pkg.name]) {
        run(rt.bin, ['--input-type=module', '-e', USES[pkg.name]], app);
        checks += 1;
      }
      for (const [name, rel] of Object.entries(pkg.bin ?? {})) {
        const out = run(rt.bin, [join(app, 'node_modules', pkg.name, rel), '--version'], app).trim();
        if (!out.includes(pkg.version)) throw new Error(`${name} --version printed "${out}"`);
        checks += 1;
      }
    }
    console.log(`ok ${pkg.name}: ${ids.join(', ')} on ${runtimes.map((r) => r.name).join(', ')}`);
  }
  console.log(`smoke-pack: ${checks} checks passed`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
