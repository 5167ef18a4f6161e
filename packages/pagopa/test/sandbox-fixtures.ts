import { PAGOPA_SERVICE_PATHS } from '../src/platform/environment.js';
import type { GpdSandbox } from '../src/sandbox/index.js';

export const ORG = '77777777777';
export const IBAN = 'IT60X0542811101000000123456';

/** A valid GPD v1 create body (wire shape) with one option, due in 2030. */
export function wirePosition(
  iupd: string,
  iuv: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    iupd,
    type: 'F',
    fiscalCode: 'RSSMRA80A01H501U',
    fullName: 'Mario Rossi',
    companyName: 'Comune di Prova',
    switchToExpired: false,
    paymentOption: [
      {
        iuv,
        amount: 10_000,
        description: 'TARI 2030',
        isPartialPayment: false,
        dueDate: '2030-03-31T23:59:59+02:00',
        transfer: [
          { idTransfer: '1', amount: 7_000, remittanceInformation: 'TARI', category: '9/0101101IM/', iban: IBAN },
          { idTransfer: '2', amount: 3_000, remittanceInformation: 'TEFA', category: '9/0101108TS/', iban: IBAN },
        ],
      },
    ],
    ...overrides,
  };
}

/** Calls the sandbox GPD service. */
export async function gpd(
  sandbox: GpdSandbox,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(`${sandbox.url}${PAGOPA_SERVICE_PATHS.gpd}/organizations/${ORG}/debtpositions${path}`, {
    method,
    headers: {
      'ocp-apim-subscription-key': sandbox.apiKey,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** 17-digit IUV from a number. */
export const iuvOf = (n: number): string => `01${String(n).padStart(15, '0')}`;
