import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  decodeRedirectBinding,
  encodeRedirectBinding,
  parseXml,
  renderPostForm,
  verifyXmlSignature,
} from '@civico/saml';
import { buildLogoutResponse } from '../logout/build-logout-response.js';
import { type LogoutMessage, readLogoutMessage } from '../logout/read-logout-message.js';
import { SAML_BINDINGS } from '../logout/saml-text.js';
import type { SpMetadata } from '../metadata/sp-metadata.js';
import type { XmlElement } from '../metadata/xml-dom.js';
import { checkMessageSchema } from './check-message-schema.js';
import { readPeekInput, sendErrorPage } from './handle-sso.js';
import { createNonce, type FormBody, originOf, sendHtml, sendRedirect } from './http-io.js';
import type { IdpContext } from './idp-context.js';
import { isPeekFailure, type PeekedMessage, type PeekInput, peekSamlMessage } from './peek-saml-message.js';
import { escapeHtml, renderLayout } from './render-layout.js';

/** Verifies the message with the SP's certificates and reads it from the signed element only. */
function verify(input: PeekInput, peeked: PeekedMessage, sp: SpMetadata, now: Date): LogoutMessage | undefined {
  try {
    const certificates = sp.signingCertificates;
    if (input.binding === 'redirect') {
      const decoded = decodeRedirectBinding(input.query, { certificates, requireSignature: true, now });
      return readLogoutMessage(parseXml(decoded.xml).documentElement as XmlElement);
    }
    if (peeked.id === undefined) return undefined;
    const signed = verifyXmlSignature(peeked.xml, { id: peeked.id, certificates, now });
    return readLogoutMessage(signed as unknown as XmlElement);
  } catch {
    return undefined;
  }
}

function sendInfo(res: ServerResponse, status: number, titleIt: string, textIt: string, textEn: string): void {
  const nonce = createNonce();
  const body = `<h1>${escapeHtml(titleIt)}</h1><p>${escapeHtml(textIt)}</p><p class="en">${escapeHtml(textEn)}</p>`;
  sendHtml(res, status, renderLayout({ title: titleIt, body, nonce }), { nonce });
}

/**
 * Sends a SAML message to the SP through the browser on a binding: a 302 to the signed query
 * (Redirect), or the auto-submitting form with the enveloped-signed XML (POST).
 * @param ctx - the IdP (its key signs)
 * @param res - the response
 * @param options - binding, location, message kind, builder (told whether to sign in the XML), RelayState
 * @internal
 */
export function sendToSp(
  ctx: IdpContext,
  res: ServerResponse,
  options: {
    readonly binding: 'redirect' | 'post';
    readonly location: string;
    readonly kind: 'SAMLRequest' | 'SAMLResponse';
    readonly build: (signed: boolean) => string;
    readonly relayState: string | undefined;
  },
): void {
  const relay = options.relayState === undefined ? {} : { relayState: options.relayState };
  if (options.binding === 'redirect') {
    const url = encodeRedirectBinding({
      location: options.location,
      kind: options.kind,
      xml: options.build(false),
      key: ctx.key,
      ...relay,
    });
    sendRedirect(res, url);
    return;
  }
  const nonce = createNonce();
  const html = renderPostForm({
    action: options.location,
    kind: options.kind,
    xml: options.build(true),
    nonce,
    ...relay,
  });
  const target = originOf(options.location);
  sendHtml(res, 200, html, { nonce, formTargets: target === undefined ? [] : [target] });
}

/**
 * `GET /slo` (HTTP-Redirect) and `POST /slo` (HTTP-POST): a message that is not valid against the SAML
 * protocol schema gets a 400 page before its signature is checked; a LogoutRequest from an SP ends its
 * sessions and is answered with a signed LogoutResponse `Success` on the same binding (CIE: no SAML
 * answer, CIE manuale tecnico); a LogoutResponse answers an IdP-initiated logout.
 * @param ctx - the IdP
 * @param req - the request
 * @param res - the response
 * @param body - the read form body (POST) or `undefined` (GET)
 * @internal
 */
