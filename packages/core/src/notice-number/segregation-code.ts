/**
 * Segregation code rules (pagoPA SACI, "Generazione dell'Identificativo Univoco di Versamento",
 * https://docs.pagopa.it/saci/). Internal: never re-exported from the package index.
 */

// Reserved by PagoPA S.p.A. for specific services: 47 Canone Unico, 81 PagoPA, 85 TARI/TEFA subsidiarity,
// 96 ACI car tax, 97 Unioncamere SUAP, 98 ANPR certificates, 99 CIE.
const RESERVED = new Set(['47', '81', '85', '96', '97', '98', '99']);

/** @internal Why a segregation code may not be used to generate notice numbers, or `undefined`. */
export function segregationCodeProblem(code: unknown, allowReserved: boolean): string | undefined {
  if (typeof code !== 'string' || !/^\d{2}$/.test(code)) return 'The segregation code has 2 digits';
  if (RESERVED.has(code)) {
    return allowReserved ? undefined : 'The segregation code is reserved for a pagoPA service';
  }
  // SACI: PagoPA S.p.A. assigns segregation codes in 00–49.
  if (Number(code) > 49) return 'The segregation code must be between 00 and 49';
  return undefined;
}
