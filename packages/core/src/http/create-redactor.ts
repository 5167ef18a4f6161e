/** Text that replaces a secret. */
const REDACTED = '[redacted]';

/**
 * Removes secrets (API keys) from server-provided text before an error keeps it.
 * @internal
 */
export interface Redactor {
  /**
   * Replaces every known encoding of every secret in a text; the whole text when a secret is
   * still readable after percent-decoding.
   * @param value - a server-provided text
   */
  text(value: string): string;
  /**
   * Redacts strings and keys of a parsed JSON value; `'[redacted]'` when it cannot be made safe.
   * @param value - a parsed JSON body
   */
  json(value: unknown): unknown;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The forms a server may echo a key in: as is, URL-encoded (partly or every byte), form-encoded,
// base64, base64url and hex, each also as a JSON string literal (one and two levels deep).
function encodings(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  // Buffer, not btoa(String.fromCharCode(...bytes)): a spread of a long key overflows the stack.
  const base64 = Buffer.from(bytes).toString('base64');
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    encodeURI(secret),
    Array.from(bytes, (b) => `%${b.toString(16).padStart(2, '0')}`).join(''),
    base64,
    base64.replace(/=+$/, ''),
    base64.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'),
    Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''),
  ]);
  for (const form of [...forms]) {
    const once = JSON.stringify(form).slice(1, -1);
    forms.add(once);
    forms.add(JSON.stringify(once).slice(1, -1));
  }
  return [...forms];
}

// Decodes every %XX escape, even inside text that is not valid percent-encoding as a whole.
const percentDecode = (text: string): string =>
  text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

const IDENTITY: Redactor = { text: (value) => value, json: (value) => value };

/**
 * Builds the redactor of a client's secrets (empty strings are ignored).
 * @param secrets - the values to remove, e.g. an API key
 * @returns the redactor; the identity when there are no secrets
 * @internal
 */
export function createRedactor(secrets: readonly string[] | undefined): Redactor {
  const values = (secrets ?? []).filter((s) => s.length > 0);
  if (values.length === 0) return IDENTITY;
  const forms = values.flatMap(encodings).sort((a, b) => b.length - a.length);
  const pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'gi');
  const lowered = values.map((s) => s.toLowerCase());
  // Fail closed: a secret still readable after decoding mixed percent-escapes hides the whole text.
  const hidden = (text: string): boolean => {
    const decoded = percentDecode(text).toLowerCase();
    return lowered.some((s) => decoded.includes(s));
  };
  const text = (value: string): string => {
    const replaced = value.replace(pattern, REDACTED);
    return hidden(replaced) ? REDACTED : replaced;
  };
  return {
    text,
    json(value) {
      if (value === undefined) return undefined;
      try {
        // Canonical JSON text: keys and strings alike, `\u` escapes of the original undone.
        const replaced = JSON.stringify(value).replace(pattern, REDACTED);
        return hidden(replaced) ? REDACTED : (JSON.parse(replaced) as unknown);
      } catch {
        return REDACTED;
      }
    },
  };
}
