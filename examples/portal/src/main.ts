// `npm run portal` from the repository root (it builds the packages first), or `npm start` here.
// Environment: PORT (default 3000; 0 picks one), SPID_SP_CONFIG (the configuration JSON, default
// config/local.json), SPID_EXTRA_IDP_METADATA (comma-separated metadata URLs or files of more IdPs to trust),
// PORTAL_PUBLIC_URL (the URL the portal is reached at, behind a TLS proxy), HOST (interface, default 127.0.0.1).
import { existsSync } from 'node:fs';
import { parseExtraIdpMetadata } from './load-idps.js';
import { DEFAULT_CONFIG_FILE, startPortal } from './start-portal.js';

if (existsSync('.env')) process.loadEnvFile('.env');
const port = Number(process.env.PORT || 3000);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`portal: PORT=${process.env.PORT} is not a port number`);
  process.exit(1);
}

let portal: Awaited<ReturnType<typeof startPortal>>;
try {
  portal = await startPortal({
    configFile: process.env.SPID_SP_CONFIG || DEFAULT_CONFIG_FILE,
    port,
    host: process.env.HOST || undefined,
    publicUrl: process.env.PORTAL_PUBLIC_URL || undefined,
    extraIdpMetadata: parseExtraIdpMetadata(process.env.SPID_EXTRA_IDP_METADATA),
  });
} catch (err) {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') console.error(`portal: port ${port} is already in use; set PORT (0 picks a free one)`);
  else {
    // SpidError and PortalConfigError name the configuration field at fault, never its value.
    const field = (err as { field?: unknown }).field;
    const where = typeof field === 'string' ? ` (field ${field})` : '';
    console.error(`portal: cannot start: ${err instanceof Error ? err.message : String(err)}${where}`);
  }
  process.exit(1);
}

console.log(`Portale del comune (${portal.profile}): ${portal.url}/`);
console.log(`  SP metadata:            ${portal.metadataUrl}`);
if (portal.testIdps.spid !== undefined) console.log(`  test IdP (SPID):        ${portal.testIdps.spid.url}/`);
if (portal.testIdps.cie !== undefined) console.log(`  test IdP (CIE):         ${portal.testIdps.cie.url}/`);
console.log(`  trusted IdPs:           ${portal.sp.listIdps().length}`);
if (portal.testIdps.spid !== undefined) console.log('  test users: mario.rossi, giulia.bianchi, … (password: test)');
console.log('Press Ctrl-C to stop.');

const stop = (): void => void portal.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
