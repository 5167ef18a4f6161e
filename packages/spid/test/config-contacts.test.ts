import { describe, expect, it } from 'vitest';
import type { SpProfile } from '../src/data/spid-types.js';
import { readServiceProviderConfig } from '../src/index.js';
import { expectConfigError } from './support/config-errors.js';
import { makeSpConfig } from './support/sp-config.js';

/** makeSpConfig(profile) with its contacts edited. */
function withContacts(
  profile: SpProfile,
  edit: (contacts: Record<string, Record<string, unknown> | undefined>) => void,
): unknown {
  const config = makeSpConfig(profile);
  const contacts = structuredClone(config.contacts) as Record<string, Record<string, unknown> | undefined>;
  edit(contacts);
  return { ...config, contacts };
}

const drop = (o: Record<string, unknown> | undefined, key: string): void => {
  if (o !== undefined) delete o[key];
};

describe('readServiceProviderConfig() SPID contact rules', () => {
  it('requires contacts.other', () => {
    expectConfigError(
      withContacts('spid-sp-public', (c) => drop(c, 'other')),
      'contacts.other',
    );
  });

  it('requires contacts.other.ipaCode for a public SP', () => {
    expectConfigError(
      withContacts('spid-sp-public', (c) => drop(c.other, 'ipaCode')),
      'contacts.other.ipaCode',
    );
    expectConfigError(
      withContacts('spid-sp-op-public-full', (c) => drop(c.other, 'ipaCode')),
      'contacts.other.ipaCode',
    );
  });

  it('refuses an IPA code for a private SP', () => {
    expectConfigError(
      withContacts('spid-sp-private', (c) => Object.assign(c.other ?? {}, { ipaCode: 'c_h501' })),
      'contacts.other.ipaCode',
    );
  });

  it('requires a VAT number or fiscal code for a private SP (field contacts.other.vatNumber)', () => {
    expectConfigError(
      withContacts('spid-sp-private', (c) => drop(c.other, 'vatNumber')),
      'contacts.other.vatNumber',
    );
    const fiscal = withContacts('spid-sp-private', (c) => {
      drop(c.other, 'vatNumber');
      Object.assign(c.other ?? {}, { fiscalCode: '12345678903' });
    });
    expect(readServiceProviderConfig(fiscal).contacts.other?.fiscalCode).toBe('12345678903');
  });

  it('requires the billing contact of a private SP, and refuses it for a public one', () => {
    expectConfigError(
      withContacts('spid-sp-private', (c) => drop(c, 'billing')),
      'contacts.billing',
    );
    expectConfigError(
      withContacts('spid-sp-ag-private-lite', (c) => drop(c, 'billing')),
      'contacts.billing',
    );
    expectConfigError(
      withContacts('spid-sp-public', (c) =>
        Object.assign(c, { billing: makeSpConfig('spid-sp-private').contacts.billing }),
      ),
      'contacts.billing',
    );
  });

  it('requires the invoiced subject to have a VAT number or a fiscal code', () => {
    expectConfigError(
      withContacts('spid-sp-private', (c) => drop(c.billing, 'vatNumber')),
      'contacts.billing.vatNumber',
    );
  });

  it('requires name, or firstName and lastName, not both', () => {
    expectConfigError(
      withContacts('spid-sp-private', (c) => drop(c.billing, 'name')),
      'contacts.billing.name',
    );
    expectConfigError(
      withContacts('spid-sp-private', (c) => Object.assign(c.billing ?? {}, { firstName: 'Maria' })),
      'contacts.billing.name',
    );
    const person = withContacts('spid-sp-private', (c) => {
      drop(c.billing, 'name');
      Object.assign(c.billing ?? {}, { firstName: 'Maria', lastName: 'Rossi', fiscalCode: 'RSSMRA85T10A562S' });
    });
    expect(readServiceProviderConfig(person).contacts.billing?.lastName).toBe('Rossi');
  });

  it('checks the FatturaPA address fields', () => {
    const address = (edit: Record<string, unknown>) =>
      withContacts('spid-sp-private', (c) => Object.assign((c.billing?.address ?? {}) as object, edit));
    expectConfigError(address({ postalCode: '0010' }), 'contacts.billing.address.postalCode');
    expectConfigError(address({ province: 'Roma' }), 'contacts.billing.address.province');
    expectConfigError(address({ street: 'Via 中' }), 'contacts.billing.address.street');
    expectConfigError(address({ municipality: 'x'.repeat(61) }), 'contacts.billing.address.municipality');
    expectConfigError(address({ number: '123456789' }), 'contacts.billing.address.number');
  });

  it('requires the aggregator contact for the Avviso 19 profiles, and only there', () => {
    expectConfigError(
      withContacts('spid-sp-ag-public-full', (c) => drop(c, 'aggregator')),
      'contacts.aggregator',
    );
    expectConfigError(
      withContacts('spid-sp-public', (c) =>
        Object.assign(c, { aggregator: makeSpConfig('spid-sp-ag-public-full').contacts.aggregator }),
      ),
      'contacts.aggregator',
    );
  });

  it('requires the aggregator VAT number or fiscal code', () => {
    expectConfigError(
      withContacts('spid-sp-op-public-lite', (c) => {
        drop(c.aggregator, 'vatNumber');
        drop(c.aggregator, 'fiscalCode');
      }),
      'contacts.aggregator.vatNumber',
    );
    expectConfigError(
      withContacts('spid-sp-ag-public-lite', (c) => drop(c.aggregator, 'company')),
      'contacts.aggregator.company',
    );
  });

  it('requires company, when given, to equal organization.name', () => {
    expectConfigError(
      withContacts('spid-sp-public', (c) => Object.assign(c.other ?? {}, { company: 'Altro Comune' })),
      'contacts.other.company',
    );
  });

  it('refuses CIE contacts in SPID metadata', () => {
    expectConfigError(
      withContacts('spid-sp-public', (c) =>
        Object.assign(c, { administrative: makeSpConfig('cie-sp-public').contacts.administrative }),
      ),
      'contacts.administrative',
    );
  });

  it('checks e-mail, phone, VAT number, fiscal code and IPA code formats', () => {
    const other = (edit: Record<string, unknown>) =>
      withContacts('spid-sp-public', (c) => Object.assign(c.other ?? {}, edit));
    expectConfigError(other({ email: 'mario rossi@example.it' }), 'contacts.other.email');
    expectConfigError(other({ email: 'spid@comune.exаmple.it' }), 'contacts.other.email');
    expectConfigError(other({ phone: '+39 06 1234567' }), 'contacts.other.phone');
    expectConfigError(other({ phone: '0612345678' }), 'contacts.other.phone');
    expectConfigError(other({ vatNumber: 'IT12345678901' }), 'contacts.other.vatNumber');
    expectConfigError(other({ vatNumber: '12345678903' }), 'contacts.other.vatNumber');
    expectConfigError(other({ fiscalCode: 'RSSMRA85T10A562X' }), 'contacts.other.fiscalCode');
    expectConfigError(other({ ipaCode: 'c h501' }), 'contacts.other.ipaCode');
    expectConfigError(other({ ipaCode: '__aggrsint' }), 'contacts.other.ipaCode');
  });
});

