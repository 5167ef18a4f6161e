import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { SpidError } from '../errors.js';
import type { ServiceProvider } from '../sp/service-provider.js';
import { createResolvedSpidHandler } from '../web/create-spid-handler.js';
import { sendErrorPage } from '../web/http-answers.js';
import { createWebRequest, readNodeUrl, readWebResponse } from '../web/node-io.js';
import type { SpidHandlerOptions } from '../web/spid-handler-options.js';

const ROUTES = ['metadata', 'login', 'acs', 'slo', 'logout'] as const;

async function reply(target: FastifyReply, response: Response, close = false): Promise<FastifyReply> {
  const { status, headers, body } = await readWebResponse(response);
  target.code(status).headers(headers);
  if (close) target.header('connection', 'close');
  return target.send(body);
}

/**
 * Creates a Fastify 5 plugin serving the SPID endpoints (`createSpidHandler` of `@civico/spid/web`:
 * the same routes, cookie, pages and callbacks, one implementation).
 *
 * @remarks
 * Registers `<basePath>/metadata`, `/login`, `/acs`, `/slo` and `/logout` (for every method: a wrong
 * one gets 405 from the handler; `/logout` without `getLogin`, the app's 404). Inside the plugin's
 * encapsulated context only, form bodies are read raw with a body limit (`maxBodyBytes`, default
 * 512 KiB): the application's own content-type parsers and limits are untouched, and ours do not
 * leak out. A body over the limit, or that Fastify cannot read, gets the SPID courtesy page with 400.
 * Register it without a `prefix` (put the prefix in `basePath`). Behind a TLS proxy set Fastify's
 * `trustProxy`. Errors that are not `SpidError`s (a failing `onLogin`) go to Fastify's error handling.
 *
 * **Set a request timeout.** Fastify's `requestTimeout` defaults to `0` (no limit, and it replaces
 * Node's own 300 s): a client sending its body one byte at a time (slowloris) then holds a connection
 * and up to `maxBodyBytes` of memory for as long as it likes. Pass e.g. `Fastify({ requestTimeout:
 * 30_000 })` (or set it on a reverse proxy in front); a body cut by the timeout gets the 400 page.
 *
 * @param sp - the Service Provider (`createServiceProvider`)
 * @param options - as for `createSpidHandler`: `onLogin` (required), `onLogout`, `getLogin`, `basePath`…
 * @returns the plugin, for `fastify.register`
 * @throws `SpidError` `ERR_SPID_INVALID_CONFIG` when `sp` or an option is invalid.
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import type { ServiceProvider } from '@civico/spid';
 * import { createSpidPlugin } from '@civico/spid/fastify';
 * declare const sp: ServiceProvider;
 * const app = Fastify({ requestTimeout: 30_000 }); // Fastify's default 0 means no limit (slow bodies)
 * await app.register(
 *   createSpidPlugin(sp, {
 *     onLogin: (login) =>
 *       new Response(null, { status: 303, headers: { location: login.returnTo ?? '/' } }),
 *   }),
 * );
 * await app.listen({ port: 3000 });
 * ```
 * @group Fastify
 */
export function createSpidPlugin(sp: ServiceProvider, options: SpidHandlerOptions): FastifyPluginAsync {
  const { handler, options: resolved } = createResolvedSpidHandler(sp, options);
  const { basePath, maxBodyBytes: bodyLimit, homePath } = resolved;
  return async (fastify) => {
    // Encapsulated: these parsers and this error handler apply to the SPID routes only.
    fastify.removeAllContentTypeParsers();
    const raw = (_request: FastifyRequest, body: Buffer, done: (error: null, body: Buffer) => void): void =>
      done(null, body);
    fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit }, raw);
    // Any other type is read raw too: the handler refuses it with its own 400 page.
    fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, raw);
    fastify.setErrorHandler(async (error, _request, target) => {
      const status = (error as { statusCode?: unknown }).statusCode;
      if (SpidError.isInstance(error) || typeof status !== 'number' || status < 400 || status >= 500) throw error;
      // A body Fastify could not read (too large, bad length): refused like any malformed input.
      const refused = new SpidError('ERR_SPID_INVALID_INPUT', 'The request body cannot be read', {
        reason: 'body',
        status: 400,
        cause: error,
      });
      const page = sendErrorPage({ status: 400, code: refused.code, message: refused.userMessage, homePath });
      return reply(target, page, true);
    });
    const route = async (request: FastifyRequest, target: FastifyReply): Promise<FastifyReply> => {
      const body = Buffer.isBuffer(request.body) ? request.body : undefined;
      const url = readNodeUrl(request.raw.url ?? request.url, request.protocol, request.headers.host);
      const response = await handler(createWebRequest(url, request.method, request.headers, body));
      if (response === null) {
        target.callNotFound();
        return target;
      }
      return reply(target, response);
    };
    for (const name of ROUTES) fastify.all(`${basePath}/${name}`, route);
  };
}
