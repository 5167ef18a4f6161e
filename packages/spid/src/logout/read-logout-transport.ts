import { SpidError } from '../errors.js';
import type { SpidFormInput, SpidIncomingMessage } from '../sp/service-provider.js';
import { logoutError } from './logout-error.js';

/**
 * A logout message as carried: the raw Redirect query, or the POST field and RelayState.
 * @internal
 */
export type LogoutTransport =
  | { readonly binding: 'redirect'; readonly query: string }
  | {
      readonly binding: 'post';
      readonly kind: 'SAMLRequest' | 'SAMLResponse';
      readonly message: string;
      readonly relayState: string | undefined;
    };

function invalidInput(message: string, field: string): SpidError {
  return new SpidError('ERR_SPID_INVALID_INPUT', message, { status: 400, field });
}

function readFormField(form: SpidFormInput, name: string): string | undefined {
  let value: unknown;
  try {
    if (form instanceof URLSearchParams) {
      const all = form.getAll(name);
      if (all.length > 1) throw logoutError(400, 'logout.binding', `The form carries ${name} more than once`);
      return all[0];
    }
    value = Object.hasOwn(form, name) ? form[name] : undefined;
  } catch (cause) {
    if (SpidError.isInstance(cause)) throw cause;
    // A throwing getter or a Proxy in place of the form: refused like a value of the wrong type.
    throw new SpidError('ERR_SPID_INVALID_INPUT', `form.${name} cannot be read`, {
      status: 400,
      field: `form.${name}`,
      cause,
    });
  }
  if (value !== undefined && typeof value !== 'string')
    throw invalidInput(`form.${name} must be a string`, `form.${name}`);
  return value;
}

/**
 * Reads which binding a logout message came by (`GET` → HTTP-Redirect, `POST` → HTTP-POST) and its
 * raw parts, without decoding them.
 * @param input - the method, query and form as received
 * @throws {@link SpidError} `ERR_SPID_INVALID_INPUT` (400) for a value of the wrong type,
 *   `ERR_SPID_LOGOUT_INVALID` (400, `logout.binding`) for another method, no message, or both kinds.
 * @internal
 */
export function readLogoutTransport(input: SpidIncomingMessage): LogoutTransport {
  if (typeof input !== 'object' || input === null) throw invalidInput('input must be an object', 'input');
  const method = typeof input.method === 'string' ? input.method.toUpperCase() : undefined;
  if (method === 'GET') {
    if (typeof input.query !== 'string' || input.query === '') {
      throw logoutError(400, 'logout.binding', 'The HTTP-Redirect logout message has no query');
    }
    return { binding: 'redirect', query: input.query };
  }
  if (method !== 'POST') throw logoutError(400, 'logout.binding', 'A logout message comes by GET or POST');
  const form = input.form;
  if (typeof form !== 'object' || form === null) throw invalidInput('form must be an object', 'form');
  const request = readFormField(form, 'SAMLRequest');
  const response = readFormField(form, 'SAMLResponse');
  if ((request === undefined) === (response === undefined)) {
    throw logoutError(400, 'logout.binding', 'The form must carry exactly one of SAMLRequest and SAMLResponse');
  }
  return {
    binding: 'post',
    kind: request === undefined ? 'SAMLResponse' : 'SAMLRequest',
    message: request ?? (response as string),
    relayState: readFormField(form, 'RelayState'),
  };
}
