/**
 * The characters a `returnTo` path may hold as they are (RFC 3986 §3.3–3.5: unreserved, sub-delims,
 * `:` `@` `/`, and `?` `#` to start the query and fragment). Anything else, a space or a character
 * above U+007E included, must come percent-encoded: a `Location` header carries bytes, not Unicode.
 */
const ALLOWED = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]$/;
const HEX = /^[0-9A-Fa-f]{2}$/;

/**
 * Whether `value` is a same-origin path: starts with one `/` (not `//` nor `/\`, which browsers read
 * as another host), at most 2048 characters of printable ASCII allowed in an RFC 3986 path, query or
 * fragment (`%` only as `%XX`). No backslash, no control character, no space and no Unicode (`/∕evil`
 * with U+2215 cannot be sent in a `Location` header: the Fetch `Headers` refuses it). The guard
 * against open redirects through `returnTo`.
 * @param value - the candidate
 * @returns `true` for a same-origin path
 * @internal
 */
export function isLocalPath(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048 || value[0] !== '/') return false;
  if (value[1] === '/' || value[1] === '\\') return false;
  for (let i = 0; i < value.length; i++) {
    const char = value.charAt(i);
    if (char === '%') {
      if (!HEX.test(value.slice(i + 1, i + 3))) return false;
      i += 2;
    } else if (!ALLOWED.test(char)) {
      return false;
    }
  }
  return true;
}