describe('readServiceProviderConfig() CIE contact rules', () => {
  it('requires contacts.administrative and refuses SPID contacts', () => {
    expectConfigError(
      withContacts('cie-sp-public', (c) => drop(c, 'administrative')),
      'contacts.administrative',
    );
    expectConfigError(
      withContacts('cie-sp-public', (c) => Object.assign(c, { other: makeSpConfig('spid-sp-public').contacts.other })),
      'contacts.other',
    );
  });

  it('requires the IPA code of a public SP and refuses it for a private one', () => {
    expectConfigError(
      withContacts('cie-sp-public', (c) => drop(c.administrative, 'ipaCode')),
      'contacts.administrative.ipaCode',
    );
    expectConfigError(
      withContacts('cie-sp-private', (c) => Object.assign(c.administrative ?? {}, { ipaCode: 'c_h501' })),
      'contacts.administrative.ipaCode',
    );
  });

  it('requires a VAT number or fiscal code for a private SP', () => {
    expectConfigError(
      withContacts('cie-sp-private', (c) => drop(c.administrative, 'vatNumber')),
      'contacts.administrative.vatNumber',
    );
  });

  it('requires the municipality as a Belfiore code', () => {
    expectConfigError(
      withContacts('cie-sp-public', (c) => drop(c.administrative, 'municipality')),
      'contacts.administrative.municipality',
    );
    expectConfigError(
      withContacts('cie-sp-public', (c) => Object.assign(c.administrative ?? {}, { municipality: 'Roma' })),
      'contacts.administrative.municipality',
    );
  });

  it('accepts a technical partner and checks its fields', () => {
    const technical = {
      company: 'Partner Tecnologico S.r.l.',
      email: 'cie@partner.example.it',
      vatNumber: 'IT01234567897',
    };
    const ok = withContacts('cie-sp-public', (c) => Object.assign(c, { technical }));
    expect(readServiceProviderConfig(ok).contacts.technical?.company).toBe('Partner Tecnologico S.r.l.');
    expectConfigError(
      withContacts('cie-sp-public', (c) => Object.assign(c, { technical: { ...technical, company: undefined } })),
      'contacts.technical.company',
    );
    expectConfigError(
      withContacts('cie-sp-public', (c) => Object.assign(c, { technical: { ...technical, municipality: 'h501' } })),
      'contacts.technical.municipality',
    );
  });
});
