// The sandbox's receipts validated against the public paForNode.xsd (pagopa/pagopa-api, wsdl/xsd),
// read from beside the checkout like the OpenAPI specs of the contract tests. libxml2-wasm is the
// validator @civico/saml uses.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReceiptXml } from '../src/sandbox/receipts-xml.js';
import { IN_CI, specPath } from './contract-specs.js';
import { OTHER_ORG, option, position, transfer } from './sandbox-pay-fixtures.js';

const DIR = dirname(specPath('receipts'));
const XSD = join(DIR, 'paForNode.xsd');
const COMMON = join(DIR, 'sac-common-types-1.0.xsd');
const present = existsSync(XSD) && existsSync(COMMON);

/** A validator of paForNode.xsd whose `../../xsd-common/` import is served from memory. */
async function loadValidator() {
  const lx = await import('libxml2-wasm');
  const url = 'civico-pagopa-xsd:/wsdl/xsd/paForNode.xsd';
  const files: Record<string, Uint8Array> = {
    [url]: readFileSync(XSD),
    'civico-pagopa-xsd:/xsd-common/sac-common-types-1.0.xsd': readFileSync(COMMON),
  };
  lx.xmlRegisterInputProvider(new lx.XmlBufferInputProvider(files));
  const xsd = lx.XmlDocument.fromBuffer(files[url] as Uint8Array, { url });
  const validator = lx.XsdValidator.fromDoc(xsd);
  return (xml: string): string | undefined => {
    const doc = lx.XmlDocument.fromString(xml);
    try {
      validator.validate(doc);
      return undefined;
    } catch (err) {
      return (err as Error).message;
    } finally {
      doc.dispose();
    }
  };
}

if (!present) {
  describe('buildReceiptXml() against paForNode.xsd (schema missing)', () => {
    it('fails in CI and is a notice elsewhere', () => {
      expect(IN_CI, 'CI=true requires paForNode.xsd beside the OpenAPI specs').toBe(false);
    });
  });
}

describe.runIf(present)('buildReceiptXml() against paForNode.xsd', () => {
  const base = {
    receiptId: '202603010000000001',
    pspId: '88888888888',
    pspName: 'PSP 88888888888',
    paidAt: new Date('2026-03-01T10:00:00.123Z'),
  };

  it('is valid for a single-transfer option with a minimal debtor', async () => {
    const validate = await loadValidator();
    const o = option('01000000000000123', [transfer(1, 15000)]);
    const { streetName, civicNumber, postalCode, city, province, country, email, officeName, ...rest } = position(
      'IUPD-1',
      [o],
    );
    const xml = buildReceiptXml({ ...base, position: rest, option: o, amountCents: 15000, transferAmounts: [15000] });
    expect(validate(xml)).toBeUndefined();
    // The validator is not vacuous: an amount without its two decimals is refused.
    expect(validate(xml.replace('<paymentAmount>150.00<', '<paymentAmount>150<'))).toMatch(/paymentAmount/);
  });

  it('is valid with five transfers, a stamp, metadata and a full debtor', async () => {
    const validate = await loadValidator();
    const meta = [{ key: 'anno', value: '2026' }];
    const o = option(
      '01000000000000456',
      [
        transfer(1, 100, { transferMetadata: meta }),
        transfer(2, 200, { organizationFiscalCode: OTHER_ORG, companyName: 'Regione' }),
        transfer(3, 300),
        transfer(4, 400),
        transfer(5, 1600, {
          iban: undefined,
          stamp: { hashDocument: 'aGFzaA==', stampType: '01', provincialResidence: 'RM' },
        }),
      ],
      { paymentOptionMetadata: meta },
    );
    const xml = buildReceiptXml({
      ...base,
      position: position('IUPD-2', [o]),
      option: o,
      amountCents: 2600,
      transferAmounts: [100, 200, 300, 400, 1600],
    });
    expect(validate(xml)).toBeUndefined();
  });
});
