import { readFields } from '@civico/core/internal';
import { CIE_ATTRIBUTES, SPID_ATTRIBUTES } from '../data/spid-attributes.js';
import { SpidTestIdpError } from '../errors.js';
import type { BuildConformanceResponseOptions } from './build-conformance-response.js';

const CODE = 'ERR_SPID_TEST_IDP_INVALID_CONFIG';
const ATTRIBUTE_NAMES = [...new Set([...SPID_ATTRIBUTES, ...CIE_ATTRIBUTES].map((a) => a.name))];

function isObject(value: unknown): value is object {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}

/** One level of `value` read once through `keys` (a throwing getter or Proxy → INVALID_CONFIG); other values as they are. */
function read(value: unknown, keys: readonly string[], path: string): unknown {
  return isObject(value) ? readFields(value, keys, SpidTestIdpError, CODE, { path }) : value;
}

/** An array copied once (its elements read now), anything else as it is. */
function readArray(value: unknown, field: string): unknown {
  try {
    return Array.isArray(value) ? [...value] : value;
  } catch (cause) {
    throw new SpidTestIdpError(CODE, `${field} cannot be read`, { cause, field });
  }
}

/**
 * @internal The options of buildResponse and buildConformanceResponse read once into plain objects, so
 * a value that is not an object, or a throwing getter or Proxy anywhere they are read, fails with
 * `ERR_SPID_TEST_IDP_INVALID_CONFIG`;
 * the checks of each value stay in resolveResponseModel.
 */
export function readResponseOptions(options: unknown): BuildConformanceResponseOptions {
  // Refused here, before any spread: `{ ...'<4 MB string>' }` would build millions of properties.
  if (!isObject(options)) throw new SpidTestIdpError(CODE, 'options must be an object', { field: 'options' });
  const o = readFields(
    options,
    ['request', 'idp', 'user', 'level', 'now', 'status', 'cie', 'sign', 'algorithm', 'randomId', 'attackerKey'],
    SpidTestIdpError,
    CODE,
  );
  const request = read(
    o.request,
    [
      'id',
      'issueInstant',
      'acsUrl',
      'issuer',
      'nameQualifier',
      'level',
      'comparison',
      'requestedAttributes',
      'relayState',
    ],
    'request',
  ) as Record<string, unknown>;
  const user = read(o.user, ['username', 'password', 'label', 'kind', 'attributes'], 'user') as Record<string, unknown>;
  return {
    ...o,
    request: isObject(request)
      ? { ...request, requestedAttributes: readArray(request.requestedAttributes, 'request.requestedAttributes') }
      : request,
    idp: read(o.idp, ['entityId', 'key'], 'idp'),
    user: isObject(user) ? { ...user, attributes: read(user.attributes, ATTRIBUTE_NAMES, 'user.attributes') } : user,
    status: read(o.status, ['code'], 'status'),
    sign: read(o.sign, ['response', 'assertion'], 'sign'),
  } as BuildConformanceResponseOptions;
}
