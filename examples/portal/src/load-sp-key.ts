// The SP signing key: generated once with createSpCertificate (Avviso 29 v3 certificate) and kept in the
// git-ignored data folder, so the metadata stays the same across restarts. Never commit a private key.
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SigningKey } from '@civico/saml';
import { createSpCertificate } from '@civico/spid';
import type { PortalConfigFile } from './portal-config.js';

/** A certificate closer than this to its end is replaced. */
const RENEW_BEFORE_MS = 7 * 86_400_000;

function isUsable(key: SigningKey, now: Date): boolean {
  try {
    const cert = new X509Certificate(key.certificate);
    // A key file edited by hand that no longer matches its certificate is replaced too.
    return (
      new Date(cert.validTo).getTime() - now.getTime() > RENEW_BEFORE_MS &&
      cert.checkPrivateKey(createPrivateKey(key.privateKey))
    );
  } catch {
    return false;
  }
}

/**
 * Loads the SP key for this configuration from `dataDir`, or creates it (and its certificate) the first
 * time. The file name is derived from what the certificate certifies (entityID, kind, identifier,
 * organization), so changing any of them makes a new key.
 */
export async function loadSpKey(options: {
  readonly config: PortalConfigFile;
  readonly sp: Readonly<Record<string, unknown>>;
  readonly dataDir: string;
  readonly now?: Date;
}): Promise<{ key: SigningKey; file: string; created: boolean }> {
  const { certificate } = options.config;
  const entityId = String(options.sp.entityId);
  const organization = (options.sp.organization ?? {}) as { name?: string; displayName?: string };
  const identity = {
    kind: certificate.kind,
    entityId,
    organizationName: organization.name ?? options.config.comune.name,
    displayName: organization.displayName ?? options.config.comune.name,
    locality: certificate.locality,
    ...(certificate.ipaCode === undefined ? {} : { ipaCode: certificate.ipaCode }),
    ...(certificate.vatNumber === undefined ? {} : { vatNumber: certificate.vatNumber }),
    ...(certificate.fiscalCode === undefined ? {} : { fiscalCode: certificate.fiscalCode }),
  };
  const digest = createHash('sha256')
    .update(JSON.stringify({ ...identity, keyBits: certificate.keyBits }))
    .digest('hex')
    .slice(0, 16);
  const dir = join(options.dataDir, 'keys');
  const file = join(dir, `sp-${digest}.json`);
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as SigningKey;
    if (isUsable(stored, options.now ?? new Date())) return { key: stored, file, created: false };
  } catch {
    // Missing or unreadable: make a new one below.
  }
  const key = await createSpCertificate({
    ...identity,
    ...(certificate.keyBits === undefined ? {} : { keyBits: certificate.keyBits }),
  });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Written under a temporary name and renamed: two portals starting at once never read half a file.
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, JSON.stringify({ privateKey: key.privateKey, certificate: key.certificate }), { mode: 0o600 });
  await rename(temp, file);
  return { key, file, created: true };
}
