/**
 * A tiny scripted browser for the @civico/spid end-to-end tests: fetch with manual redirects, a cookie
 * jar (per host name, like browsers: not per port; Path honoured; Secure/SameSite ignored, the tests
 * run on http://127.0.0.1), and the auto-submitting forms of SAML pages submitted as a browser would.
 * The small logic of spid-test-idp's kit (cookie-jar.ts, find-post-form.ts), copied, not imported.
 */

/** A page the browser ended on. */
export interface Page {
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

/** A form found in a page. */
export interface Form {
  readonly action: string;
  readonly method: string;
  readonly fields: Map<string, string>;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

function readAttributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([a-zA-Z_:][-\w:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!out.has(name)) out.set(name, decodeEntities(m[2] ?? m[3] ?? ''));
  }
  return out;
}

/** The first form of `html` holding an input named `field` (e.g. `SAMLResponse`, or `request` on the IdP login page). */
export function findForm(html: string, field: string): Form | undefined {
  for (const chunk of html.split(/<form\b/i).slice(1)) {
    const end = chunk.indexOf('>');
    const attributes = readAttributes(chunk.slice(0, end));
    const body = chunk.slice(end + 1).split(/<\/form>/i)[0] ?? '';
    const fields = new Map<string, string>();
    for (const input of body.matchAll(/<input\b([^>]*)>/gi)) {
      const a = readAttributes(input[1] ?? '');
      const name = a.get('name');
      const type = a.get('type') ?? 'text';
      // Radio buttons: the checked one only.
      if (name === undefined || (type === 'radio' && !/\bchecked\b/i.test(input[1] ?? ''))) continue;
      if (!fields.has(name)) fields.set(name, a.get('value') ?? '');
    }
    if (fields.has(field)) {
      return {
        action: attributes.get('action') ?? '',
        method: (attributes.get('method') ?? 'get').toLowerCase(),
        fields,
      };
    }
  }
  return undefined;
}

/** The scripted browser. */
export interface Browser {
  /** Navigates to `url` with GET, following redirects. */
  get(url: string): Promise<Page>;
  /** Posts a urlencoded form to `url`, following redirects. */
  post(url: string, fields: Map<string, string> | Record<string, string>): Promise<Page>;
  /** Submits the form of `page` holding `field`, as the page's script would; throws when there is none. */
  submit(page: Page, field: string, change?: Record<string, string>): Promise<Page>;
  /** One request, redirects NOT followed (for racing posts). */
  send(url: string, init: RequestInit): Promise<Page>;
  /** The `Cookie` header this browser would send to `url`. */
  cookieHeader(url: string): string | undefined;
  /** Every URL requested, in order (method and URL). */
  readonly history: string[];
}

/** Creates a browser with an empty cookie jar. */
export function createBrowser(): Browser {
  const jar = new Map<string, { value: string; path: string; host: string }>();
  const cookieHeader = (url: string): string | undefined => {
    const u = new URL(url);
    const pairs = [...jar.entries()]
      .filter(
        ([, c]) =>
          c.host === u.hostname && (u.pathname === c.path || u.pathname.startsWith(`${c.path.replace(/\/$/, '')}/`)),
      )
      .map(([key, c]) => `${key.split('\u0000')[1]}=${c.value}`);
    return pairs.length === 0 ? undefined : pairs.join('; ');
  };
  const store = (url: string, headers: Headers): void => {
    const u = new URL(url);
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let path = u.pathname.slice(0, Math.max(1, u.pathname.lastIndexOf('/')));
      let expired = false;
      for (const attribute of attributes) {
        const [k = '', v = ''] = attribute.split('=').map((s) => s.trim());
        if (k.toLowerCase() === 'path') path = v;
        if (k.toLowerCase() === 'max-age' && Number(v) <= 0) expired = true;
      }
      const key = `${u.hostname}\u0000${name}\u0000${path}`;
      if (expired) jar.delete(key);
      else jar.set(key, { value, path, host: u.hostname });
    }
  };
  const history: string[] = [];
  const send = async (url: string, init: RequestInit): Promise<Page> => {
    history.push(`${init.method ?? 'GET'} ${url}`);
    const headers = new Headers(init.headers);
    const cookie = cookieHeader(url);
    if (cookie !== undefined) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    store(url, response.headers);
    return { url, status: response.status, headers: response.headers, body: await response.text() };
  };
  const navigate = async (url: string, init: RequestInit): Promise<Page> => {
    let page = await send(url, init);
    for (let hops = 0; page.status >= 300 && page.status < 400; hops++) {
      if (hops > 10) throw new Error('too many redirects');
      const location = page.headers.get('location');
      if (location === null) break;
      page = await send(new URL(location, page.url).href, { method: 'GET' });
    }
    return page;
  };
  const post = (url: string, fields: Map<string, string> | Record<string, string>): Promise<Page> =>
    navigate(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields instanceof Map ? [...fields] : Object.entries(fields)).toString(),
    });
  return {
    get: (url) => navigate(url, { method: 'GET' }),
    post,
    send,
    cookieHeader,
    history,
    submit: (page, field, change = {}) => {
      const form = findForm(page.body, field);
      if (form === undefined) throw new Error(`no form with ${field} on ${page.url} (status ${page.status})`);
      for (const [k, v] of Object.entries(change)) form.fields.set(k, v);
      const action = new URL(form.action, page.url).href;
      if (form.method === 'post') return post(action, form.fields);
      const target = new URL(action);
      for (const [k, v] of form.fields) target.searchParams.set(k, v);
      return navigate(target.href, { method: 'GET' });
    },
  };
}
