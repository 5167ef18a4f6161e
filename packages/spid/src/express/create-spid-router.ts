import type { IncomingMessage } from 'node:http';
import { type Request as ExpressRequest, type Router as ExpressRouter, Router } from 'express';
import type { ServiceProvider } from '../sp/service-provider.js';
import { createResolvedSpidHandler } from '../web/create-spid-handler.js';
import { createFailedBody, createWebRequest, readNodeBody, readNodeUrl, sendWebResponse } from '../web/node-io.js';
import type { SpidHandlerOptions } from '../web/spid-handler-options.js';

/**
 * The form an earlier body parser (`express.urlencoded()` mounted before the router) left in
 * `req.body`, re-encoded; only a flat record of strings is taken (anything else: no body, refused).
 */
function reencodeParsedBody(req: ExpressRequest): string | undefined {
  const parsed: unknown = req.body;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') return undefined;
    form.append(name, value);
  }
  return form.toString();
}

/**
 * Creates an Express 5 router serving the SPID endpoints (`createSpidHandler` of `@civico/spid/web`:
 * the same routes, cookie, pages and callbacks, one implementation).
 *
 * @remarks
 * Each request under `basePath` is converted to a Web `Request` (its form body read here, capped at
 * `maxBodyBytes`, default 512 KiB; a longer one is refused with 400 and the connection closed) and the
 * handler's `Response` is written back; any other path goes to `next()`. Mount it at the application
 * root (`app.use(router)`: the routes are matched on `req.originalUrl`) and before
 * `express.urlencoded()`: the router reads the raw body itself (a form already parsed by an earlier
 * body parser is re-encoded as a fallback, within that parser's own limit). Set `app.set('trust proxy', …)`
 * behind a TLS proxy so that `req.protocol` is `https`. Errors that are not `SpidError`s (a failing
 * `onLogin`) go to Express's error handling; a body the client aborts gets the 400 page, not an error.
 *
 * **Timeouts** are the Node server's: `server.requestTimeout` (default 300 s since Node 18, the time
 * to receive a whole request) bounds how long a slow body (slowloris) holds a connection and up to
 * `maxBodyBytes` of memory. Lower it on the server `app.listen` returns (e.g. `server.requestTimeout =
 * 30_000`) or on a reverse proxy in front; a body cut by the timeout gets the 400 page.
 *
 * @param sp - the Service Provider (`createServiceProvider`)
 * @param options - as for `createSpidHandler`: `onLogin` (required), `onLogout`, `getLogin`, `basePath`…
 * @returns the router
 * @throws `SpidError` `ERR_SPID_INVALID_CONFIG` when `sp` or an option is invalid.
 * @example
 * ```ts
 * import express from 'express';
 * import type { ServiceProvider } from '@civico/spid';
 * import { createSpidRouter } from '@civico/spid/express';
 * declare const sp: ServiceProvider;
 * const app = express();
 * app.use(
 *   createSpidRouter(sp, {
 *     onLogin: (login) =>
 *       new Response(null, { status: 303, headers: { location: login.returnTo ?? '/' } }),
 *   }),
 * );
 * const server = app.listen(3000);
 * server.requestTimeout = 30_000; // a whole request within 30 s (Node's default: 300 s)
 * ```
 * @group Express
 */
export function createSpidRouter(sp: ServiceProvider, options: SpidHandlerOptions): ExpressRouter {
  const { handler, options: resolved } = createResolvedSpidHandler(sp, options);
  const prefix = `${resolved.basePath}/`;
  const limit = resolved.maxBodyBytes;
  const router = Router();
  router.use(async (req, res, next) => {
    const target = req.originalUrl;
    if (!target.startsWith(prefix)) return next();
    let protocol: string | undefined;
    try {
      protocol = req.protocol;
    } catch {
      // The client went away (no socket left to ask): the answer will not be read anyway.
      protocol = undefined;
    }
    const url = readNodeUrl(target, protocol, req.get('host'));
    let body: Uint8Array | string | ReadableStream<Uint8Array> | undefined;
    let truncated = false;
    if (req.method === 'POST') {
      if ((req as IncomingMessage).readableEnded) body = reencodeParsedBody(req) ?? '';
      else {
        const read = await readNodeBody(req, limit);
        truncated = read.truncated;
        // An aborted or timed-out body: the handler answers its 400 page, nothing reaches Express's errors.
        body = read.error === undefined ? read.body : createFailedBody(read.error);
      }
    }
    const response = await handler(createWebRequest(url, req.method, req.headers, body));
    if (response === null) return next();
    if (truncated) res.on('finish', () => req.destroy());
    await sendWebResponse(res, response, truncated);
  });
  return router;
}