export async function handleSlo(
  ctx: IdpContext,
  req: IncomingMessage,
  res: ServerResponse,
  body: FormBody | undefined,
): Promise<void> {
  const input = readPeekInput(req, res, body);
  if (input === undefined) return;
  const peeked = peekSamlMessage(input);
  if (isPeekFailure(peeked)) return sendErrorPage(res, peeked);
  const sp = await ctx.registry.find(peeked.issuer);
  if (sp === undefined) {
    return sendErrorPage(res, {
      status: 403,
      code: 'nr10',
      reasonIt: "L'Issuer del messaggio di logout non è un Service Provider noto.",
      reasonEn: "The logout message's Issuer is not a known Service Provider.",
    });
  }
  // Issue 9: the decoded message is schema-validated before any signature is looked at.
  const schema = await checkMessageSchema(peeked.xml);
  if (!schema.ok) {
    return sendErrorPage(res, {
      status: schema.unavailable ? 500 : 400,
      code: undefined,
      reasonIt: schema.unavailable
        ? 'La validazione XSD non è disponibile: il messaggio di logout non può essere accettato.'
        : `Il messaggio di logout non è valido secondo lo schema SAML del protocollo. Dettaglio: ${schema.detail}`,
      reasonEn: schema.unavailable
        ? 'XSD validation is unavailable: the logout message cannot be accepted.'
        : `The logout message is not valid against the SAML protocol schema: ${schema.detail}`,
    });
  }
  let message = verify(input, peeked, sp, ctx.now());
  if (message === undefined) {
    await ctx.registry.refresh();
    const again = await ctx.registry.find(peeked.issuer);
    if (again !== undefined) message = verify(input, peeked, again, ctx.now());
  }
  if (message === undefined || message.issuer !== sp.entityId) {
    return sendErrorPage(res, {
      status: 403,
      code: input.binding === 'redirect' ? 'nr05' : 'nr07',
      reasonIt: 'La firma del messaggio di logout manca o non è valida per i certificati del Service Provider.',
      reasonEn: "The logout message's signature is missing or not valid for the Service Provider's certificates.",
    });
  }
  // SPID §4.3: both messages carry Destination; one addressed elsewhere is not for this IdP.
  if (message.destination !== ctx.sloUrl) {
    return sendErrorPage(res, {
      status: 403,
      code: undefined,
      reasonIt: 'Il messaggio di logout non ha come Destination lo SingleLogoutService di questo IdP.',
      reasonEn: "The logout message's Destination is not this IdP's SingleLogoutService.",
    });
  }
  if (message.kind === 'LogoutResponse') return logoutAnswered(ctx, res, message);
  return logoutRequested(ctx, res, input.binding, sp, message, peeked.relayState);
}

async function logoutAnswered(ctx: IdpContext, res: ServerResponse, message: LogoutMessage): Promise<void> {
  const pending = message.inResponseTo === undefined ? undefined : ctx.logouts.take(message.inResponseTo);
  if (pending === undefined || pending.spEntityId !== message.issuer) {
    return sendErrorPage(res, {
      status: 403,
      code: undefined,
      reasonIt: 'Questa LogoutResponse non risponde a una richiesta di logout in corso.',
      reasonEn: 'This LogoutResponse does not answer a logout in progress.',
    });
  }
  const ok = message.status === 'urn:oasis:names:tc:SAML:2.0:status:Success';
  sendInfo(
    res,
    200,
    ok ? 'Logout completato' : 'Logout parziale',
    ok ? 'Il Service Provider ha chiuso la sessione.' : 'Il Service Provider non ha confermato il logout.',
    ok ? 'The Service Provider ended the session.' : 'The Service Provider did not confirm the logout.',
  );
}

async function logoutRequested(
  ctx: IdpContext,
  res: ServerResponse,
  binding: 'redirect' | 'post',
  sp: SpMetadata,
  message: LogoutMessage,
  relayState: string | undefined,
): Promise<void> {
  for (const [id, s] of ctx.sessions.entries()) {
    if (s.spEntityId === sp.entityId && s.nameId === message.nameId) ctx.sessions.delete(id);
  }
  // CIE has no SAML logout: the IdP accepts the LogoutRequest and sends nothing back (CIE manuale tecnico).
  if (ctx.cie) {
    return sendInfo(res, 200, 'Logout eseguito', 'La sessione CIE è chiusa.', 'The CIE session is closed.');
  }
  const wanted = binding === 'redirect' ? SAML_BINDINGS.redirect : SAML_BINDINGS.post;
  const slo = sp.singleLogout.find((s) => s.binding === wanted) ?? sp.singleLogout[0];
  if (slo === undefined || (slo.binding !== SAML_BINDINGS.redirect && slo.binding !== SAML_BINDINGS.post)) {
    return sendErrorPage(res, {
      status: 400,
      code: undefined,
      reasonIt: 'I metadata del Service Provider non hanno un SingleLogoutService HTTP-Redirect o HTTP-POST.',
      reasonEn: "The Service Provider's metadata has no HTTP-Redirect or HTTP-POST SingleLogoutService.",
    });
  }
  const location = slo.responseLocation ?? slo.location;
  const id = ctx.randomId();
  sendToSp(ctx, res, {
    binding: slo.binding === SAML_BINDINGS.redirect ? 'redirect' : 'post',
    location,
    kind: 'SAMLResponse',
    relayState,
    build: (signed) =>
      buildLogoutResponse({
        issuer: ctx.entityId,
        destination: location,
        inResponseTo: message.id,
        id,
        now: ctx.now(),
        ...(signed ? { key: ctx.key } : {}),
      }),
  });
}
