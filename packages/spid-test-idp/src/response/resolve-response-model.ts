import { randomBytes } from 'node:crypto';
import { getUserErrorCode, IDP_ERROR_CODES, type IdpErrorCode } from '../data/idp-error-codes.js';
import { CIE_ATTRIBUTES, SPID_ATTRIBUTES } from '../data/spid-attributes.js';
import { SPID_LEVELS, type SpidLevel } from '../data/spid-levels.js';
import { SpidTestIdpError } from '../errors.js';
import type { BuildResponseOptions, ResponseErrorCode } from './build-response-options.js';

/** @internal Everything a Response document holds, resolved from the options. */
export interface ResponseModel {
  readonly responseId: string;
  readonly assertionId: string;
  readonly nameId: string;
  readonly issueInstant: string;
  readonly notOnOrAfter: string;
  readonly destination: string;
  readonly inResponseTo: string;
  readonly issuer: string;
  readonly audience: string;
  readonly acr: string;
  readonly sessionIndex: string | undefined;
  readonly attributes: readonly { readonly name: string; readonly value: string; readonly xsiType: string }[];
  readonly cie: boolean;
  /** The error row, `undefined` for success. */
  readonly error: IdpErrorCode | undefined;
}

/** SPID: the assertion is valid for five minutes from issue (the baseline Response of `italia/spid-sp-test`). */
const VALIDITY_MS = 5 * 60 * 1000;
const REQUEST_ERRORS = new Set(['nr08', 'nr09', 'nr11', 'nr12', 'nr13', 'nr14', 'nr15', 'nr16', 'nr17', 'nr18']);
const CIE_NAMES: ReadonlySet<string> = new Set(CIE_ATTRIBUTES.map((a) => a.name));
const XSI_TYPES: ReadonlyMap<string, string> = new Map(SPID_ATTRIBUTES.map((a) => [a.name, a.xsiType]));

function bad(field: string, what: string): never {
  throw new SpidTestIdpError('ERR_SPID_TEST_IDP_INVALID_CONFIG', `${field} ${what}`, { field });
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') bad(field, 'must be a non-empty string');
  return value;
}

function instant(value: unknown, field: string): Date {
  let valid = false;
  try {
    valid = value instanceof Date && !Number.isNaN(value.getTime());
  } catch {
    // a Proxy whose getPrototypeOf trap throws: not a Date
  }
  if (!valid) bad(field, 'must be a valid Date');
  return value as Date;
}

function level(value: unknown, field: string): SpidLevel {
  if (value !== 1 && value !== 2 && value !== 3) bad(field, 'must be 1, 2 or 3');
  return value;
}

/** @internal `xs:dateTime` in UTC; milliseconds only when not zero (`2026-01-01T10:00:00Z`). */
export function formatInstant(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

function defaultRandomId(): string {
  return `_${randomBytes(16).toString('hex')}`;
}

function errorRow(code: ResponseErrorCode): IdpErrorCode {
  if (REQUEST_ERRORS.has(code)) {
    const row = IDP_ERROR_CODES.find((e) => e.id === code);
    if (row !== undefined) return row;
  }
  return getUserErrorCode(code as Parameters<typeof getUserErrorCode>[0]);
}

/** @internal Checks the options and computes every value of the Response. */
export function resolveResponseModel(options: BuildResponseOptions): ResponseModel {
  if (typeof options !== 'object' || options === null) bad('options', 'must be an object');
  const { request, idp, user } = options;
  if (typeof request !== 'object' || request === null) bad('request', 'must be an object');
  if (typeof idp !== 'object' || idp === null) bad('idp', 'must be an object');
  const requestId = text(request.id, 'request.id');
  const issued = instant(request.issueInstant, 'request.issueInstant');
  const acsUrl = text(request.acsUrl, 'request.acsUrl');
  const audience = request.nameQualifier ? request.nameQualifier : text(request.issuer, 'request.issuer');
  const requestedLevel = level(request.level, 'request.level');
  const returnedLevel = options.level === undefined ? requestedLevel : level(options.level, 'level');
  const issuer = text(idp.entityId, 'idp.entityId');
  const now = options.now === undefined ? new Date() : instant(options.now, 'now');
  if (!Array.isArray(request.requestedAttributes)) bad('request.requestedAttributes', 'must be an array');
  const error = options.status === undefined ? undefined : errorRow(options.status.code);
  if (error === undefined && (typeof user !== 'object' || user === null)) bad('user', 'is required for a success');
  const cie = options.cie === true;
  const random = options.randomId ?? defaultRandomId;
  const ids = () => text(random(), 'randomId()');
  const responseId = ids();
  const assertionId = ids();
  const nameId = ids();
  const values: Readonly<Partial<Record<string, string>>> = user?.attributes ?? {};
  const attributes = request.requestedAttributes
    .filter((name) => XSI_TYPES.has(name) && (!cie || CIE_NAMES.has(name)))
    .flatMap((name) => {
      const value = values[name];
      if (value !== undefined && typeof value !== 'string') bad(`user.attributes.${name}`, 'must be a string');
      return value === undefined ? [] : [{ name, value, xsiType: XSI_TYPES.get(name) ?? 'xs:string' }];
    });
  return {
    responseId,
    assertionId,
    nameId,
    issueInstant: formatInstant(issued),
    notOnOrAfter: formatInstant(new Date(now.getTime() + VALIDITY_MS)),
    destination: acsUrl,
    inResponseTo: requestId,
    issuer,
    audience,
    acr: SPID_LEVELS[returnedLevel],
    // SPID: SessionIndex only for SpidL1 requests (SPID Regole Tecniche, single-sign-on.rst).
    sessionIndex: requestedLevel === 1 ? ids() : undefined,
    attributes,
    cie,
    error,
  };
}
