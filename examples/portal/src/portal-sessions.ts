// The portal's own login session after a successful SPID/CIE login: an in-memory map keyed by a random
// ID in an HttpOnly cookie. (The pending SAML request lives in the SP's store, not here.) A real portal
// with several instances keeps these in Redis or its database.
import { randomBytes } from 'node:crypto';
import type { SpidLogin } from '@civico/spid';

/** The cookie of the portal's login session. */
export const PORTAL_SESSION_COOKIE = 'vigna_alta_session';

/** How long a login session lasts without activity. */
const SESSION_TTL_MS = 30 * 60_000;
/** Most sessions kept at once (the oldest is dropped): a demo must not grow without bound. */
const MAX_SESSIONS = 10_000;

export interface PortalSession {
  readonly id: string;
  readonly login: SpidLogin;
  readonly createdAt: number;
  lastSeen: number;
}

export interface PortalSessions {
  create(login: SpidLogin): PortalSession;
  get(id: string | undefined): PortalSession | undefined;
  delete(id: string | undefined): PortalSession | undefined;
  /** Ends every session of this login (IdP-initiated logout names NameID and SessionIndex). */
  deleteWhere(match: (login: SpidLogin) => boolean): number;
  readonly size: number;
}

export function createPortalSessions(now: () => number = Date.now): PortalSessions {
  const sessions = new Map<string, PortalSession>();
  const fresh = (s: PortalSession | undefined): PortalSession | undefined => {
    if (s === undefined) return undefined;
    if (now() - s.lastSeen > SESSION_TTL_MS) {
      sessions.delete(s.id);
      return undefined;
    }
    return s;
  };
  return {
    create(login) {
      if (sessions.size >= MAX_SESSIONS) {
        const oldest = sessions.keys().next().value;
        if (oldest !== undefined) sessions.delete(oldest);
      }
      const id = randomBytes(32).toString('base64url');
      const session: PortalSession = { id, login, createdAt: now(), lastSeen: now() };
      sessions.set(id, session);
      return session;
    },
    get(id) {
      const session = fresh(id === undefined ? undefined : sessions.get(id));
      if (session !== undefined) session.lastSeen = now();
      return session;
    },
    delete(id) {
      const session = id === undefined ? undefined : sessions.get(id);
      if (session !== undefined) sessions.delete(session.id);
      return session;
    },
    deleteWhere(match) {
      let count = 0;
      for (const [id, session] of sessions) {
        if (match(session.login)) {
          sessions.delete(id);
          count++;
        }
      }
      return count;
    },
    get size() {
      return sessions.size;
    },
  };
}

/** Reads one cookie from a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}
