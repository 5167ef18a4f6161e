import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * How a browser session is kept next to a pending request: SHA-256, base64url (PendingRequest.session):
 * the store never holds the cookie value itself.
 * @internal
 */
export function computeSessionHash(session: string): string {
  return createHash('sha256').update(session, 'utf8').digest('base64url');
}

/**
 * Whether `session` is the one whose hash was stored, in constant time (the lengths of two SHA-256
 * base64url digests are public and equal).
 * @internal
 */
export function isSameSession(storedHash: string, session: string): boolean {
  const a = Buffer.from(storedHash, 'utf8');
  const b = Buffer.from(computeSessionHash(session), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
