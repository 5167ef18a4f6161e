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

export interface PortalAppOptions {
  readonly sp: ServiceProvider;
  readonly comune: { readonly name: string; readonly motto?: string | undefined };
  readonly sessions?: PortalSessions | undefined;
}

/** The portal's login-session cookie: HttpOnly, Lax (sent on top-level navigations only), whole site. */
function sessionCookie(value: string, maxAgeSeconds: number): string {
  return `${PORTAL_SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}`;
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
  const findIdp = (entityId: string): IdpDescriptor | undefined => sp.listIdps().find((i) => i.entityId === entityId);
  const current = (req: Request) => sessions.get(readCookie(req.headers.cookie, PORTAL_SESSION_COOKIE));
  const nameOf = (req: Request): string | undefined => {
    const user = current(req)?.login.user;
    return user === undefined ? undefined : [user.name, user.familyName].filter(Boolean).join(' ') || 'Cittadino';
  };

  const app = express();
  app.disable('x-powered-by');

  app.use(
    '/spid',
    createSpidRouter(sp, {
      // A valid Response: open the portal's session and go to the citizen's page.
      onLogin: (login) => {
        const session = sessions.create(login);
        return {
          redirect: login.returnTo ?? '/me',
          headers: { 'set-cookie': sessionCookie(session.id, 30 * 60) },
        };
      },
      // An IdP-initiated logout: end the portal's sessions of that login.
      onLogout: (subject) => {
        sessions.deleteWhere((l) => l.nameId === subject.nameId && l.idp === subject.idp);
      },
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

  // Logout: the portal's session ends here; when the IdP offers Single Logout, the SPID router continues
  // with a LogoutRequest to it and comes back to /logged-out.
  app.post('/logout', async (req, res) => {
    const session = sessions.delete(readCookie(req.headers.cookie, PORTAL_SESSION_COOKIE));
    res.append('set-cookie', sessionCookie('', 0));
    const idp = session === undefined ? undefined : findIdp(session.login.idp);
    if (session === undefined || idp === undefined || (idp.slo.redirect ?? idp.slo.post) === undefined) {
      return res.redirect(303, '/logged-out');
    }
    const query = new URLSearchParams({ returnTo: '/logged-out' });
    res.redirect(303, `/spid/logout?${query}`);
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
