/**
 * A tiny cookie jar for the conformance kit: one per fetched AuthnRequest, like the official tool's
 * fresh session per case.
 *
 * @remarks
 * Keeps `name=value` per host with its `Path`; honours `Max-Age<=0` and a past `Expires` as a
 * deletion. No `Domain` sharing, no `Secure`/`SameSite` logic: good enough for SPs under test on
 * localhost, never meant as a browser jar.
 * @internal
 */
export interface CookieJar {
  /** Stores the `Set-Cookie` header values of a response received from `url`. */
  store(url: string, setCookies: readonly string[]): void;
  /** The `Cookie` header value for a request to `url`, `undefined` when no cookie applies. */
  header(url: string): string | undefined;
}

interface StoredCookie {
  readonly value: string;
  readonly path: string;
}

/** Caps so that a hostile SP cannot grow the jar without bound. */
const MAX_COOKIES = 64;
const MAX_COOKIE_BYTES = 8192;

function defaultPath(pathname: string): string {
  const slash = pathname.lastIndexOf('/');
  return slash <= 0 ? '/' : pathname.slice(0, slash);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/**
 * Creates an empty {@link CookieJar}.
 * @param now - the clock used for `Expires`
 * @returns the jar
 * @internal
 */
export function createCookieJar(now: () => Date = () => new Date()): CookieJar {
  const byHost = new Map<string, Map<string, StoredCookie>>();
  let count = 0;
  return {
    store(url, setCookies) {
      const target = new URL(url);
      let cookies = byHost.get(target.host);
      if (cookies === undefined) {
        cookies = new Map();
        byHost.set(target.host, cookies);
      }
      for (const line of setCookies) {
        if (line.length > MAX_COOKIE_BYTES) continue;
        const [pair = '', ...attributes] = line.split(';');
        const eq = pair.indexOf('=');
        if (eq <= 0) continue;
        const name = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        let path = defaultPath(target.pathname);
        let expired = false;
        for (const attribute of attributes) {
          const [rawKey = '', ...rest] = attribute.split('=');
          const key = rawKey.trim().toLowerCase();
          const attrValue = rest.join('=').trim();
          if (key === 'path' && attrValue.startsWith('/')) path = attrValue;
          if (key === 'max-age' && Number(attrValue) <= 0) expired = true;
          if (key === 'expires') {
            const when = Date.parse(attrValue);
            if (!Number.isNaN(when) && when <= now().getTime()) expired = true;
          }
        }
        const existed = cookies.delete(name);
        if (existed) count--;
        if (expired || name === '' || count >= MAX_COOKIES) continue;
        cookies.set(name, { value, path });
        count++;
      }
    },
    header(url) {
      const target = new URL(url);
      const cookies = byHost.get(target.host);
      if (cookies === undefined) return undefined;
      const pairs: string[] = [];
      for (const [name, cookie] of cookies) {
        if (pathMatches(target.pathname, cookie.path)) pairs.push(`${name}=${cookie.value}`);
      }
      return pairs.length === 0 ? undefined : pairs.join('; ');
    },
  };
}
