import { randomUUID } from 'node:crypto';
import { safeParseInput } from '@civico/core/internal';
import type { z } from 'zod';
import { SpidError } from '../errors.js';
import { type ResolvedServiceProviderConfig, ServiceProviderConfigSchema } from './service-provider-config-schema.js';
import { isAuditSink } from './structural-checks.js';

function freezeData<T>(value: T): T {
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    for (const v of Object.values(value)) freezeData(v);
    return Object.freeze(value);
  }
  if (Array.isArray(value)) {
    for (const v of value) freezeData(v);
    return Object.freeze(value) as T;
  }
  return value;
}

// The path of the first issue; for an unknown key, the key itself (a config key name, never a value).
function fieldOf(error: z.ZodError): string | undefined {
  const issue = error.issues[0];
  if (issue === undefined) return undefined;
  const path = issue.path.map(String);
  const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  // An unknown key is the caller's text: named only when it looks like an identifier.
  if (key !== undefined) path.push(/^[A-Za-z_$][\w$-]{0,63}$/.test(key) ? key : '(unknown key)');
  return path.length === 0 ? undefined : path.join('.');
}

const systemClock = (): Date => new Date();
// An XML ID (NCName): '_' then a random UUID (122 random bits, SAML core §1.3.4).
const randomXmlId = (): string => `_${randomUUID()}`;

/**
 * Validates a Service Provider configuration and fills in its defaults.
 *
 * @remarks
 * Checks everything {@link ServiceProviderConfigSchema} checks (strict objects, per-profile contacts,
 * URLs, attribute sets, the key pair) and returns a frozen copy of the data with `production`,
 * `profile`, `defaultLevel`, `defaultComparison`, `clockSkewMs`, `requestTtlMs`, `audit`, `now` and
 * `randomId` resolved. The `idps`, `store` and `audit` objects and the functions are kept as given
 * (checked for their methods only). Accepts an object read from a JSON file as well (with `idps` as an
 * array of descriptors). Messages name the field and the rule, never the value.
 *
 * @param input - the configuration (see {@link ServiceProviderConfig})
 * @returns the resolved configuration
 * @throws {@link SpidError} `ERR_SPID_INVALID_CONFIG` with `field` = the path of the first problem
 *   (e.g. `contacts.other.ipaCode`, `key.certificate`, `acsUrls.1`).
 * @example
 * ```ts
 * import { readServiceProviderConfig, SpidError } from '@civico/spid';
 * declare const input: unknown;
 * try {
 *   const config = readServiceProviderConfig(input);
 *   console.log(config.entityId);
 * } catch (err) {
 *   if (SpidError.isInstance(err) && err.code === 'ERR_SPID_INVALID_CONFIG') console.error(err.field);
 * }
 * ```
 * @group Config
 */
export function readServiceProviderConfig(input: unknown): ResolvedServiceProviderConfig {
  const result = safeParseInput(ServiceProviderConfigSchema, input);
  if (!result.success) {
    const field = fieldOf(result.error);
    const issue = result.error.issues[0];
    // zod's own message for an unknown key quotes it: the caller's text is not echoed.
    const rule = issue?.code === 'unrecognized_keys' ? 'is not a known option' : (issue?.message ?? 'invalid value');
    throw new SpidError('ERR_SPID_INVALID_CONFIG', `Invalid ${field ?? 'configuration'}: ${rule}`, {
      cause: result.error,
      field,
    });
  }
  const parsed = result.data;
  const { now, randomId, idps, store, audit, ...data } = parsed;
  return Object.freeze({
    ...freezeData(data),
    idps,
    store,
    audit: audit === false || isAuditSink(audit) ? audit : freezeData(audit),
    now: now ?? systemClock,
    randomId: randomId ?? randomXmlId,
  }) as ResolvedServiceProviderConfig;
}
