export type { CoreLimits } from './core-limits.js';
export { CORE_LIMITS } from './core-limits.js';
export type { ApiCallErrorCode, ApiCallErrorOptions } from './errors/api-call-error.js';
export { API_CALL_ERROR_CODES, ApiCallError } from './errors/api-call-error.js';
export type { CivicoErrorOptions } from './errors/civico-error.js';
export { CivicoError } from './errors/civico-error.js';
export type { CoreErrorCode } from './errors/core-error.js';
export { CORE_ERROR_CODES, CoreError } from './errors/core-error.js';
export type { ComputeFiscalCodeInput, ComputeFiscalCodeOptions } from './fiscal-code/compute-fiscal-code.js';
export { computeFiscalCode } from './fiscal-code/compute-fiscal-code.js';
export type {
  DecodedBirthplace,
  DecodedFiscalCode,
  DecodeFiscalCodeOptions,
} from './fiscal-code/decode-fiscal-code.js';
export { decodeFiscalCode } from './fiscal-code/decode-fiscal-code.js';
export type { FiscalCodeIssueCode } from './fiscal-code/fiscal-code-checks.js';
export type { FiscalCode } from './fiscal-code/fiscal-code-schema.js';
export { FiscalCodeSchema } from './fiscal-code/fiscal-code-schema.js';
export type {
  FiscalCodeIssue,
  FiscalCodeWarning,
  InspectFiscalCodeFailure,
  InspectFiscalCodeOptions,
  InspectFiscalCodeResult,
  InspectFiscalCodeSuccess,
} from './fiscal-code/inspect-fiscal-code.js';
export { inspectFiscalCode } from './fiscal-code/inspect-fiscal-code.js';
export { isValidFiscalCode } from './fiscal-code/is-valid-fiscal-code.js';
export { normalizeOmocodia, omocodiaVariants } from './fiscal-code/omocodia.js';
export type { ParseFiscalCodeOptions } from './fiscal-code/parse-fiscal-code.js';
export { parseFiscalCode } from './fiscal-code/parse-fiscal-code.js';
export { formatIban } from './iban/format-iban.js';
export type { ItalianIbanParts } from './iban/get-italian-iban-parts.js';
export { getItalianIbanParts } from './iban/get-italian-iban-parts.js';
export type { IbanIssue, IbanIssueCode, InspectIbanResult } from './iban/inspect-iban.js';
export { inspectIban } from './iban/inspect-iban.js';
export type { Iban } from './iban/parse-iban.js';
export { IbanSchema, isValidIban, parseIban } from './iban/parse-iban.js';
export type {
  FromSequenceOptions,
  GeneratedIuv,
  IuvGenerator,
  IuvGeneratorOptions,
} from './iuv/create-iuv-generator.js';
export { createIuvGenerator, IuvGeneratorOptionsSchema } from './iuv/create-iuv-generator.js';
export type { InspectIuvResult, Iuv, IuvIssueCode } from './iuv/parse-iuv.js';
export { IuvSchema, inspectIuv, isValidIuv, parseIuv } from './iuv/parse-iuv.js';
export type {
  ApplicationNoticeNumberParts,
  BuildNoticeNumberOptions,
  SegregationNoticeNumberParts,
} from './notice-number/build-notice-number.js';
export { buildNoticeNumber } from './notice-number/build-notice-number.js';
export { formatNoticeNumber } from './notice-number/format-notice-number.js';
export type {
  InspectNoticeNumberResult,
  NoticeNumberFinding,
  NoticeNumberIssueCode,
  NoticeNumberParts,
  NoticeNumberWarningCode,
} from './notice-number/inspect-notice-number.js';
export { inspectNoticeNumber } from './notice-number/inspect-notice-number.js';
export type { IuvToNoticeNumberOptions } from './notice-number/iuv-to-notice-number.js';
export { iuvToNoticeNumber } from './notice-number/iuv-to-notice-number.js';
export { noticeNumberToIuv } from './notice-number/notice-number-to-iuv.js';
export type { AuxDigit, NoticeNumber } from './notice-number/parse-notice-number.js';
export { isValidNoticeNumber, NoticeNumberSchema, parseNoticeNumber } from './notice-number/parse-notice-number.js';
export type { InspectPaCodeResult, PaCodeIssue, PaCodeIssueCode } from './pa-codes/pa-code-issue.js';
export type { IpaCode } from './pa-codes/parse-ipa-code.js';
export { IpaCodeSchema, inspectIpaCode, isValidIpaCode, parseIpaCode } from './pa-codes/parse-ipa-code.js';
export type { OfficeCode } from './pa-codes/parse-office-code.js';
export {
  inspectOfficeCode,
  isValidOfficeCode,
  OfficeCodeSchema,
  parseOfficeCode,
} from './pa-codes/parse-office-code.js';
export type { SdiCode, SdiCodeKind } from './pa-codes/parse-sdi-code.js';
export {
  getSdiCodeKind,
  inspectSdiCode,
  isValidSdiCode,
  parseSdiCode,
  SdiCodeSchema,
} from './pa-codes/parse-sdi-code.js';
export type { ParseFieldOptions } from './parse-field-options.js';
export type { FindMunicipalitiesOptions } from './territory/find-municipalities.js';
export { findMunicipalities } from './territory/find-municipalities.js';
export type { ForeignState } from './territory/foreign-state.js';
export { findForeignStates, getForeignState, listForeignStates } from './territory/foreign-state.js';
export { getMunicipalityByBelfiore, getMunicipalityHistory } from './territory/get-municipality-by-belfiore.js';
export { getMunicipalityByIstat } from './territory/get-municipality-by-istat.js';
export { listMunicipalities } from './territory/list-municipalities.js';
export type { Province } from './territory/list-provinces.js';
export { listProvinces } from './territory/list-provinces.js';
export type { Municipality, TerritoryQueryOptions } from './territory/municipality.js';
export type { Region } from './territory/regions.js';
export { getRegion, listRegions } from './territory/regions.js';
export type { ElevenDigitCodeKind, ElevenDigitIssue, ElevenDigitIssueCode } from './vat-number/eleven-digit-code.js';
export type {
  ElevenDigitCodeOptions,
  EntityFiscalCodeOptions,
  InspectElevenDigitCodeResult,
} from './vat-number/inspect-eleven-digit-code.js';
export type { EntityFiscalCode, InspectEntityFiscalCodeResult } from './vat-number/parse-entity-fiscal-code.js';
export {
  EntityFiscalCodeSchema,
  inspectEntityFiscalCode,
  isValidEntityFiscalCode,
  parseEntityFiscalCode,
} from './vat-number/parse-entity-fiscal-code.js';
export type { InspectVatNumberResult, VatNumber } from './vat-number/parse-vat-number.js';
export { inspectVatNumber, isValidVatNumber, parseVatNumber, VatNumberSchema } from './vat-number/parse-vat-number.js';
