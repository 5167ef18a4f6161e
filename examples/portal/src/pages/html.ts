// Server-side HTML: every value goes through `escapeHtml`; pages carry a nonce CSP and no external assets.
import { randomBytes } from 'node:crypto';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and double- or single-quoted attributes. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A fresh CSP nonce. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The Content-Security-Policy of the portal's pages: nothing from elsewhere, the inline style by nonce. */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    // No form-action: the login form goes to /spid/login, which redirects to the chosen IdP (browsers
    // apply form-action to that redirect too).
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
