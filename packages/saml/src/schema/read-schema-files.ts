import { readdir, readFile } from 'node:fs/promises';

/** The virtual URL prefix the bundled XSDs are served under to libxml2. @internal */
export const SCHEMA_URL_PREFIX = 'civico-saml-schemas:/';

// The Avviso 29 and aggregator schemas import xml.xsd from its W3C URL: point them at the bundled copy,
// so nothing is ever fetched and no global resolver has to answer for www.w3.org.
const REMOTE_XML_XSD = /schemaLocation="http:\/\/www\.w3\.org\/2001\/xml\.xsd"/g;

/**
 * The `schemas/` folder: one level above this module in the built package (`dist/index.js`), two
 * levels above it in the sources (`src/schema/*.ts`).
 */
async function findSchemasDir(): Promise<URL> {
  const candidates = [new URL('../schemas/', import.meta.url), new URL('../../schemas/', import.meta.url)];
  for (const dir of candidates) {
    try {
      await readFile(new URL('saml-schema-protocol-2.0.xsd', dir));
      return dir;
    } catch {
      // not this layout; try the next one
    }
  }
  throw new Error('the schemas folder of @civico/saml was not found next to the module');
}

/**
 * Reads every bundled XSD (`schemas/*.xsd`, `schemas/cie/*.xsd`) into memory, keyed by its virtual
 * URL. @internal
 */
export async function readSchemaFiles(): Promise<Record<string, Uint8Array>> {
  const root = await findSchemasDir();
  const files: Record<string, Uint8Array> = {};
  const encoder = new TextEncoder();
  for (const folder of ['', 'cie/']) {
    const dir = new URL(folder, root);
    for (const name of await readdir(dir)) {
      if (!name.endsWith('.xsd')) continue;
      const text = (await readFile(new URL(name, dir), 'utf8')).replace(REMOTE_XML_XSD, 'schemaLocation="xml.xsd"');
      files[`${SCHEMA_URL_PREFIX}${folder}${name}`] = encoder.encode(text);
    }
  }
  return files;
}
