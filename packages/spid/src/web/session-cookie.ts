/** The cookie that binds a SAML exchange to the browser that started it (§8.3: sent cross-site, so `SameSite=None`). */
export const SESSION_COOKIE = 'civico_spid_session';

/** 256 random bits, base64url without padding: exactly 43 characters. */
const SESSION_VALUE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The browser session of a request: the `civico_spid_session` cookie when present and well formed.
 * @param request - the request
 * @returns the session ID, `undefined` when absent or malformed
 * @internal
 */
export function readSessionCookie(request: Request): string | undefined {
  const header = request.headers.get('cookie');
  if (header === null || header.length > 16_384) return undefined;
  let found: string | undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    // Two cookies of that name (a shadowing cookie set by a sibling subdomain): trust neither.
    if (found !== undefined) return undefined;
    found = value;
  }
  return found !== undefined && SESSION_VALUE.test(found) ? found : undefined;
}

/**
 * A random token of `bytes` bytes, base64url without padding (Web Crypto: no Node API needed).
 * @internal
 */
export function createRandomToken(bytes: number): string {
  const data = crypto.getRandomValues(new Uint8Array(bytes));
  let binary = '';
  for (const byte of data) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A new browser session and its `Set-Cookie` value: `HttpOnly; Secure; SameSite=None` (the IdP posts
 * the Response cross-site), `Path` = the SPID base path, no expiry (gone when the browser closes).
 * @param basePath - the handler's base path
 * @returns the session ID and the header value
 * @internal
 */
export function createSessionCookie(basePath: string): { readonly session: string; readonly setCookie: string } {
  const session = createRandomToken(32);
  // Secure also on http://localhost: browsers treat localhost as a secure context and keep it.
  return { session, setCookie: `${SESSION_COOKIE}=${session}; Path=${basePath}; HttpOnly; Secure; SameSite=None` };
}
