import type { IncomingMessage, ServerResponse } from 'node:http';
import { SamlError } from '@civico/saml';
import { handleLogin } from './handle-login.js';
import { handleLogoutInitiate } from './handle-logout-initiate.js';
import { handleSlo } from './handle-slo.js';
import { handleSso, sendErrorPage } from './handle-sso.js';
import { createNonce, IDP_HTTP_LIMITS, readFormBody, sendHtml, sendText } from './http-io.js';
import type { IdpContext } from './idp-context.js';
import { renderHomePage } from './render-home-page.js';

const wrongMethod = (res: ServerResponse): void =>
  sendErrorPage(res, {
    status: 403,
    code: 'nr06',
    reasonIt: 'Metodo HTTP non ammesso per questo endpoint.',
    reasonEn: 'HTTP method not allowed for this endpoint.',
    close: true,
  });

/**
 * Dispatches one request to its handler. A binding that refuses an SP endpoint taken from its
 * metadata is a 400 page; anything else unexpected rejects (the server answers 500).
 * @param ctx - the IdP
 * @param req - the request
 * @param res - the response
 * @internal
 */
export async function routeRequest(ctx: IdpContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    await dispatch(ctx, req, res);
  } catch (error) {
    // An SP endpoint from its metadata that the binding refuses (not http(s), a fragment,
    // credentials) is the SP's configuration error, not ours: a 400 page naming it.
    if (!SamlError.isInstance(error) || error.code !== 'ERR_SAML_INVALID_CONFIG' || res.headersSent) throw error;
    sendErrorPage(res, {
      status: 400,
      code: undefined,
      reasonIt: `Un indirizzo del Service Provider nei suoi metadata non è utilizzabile (${error.field ?? 'URL'}).`,
      reasonEn: `A Service Provider address in its metadata is not usable (${error.field ?? 'URL'}).`,
    });
  }
}

async function dispatch(ctx: IdpContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = req.url ?? '/';
  if (target.length > IDP_HTTP_LIMITS.maxUrlLength) {
    return sendErrorPage(res, {
      status: 414,
      code: 'nr04',
      reasonIt: 'La URL supera la lunghezza massima.',
      reasonEn: 'The URL exceeds the maximum length.',
      close: true,
    });
  }
  const path = target.split('?')[0] ?? '/';
  const method = req.method ?? 'GET';
  switch (path) {
    case '/':
      if (method !== 'GET') return wrongMethod(res);
      return sendHome(ctx, res);
    case '/metadata':
    case '/metadata.xml':
      if (method !== 'GET') return wrongMethod(res);
      return sendText(res, 200, 'application/samlmetadata+xml; charset=utf-8', ctx.metadataXml);
    case '/sso':
      if (method === 'GET') return handleSso(ctx, req, res, undefined);
      if (method === 'POST') return handleSso(ctx, req, res, await readFormBody(req));
      return wrongMethod(res);
    case '/slo':
      if (method === 'GET') return handleSlo(ctx, req, res, undefined);
      if (method === 'POST') return handleSlo(ctx, req, res, await readFormBody(req));
      return wrongMethod(res);
    case '/login':
      if (method !== 'POST') return wrongMethod(res);
      return handleLogin(ctx, res, await readFormBody(req));
    case '/logout/initiate':
      if (method !== 'POST') return wrongMethod(res);
      return handleLogoutInitiate(ctx, res, await readFormBody(req));
    default:
      return sendErrorPage(res, {
        status: 404,
        code: undefined,
        reasonIt: 'Pagina non trovata.',
        reasonEn: 'Page not found.',
        close: method !== 'GET',
      });
  }
}

function sendHome(ctx: IdpContext, res: ServerResponse): void {
  const nonce = createNonce();
  sendHtml(res, 200, renderHomePage(ctx, nonce), { nonce });
}
