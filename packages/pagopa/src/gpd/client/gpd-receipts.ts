import type { HttpResponse } from '@civico/core/internal';
import { z } from 'zod';
import { PagoPaError } from '../../errors.js';
import type { ReceiptsPage } from './gpd-client.js';

// gpd_payments.json `PaymentsResult`; its `results` items are untyped in the spec
// (pagopa-api#1024), the service returns `ReceiptModelResponse` objects.
const ReceiptsPageWireSchema = z.object({
  currentPageNumber: z.number().int().min(0),
  totalPages: z.number().int().min(0),
  results: z.array(
    z.object({
      organizationFiscalCode: z.string(),
      iuv: z.string(),
      debtor: z.string().nullish(),
      paymentDateTime: z.string().nullish(),
      status: z.string().nullish(),
    }),
  ),
});

function unexpected(
  operation: string,
  response: HttpResponse,
  field: string | undefined,
  cause?: unknown,
): PagoPaError {
  return new PagoPaError(
    'ERR_PAGOPA_API_UNEXPECTED_RESPONSE',
    `Unexpected ${operation} response${field ? ` at ${field}` : ''}`,
    { cause, field, status: response.status, requestId: response.headers.get('x-request-id') ?? undefined },
  );
}

/**
 * Reads a receipts page.
 * @param response - the 200 of `GET /payments/{ofc}/receipts`
 * @returns the page
 * @throws {@link PagoPaError} `ERR_PAGOPA_API_UNEXPECTED_RESPONSE`.
 * @internal
 */
export function receiptsPageFromWire(response: HttpResponse): ReceiptsPage {
  const parsed = ReceiptsPageWireSchema.safeParse(response.body);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.map(String).join('.') || undefined;
    throw unexpected('listReceipts', response, field, parsed.error);
  }
  const page = parsed.data;
  return {
    page: page.currentPageNumber,
    totalPages: page.totalPages,
    receipts: page.results.map((r) => ({
      organizationFiscalCode: r.organizationFiscalCode,
      iuv: r.iuv,
      ...(r.debtor != null ? { debtor: r.debtor } : {}),
      ...(r.paymentDateTime != null ? { paymentDateTime: r.paymentDateTime } : {}),
      ...(r.status != null ? { status: r.status } : {}),
    })),
  };
}

// The spec declares an XML string: some gateways answer it as `application/xml`, others as a JSON string.
function unwrapJsonString(text: string): unknown {
  if (!text.trimStart().startsWith('"')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The XML text of a receipt answer.
 *
 * @remarks
 * The service answers `application/xml`; the shared transport hands over the text when it has it
 * (`text`) and else only a JSON body, which is a string when a proxy wraps the XML in JSON.
 * @param response - the 200 of `GET /payments/{ofc}/receipts/{iuv}`
 * @returns the XML text
 * @throws {@link PagoPaError} `ERR_PAGOPA_API_UNEXPECTED_RESPONSE` (`rule: 'not-xml'`).
 * @internal
 */
export function receiptXmlFromWire(response: HttpResponse & { readonly text?: unknown }): string {
  const text = typeof response.text === 'string' ? unwrapJsonString(response.text) : response.body;
  if (typeof text === 'string' && text.trimStart().startsWith('<')) return text;
  const error = unexpected('getReceipt', response, undefined);
  throw new PagoPaError(error.code, 'Unexpected getReceipt response: not an XML text', {
    status: error.status,
    requestId: error.requestId,
    rule: 'not-xml',
  });
}
