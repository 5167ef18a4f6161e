/**
 * Whether `value` is a same-origin path: starts with one `/` (not `//` nor `/\`, which browsers read
 * as another host), holds no backslash and no control character, at most 2048 characters. The guard
 * against open redirects through `returnTo`.
 * @param value - the candidate
 * @returns `true` for a same-origin path
 * @internal
 */
export function isLocalPath(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048 || value[0] !== '/') return false;
  if (value[1] === '/' || value[1] === '\\') return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return false;
  }
  return true;
}
