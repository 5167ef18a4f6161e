// STYLE §4.3: a platform URL is https; plain http only on the loopback hosts where the local
// sandboxes run.
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a text is an absolute `https` URL, or an `http` URL on a loopback host (`localhost`,
 * `127.0.0.1`, `[::1]`), without credentials.
 * @param value - the URL text
 * @returns `true` when it is such a URL
 * @internal
 */
export function isHttpsOrLoopbackUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.username !== '' || url.password !== '') return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}
