/**
 * Whether `value` parses as an absolute http(s) URL with a host, without credentials and without a
 * fragment. Callers first restrict the characters they accept (config: RFC 3986 only; message
 * builders: printable ASCII).
 * @internal
 */
export function isAbsoluteHttpUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === '' &&
    !value.includes('#')
  );
}
