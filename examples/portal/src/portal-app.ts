// The Express 5 app of the portal: home with the IdP picker, the SPID router at /spid, the citizen's page
// and logout. The SPID router keeps the pending request server-side (the SP's store), keyed by its own
// session cookie; after the ACS, the portal opens its own login session (an in-memory map, HttpOnly cookie).
import type { IdpDescriptor, ServiceProvider } from '@civico/spid';
import { createSpidRouter } from '@civico/spid/express';
import express, { type Request, type Response } from 'express';
import { contentSecurityPolicy, createNonce } from './pages/html.js';
import { renderHomePage } from './pages/render-home-page.js';
import { renderMePage } from './pages/render-me-page.js';
import { renderMessagePage } from './pages/render-message-page.js';
import { createPortalSessions, PORTAL_SESSION_COOKIE, type PortalSessions, readCookie } from './portal-sessions.js';
import { withCieService } from './with-cie-service.js';

export interface PortalAppOptions {
  readonly sp: ServiceProvider;
  readonly comune: { readonly name: string; readonly motto?: string | undefined };
  readonly sessions?: PortalSessions | undefined;
  /** Mark the portal's cookie `Secure` (the portal is served over https). */
  readonly secureCookies?: boolean | undefined;
  /** The attribute consuming service for CIE logins (see `withCieService`). */
  readonly cieServiceIndex?: number | undefined;
}

/** Lifetime of the portal's login cookie (the in-memory session expires after 30 idle minutes too). */
const SESSION_MAX_AGE_S = 30 * 60;

/** The portal's login-session cookie: HttpOnly, Lax (sent on top-level navigations only), whole site. */
function formatSessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return `${PORTAL_SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}

function sendPage(res: Response, status: number, render: (nonce: string) => string): void {
  const nonce = createNonce();
  res
    .status(status)
    .set({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': contentSecurityPolicy(nonce),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    })
    .send(render(nonce));
}

export function createPortalApp(options: PortalAppOptions): express.Express {
  const { sp, comune } = options;
  const sessions = options.sessions ?? createPortalSessions();
  const sessionCookie = (value: string, maxAgeSeconds: number): string =>
    formatSessionCookie(value, maxAgeSeconds, options.secureCookies === true);
  const findIdp = (entityId: string): IdpDescriptor | undefined => sp.listIdps().find((i) => i.entityId === entityId);
  const current = (req: Request) => sessions.get(readCookie(req.headers.cookie, PORTAL_SESSION_COOKIE));
  const nameOf = (req: Request): string | undefined => {
    const user = current(req)?.login.user;
    return user === undefined ? undefined : [user.name, user.familyName].filter(Boolean).join(' ') || 'Cittadino';
  };

  const app = express();
  app.disable('x-powered-by');

  // The SPID endpoints under /spid (mounted at the root: the router matches the full path, and reads the
  // form bodies itself, so no body parser comes before it).
  app.use(
    createSpidRouter(withCieService(sp, options.cieServiceIndex), {
      basePath: '/spid',
      // A valid Response: open the portal's session and go to the citizen's page (303, then /me answers 200).
      onLogin: (login) => {
        const session = sessions.create(login);
        return new Response(null, {
          status: 303,
          headers: { location: login.returnTo ?? '/me', 'set-cookie': sessionCookie(session.id, SESSION_MAX_AGE_S) },
        });
      },
      // The login of this browser, for SP-initiated Single Logout at /spid/logout.
      getLogin: (request) => {
        const login = sessions.get(
          readCookie(request.headers.get('cookie') ?? undefined, PORTAL_SESSION_COOKIE),
        )?.login;
        return login === undefined
          ? undefined
          : {
              idp: login.idp,
              nameId: login.nameId,
              nameQualifier: login.nameQualifier,
              sessionIndex: login.sessionIndex,
            };
      },
      // A login ends (IdP-initiated LogoutRequest, or our own logout): end the portal's sessions of it.
      onLogout: (subject) => {
        sessions.deleteWhere((l) => l.idp === subject.idp && l.nameId === subject.nameId);
        return { 'set-cookie': sessionCookie('', 0) };
      },
      logoutReturnTo: '/logged-out',
      homePath: '/',
    }),
  );

  app.get('/', (req, res) => {
    sendPage(res, 200, (nonce) =>
      renderHomePage({ comune: comune.name, motto: comune.motto, idps: sp.listIdps(), nonce, user: nameOf(req) }),
    );
  });

  app.get('/me', (req, res) => {
    const session = current(req);
    if (session === undefined) {
      return sendPage(res, 401, (nonce) =>
        renderMessagePage({
          comune: comune.name,
          title: 'Accesso richiesto',
          message: 'Per vedere la tua area personale accedi con SPID o CIE.',
          nonce,
          error: true,
        }),
      );
    }
    sendPage(res, 200, (nonce) =>
      renderMePage({ comune: comune.name, login: session.login, idp: findIdp(session.login.idp), nonce }),
    );
  });

  // Logout: the SPID router ends the portal's session (onLogout) and sends the LogoutRequest to the IdP,
  // whose answer comes back to /spid/slo and then to /logged-out. An IdP without Single Logout (CIE), or no
  // login: straight to /logged-out. POST (not a link) so that another site cannot log the citizen out.
  app.post('/logout', (req, res) => {
    if (current(req) === undefined) {
      res.append('set-cookie', sessionCookie('', 0));
      return res.redirect(303, '/logged-out');
    }
    res.redirect(303, '/spid/logout?returnTo=/logged-out');
  });

  // No favicon (no external or binary assets): answer it without a 404 in the browser console.
  app.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });

  app.get('/logged-out', (_req, res) => {
    sendPage(res, 200, (nonce) =>
      renderMessagePage({
        comune: comune.name,
        title: 'Sei uscito',
        message: 'Hai chiuso la sessione del portale. A presto!',
        nonce,
      }),
    );
  });

  app.use((_req, res) => {
    sendPage(res, 404, (nonce) =>
      renderMessagePage({
        comune: comune.name,
        title: 'Pagina non trovata',
        message: 'La pagina non esiste.',
        nonce,
        error: true,
      }),
    );
  });

  return app;
}
