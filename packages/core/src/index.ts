export type { ApiCallErrorCode, ApiCallErrorOptions } from './errors/api-call-error.js';
export { API_CALL_ERROR_CODES, ApiCallError, redactUrl } from './errors/api-call-error.js';
export type { CivicoErrorOptions } from './errors/civico-error.js';
export { CivicoError } from './errors/civico-error.js';
export type { CoreErrorCode } from './errors/core-error.js';
export { CORE_ERROR_CODES, CoreError } from './errors/core-error.js';
export type { CivicoErrorClass } from './errors/parse-options.js';
export { parseOptions } from './errors/parse-options.js';
export { formatIban } from './iban/format-iban.js';
export type { ItalianIbanParts } from './iban/get-italian-iban-parts.js';
export { getItalianIbanParts } from './iban/get-italian-iban-parts.js';
export type { IbanIssue, IbanIssueCode, InspectIbanResult } from './iban/inspect-iban.js';
export { inspectIban } from './iban/inspect-iban.js';
export type { Iban } from './iban/parse-iban.js';
export { IbanSchema, isValidIban, parseIban } from './iban/parse-iban.js';
export type { InspectEcFiscalCodeResult } from './pa-codes/inspect-ec-fiscal-code.js';
export { inspectEcFiscalCode } from './pa-codes/inspect-ec-fiscal-code.js';
export type { PaCodeIssue, PaCodeIssueCode } from './pa-codes/pa-code-issue.js';
export type { EcFiscalCode } from './pa-codes/parse-ec-fiscal-code.js';
export { EcFiscalCodeSchema, isValidEcFiscalCode, parseEcFiscalCode } from './pa-codes/parse-ec-fiscal-code.js';
export type { IpaCode } from './pa-codes/parse-ipa-code.js';
export { IpaCodeSchema, isValidIpaCode, parseIpaCode } from './pa-codes/parse-ipa-code.js';
export type { OfficeCode } from './pa-codes/parse-office-code.js';
export { isValidOfficeCode, OfficeCodeSchema, parseOfficeCode } from './pa-codes/parse-office-code.js';
export type { SdiCode, SdiCodeKind } from './pa-codes/parse-sdi-code.js';
export { getSdiCodeKind, isValidSdiCode, parseSdiCode, SdiCodeSchema } from './pa-codes/parse-sdi-code.js';
export type { ElevenDigitCodeKind, ElevenDigitIssue, ElevenDigitIssueCode } from './vat-number/eleven-digit-code.js';
export type { ElevenDigitCodeOptions, InspectElevenDigitCodeResult } from './vat-number/inspect-eleven-digit-code.js';
export type { EntityFiscalCode, InspectEntityFiscalCodeResult } from './vat-number/parse-entity-fiscal-code.js';
export {
  EntityFiscalCodeSchema,
  inspectEntityFiscalCode,
  isValidEntityFiscalCode,
  parseEntityFiscalCode,
} from './vat-number/parse-entity-fiscal-code.js';
export type { InspectVatNumberResult, VatNumber } from './vat-number/parse-vat-number.js';
export { inspectVatNumber, isValidVatNumber, parseVatNumber, VatNumberSchema } from './vat-number/parse-vat-number.js';
