import type { IncomingMessage, ServerResponse } from 'node:http';
import { IDP_ERROR_CODES } from '../data/idp-error-codes.js';
import { SpidTestIdpError } from '../errors.js';
import type { SpMetadata } from '../metadata/sp-metadata.js';
import { parseAuthnRequest } from '../request/parse-authn-request.js';
import type { ParsedAuthnRequest } from '../request/parsed-authn-request.js';
import { requestError } from '../request/request-error.js';
import { checkMessageSchema } from './check-message-schema.js';
import { createNonce, decodeQuery, type FormBody, sendHtml } from './http-io.js';
import type { IdpContext } from './idp-context.js';
import { isPeekFailure, type PeekInput, peekSamlMessage } from './peek-saml-message.js';
import { renderErrorPage } from './render-error-page.js';
import { renderLoginPage } from './render-login-page.js';

/** Codes whose error goes back to the SP as a Response (SPID Regole Tecniche, messaggi-errore.rst: 8, 9, 11–18). */
const BACK_TO_SP = new Set(IDP_ERROR_CODES.filter((e) => e.reachesSp && e.code >= 8 && e.code <= 18).map((e) => e.id));

/**
 * Answers with the SPID error page (HTTP 403, 400 for undecodable input).
 * @param res - the response
 * @param options - status, code, reasons, pending id of an error to return to the SP
 * @internal
 */
export function sendErrorPage(
  res: ServerResponse,
  options: {
    readonly status: number;
    readonly code: string | undefined;
    readonly reasonIt: string;
    readonly reasonEn: string;
    readonly returnToSp?: string | undefined;
    readonly close?: boolean | undefined;
  },
): void {
  const nonce = createNonce();
  sendHtml(res, options.status, renderErrorPage({ ...options, nonce }), { nonce, close: options.close });
}

function defaultAcs(sp: SpMetadata): string | undefined {
  return (sp.acs.find((a) => a.isDefault) ?? [...sp.acs].sort((a, b) => a.index - b.index)[0])?.location;
}

/**
 * `GET /sso` (HTTP-Redirect) and `POST /sso` (HTTP-POST): validates the decoded AuthnRequest against
 * the SAML protocol schema (nr08 when it fails, before any signature is checked), checks it with
 * `parseAuthnRequest` and shows the login page, or the SPID error page.
 * @param ctx - the IdP
 * @param req - the request
 * @param res - the response
 * @param body - the read form body (POST) or `undefined` (GET)
 * @internal
 */
export async function handleSso(
  ctx: IdpContext,
  req: IncomingMessage,
  res: ServerResponse,
  body: FormBody | undefined,
): Promise<void> {
  const input = readPeekInput(req, res, body);
  if (input === undefined) return;
  const query = input.binding === 'redirect' ? input.query : '';
  const peeked = peekSamlMessage(input);
  if (isPeekFailure(peeked)) return sendErrorPage(res, peeked);
  if (peeked.kind !== 'SAMLRequest') {
    return sendErrorPage(res, {
      status: 403,
      code: 'nr04',
      reasonIt: "L'endpoint SSO accetta solo SAMLRequest.",
      reasonEn: 'The SSO endpoint accepts only SAMLRequest.',
    });
  }
  const sp = await ctx.registry.find(peeked.issuer);
  if (sp === undefined) {
    return sendErrorPage(res, {
      status: 403,
      code: 'nr10',
      reasonIt: "L'Issuer della richiesta non è un Service Provider noto a questo IdP (metadata non caricati).",
      reasonEn: "The request's Issuer is not a Service Provider this IdP knows (its metadata is not loaded).",
    });
  }
  // Issue 9: the decoded request is schema-validated before any signature is looked at (nr08).
  const schema = await checkMessageSchema(peeked.xml);
  if (!schema.ok) {
    if (schema.unavailable) {
      return sendErrorPage(res, {
        status: 500,
        code: 'nr03',
        reasonIt: 'La validazione XSD non è disponibile: la richiesta non può essere accettata.',
        reasonEn: 'XSD validation is unavailable: the request cannot be accepted.',
      });
    }
    const error = requestError('nr08', 'authn-request.schema', `not SAML-compliant: ${schema.detail}`);
    return refuse(ctx, res, sp, peeked.id, peeked.relayState, error);
  }
  const parse = (metadata: SpMetadata): ParsedAuthnRequest =>
    parseAuthnRequest(
      input.binding === 'redirect'
        ? { binding: 'redirect', query }
        : {
            binding: 'post',
            samlRequest: input.fields.get('SAMLRequest') ?? '',
            ...(peeked.relayState === undefined ? {} : { relayState: peeked.relayState }),
          },
      { sp: metadata, idp: { entityId: ctx.entityId, ssoUrls: [ctx.ssoUrl] }, now: ctx.now(), cie: ctx.cie },
    );
  let request: ParsedAuthnRequest;
  try {
    try {
      request = parse(sp);
    } catch (error) {
      // A signature failure may be a rotated SP key: read the metadata URLs again and retry once.
      if (!(SpidTestIdpError.isInstance(error) && ['nr05', 'nr07'].includes(error.reason ?? ''))) throw error;
      await ctx.registry.refresh();
      request = parse((await ctx.registry.find(peeked.issuer)) ?? sp);
    }
  } catch (error) {
    return refuse(ctx, res, sp, peeked.id, peeked.relayState, error);
  }
  // A signed request is accepted once: a replay (the same SP and ID) would pin another pending
  // login and push out other users' ones.
  const seen = `${sp.entityId}\u0000${request.id}`;
  if (ctx.seenRequests.get(seen) !== undefined) {
    const replay = requestError('nr11', 'authn-request.id.unique', 'the request ID was already used (replay)');
    return refuse(ctx, res, sp, peeked.id, peeked.relayState, replay);
  }
  ctx.seenRequests.set(seen, true);
  const id = ctx.randomId();
  const { xml: _text, ...kept } = request;
  ctx.pending.set(id, { kind: 'login', request: kept, sp });
  const nonce = createNonce();
  sendHtml(res, 200, renderLoginPage({ ctx, pendingId: id, request, sp, nonce }), { nonce });
}

function refuse(
  ctx: IdpContext,
  res: ServerResponse,
  sp: SpMetadata,
  requestId: string | undefined,
  relayState: string | undefined,
  error: unknown,
): void {
  const code = SpidTestIdpError.isInstance(error) && /^nr\d\d$/.test(error.reason ?? '') ? error.reason : undefined;
  const row = IDP_ERROR_CODES.find((e) => e.id === code);
  // The error message names the broken rule without echoing the request's content.
  const detail = error instanceof Error ? error.message : 'unknown error';
  const acsUrl = defaultAcs(sp);
  let returnToSp: string | undefined;
  if (code !== undefined && BACK_TO_SP.has(code) && acsUrl !== undefined) {
    returnToSp = ctx.randomId();
    const wellFormedId = requestId !== undefined && /^[A-Za-z_][\w.-]*$/.test(requestId) ? requestId : undefined;
    ctx.pending.set(returnToSp, {
      kind: 'request-error',
      code,
      sp,
      acsUrl,
      // Copies: a substring of the decoded request would keep the whole request text alive in V8.
      inResponseTo: ownCopy(wellFormedId),
      relayState: ownCopy(relayState),
    });
  }
  sendErrorPage(res, {
    status: code === undefined ? 400 : (row?.httpStatus ?? 403),
    code: code ?? 'nr08',
    reasonIt: `${row?.pageMessageIt ?? 'Richiesta di autenticazione non valida.'} Dettaglio: ${detail}`,
    reasonEn: `${row?.pageMessageEn ?? 'Invalid authentication request.'} Detail: ${detail}`,
    returnToSp,
  });
}

/** A string that shares no memory with the (possibly huge) text it was cut from. */
function ownCopy(value: string | undefined): string | undefined {
  return value === undefined ? undefined : Buffer.from(value, 'utf8').toString('utf8');
}

/**
 * Reads the SAML message's fields from a GET query (Redirect) or a read form body (POST), or
 * answers the `nr04` page for a body that failed or a query that cannot be decoded.
 * @param req - the request (its URL holds the Redirect query)
 * @param res - the response, answered on failure
 * @param body - the read form body (POST) or `undefined` (GET)
 * @returns the input to peek at, or `undefined` when the page was sent
 * @internal
 */
export function readPeekInput(
  req: IncomingMessage,
  res: ServerResponse,
  body: FormBody | undefined,
): PeekInput | undefined {
  if (body !== undefined && !body.ok) {
    sendErrorPage(res, {
      status: body.status,
      code: 'nr04',
      reasonIt: 'Il corpo della richiesta non è un modulo valido o supera i limiti.',
      reasonEn: 'The request body is not a valid form or exceeds the limits.',
      close: true,
    });
    return undefined;
  }
  if (body !== undefined) return { binding: 'post', fields: body.fields };
  const target = req.url ?? '';
  const query = target.includes('?') ? target.slice(target.indexOf('?') + 1) : '';
  const fields = decodeQuery(query);
  if (fields === undefined) {
    sendErrorPage(res, {
      status: 400,
      code: 'nr04',
      reasonIt: 'La query string non è valida (parametri ripetuti, troppi o codifica errata).',
      reasonEn: 'The query string is invalid (repeated or too many parameters, or bad encoding).',
    });
    return undefined;
  }
  return { binding: 'redirect', query, fields };
}
