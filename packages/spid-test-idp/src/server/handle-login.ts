import type { ServerResponse } from 'node:http';
import { NS, parseXml, renderPostForm } from '@civico/saml';
import { IDP_ERROR_CODES, type UserErrorOutcome } from '../data/idp-error-codes.js';
import type { SpidLevel } from '../data/spid-levels.js';
import { attr, text, type XmlElement } from '../metadata/xml-dom.js';
import { buildResponse } from '../response/build-response.js';
import { buildRequestErrorResponse } from './build-request-error-response.js';
import { sendErrorPage } from './handle-sso.js';
import { createNonce, type FormBody, originOf, sendHtml } from './http-io.js';
import type { IdpContext, PendingLogin } from './idp-context.js';

const USER_OUTCOMES: ReadonlySet<string> = new Set([
  'nr19',
  'nr20',
  'nr21',
  'nr22',
  'nr23',
  'nr25',
  'nr30',
  'cancelled',
]);

function sendForm(res: ServerResponse, action: string, xml: string, relayState: string | undefined): void {
  const nonce = createNonce();
  const html = renderPostForm({
    action,
    kind: 'SAMLResponse',
    xml,
    nonce,
    ...(relayState === undefined ? {} : { relayState }),
  });
  const target = originOf(action);
  sendHtml(res, 200, html, { nonce, formTargets: target === undefined ? [] : [target] });
}

/** Reads the transient NameID and SessionIndex of the Response just built, to keep the session. */
function readSubject(xml: string): { nameId: string; sessionIndex: string | undefined } | undefined {
  const root = parseXml(xml).documentElement as XmlElement | null;
  const assertion = root?.getElementsByTagNameNS(NS.saml, 'Assertion')[0] as XmlElement | undefined;
  const nameId = assertion?.getElementsByTagNameNS(NS.saml, 'NameID')[0] as XmlElement | undefined;
  if (assertion === undefined || nameId === undefined) return undefined;
  const statement = assertion.getElementsByTagNameNS(NS.saml, 'AuthnStatement')[0] as XmlElement | undefined;
  return { nameId: text(nameId), sessionIndex: statement === undefined ? undefined : attr(statement, 'SessionIndex') };
}

const badForm = (res: ServerResponse, close = false): void =>
  sendErrorPage(res, {
    status: 400,
    code: undefined,
    reasonIt: 'Il modulo di login non è valido.',
    reasonEn: 'The login form is invalid.',
    close,
  });

/**
 * `POST /login`: completes a pending login with the chosen user, level and outcome, and answers with
 * the auto-submitting form that posts the signed Response and the RelayState to the SP's ACS.
 * @param ctx - the IdP
 * @param res - the response
 * @param body - the read form body
 * @internal
 */
export async function handleLogin(ctx: IdpContext, res: ServerResponse, body: FormBody): Promise<void> {
  if (!body.ok) return badForm(res, true);
  const pendingId = body.fields.get('request') ?? '';
  // One-time use: a second submit of the same page (back button, double click) finds nothing.
  const pending = ctx.pending.take(pendingId);
  if (pending === undefined) {
    return sendErrorPage(res, {
      status: 400,
      code: undefined,
      reasonIt: 'La richiesta di login è scaduta o è già stata usata. Ricomincia dal Service Provider.',
      reasonEn: 'The login request expired or was already used. Start again from the Service Provider.',
    });
  }
  if (pending.kind === 'request-error') {
    const error = IDP_ERROR_CODES.find((e) => e.id === pending.code);
    if (error === undefined) return badForm(res);
    const xml = buildRequestErrorResponse({
      error,
      issuer: ctx.entityId,
      destination: pending.acsUrl,
      inResponseTo: pending.inResponseTo,
      id: ctx.randomId(),
      now: ctx.now(),
      key: ctx.key,
    });
    return sendForm(res, pending.acsUrl, xml, pending.relayState);
  }
  const outcome =
    body.fields.get('outcome-button') === 'cancelled' ? 'cancelled' : (body.fields.get('outcome') ?? 'success');
  const userIndex = Number(body.fields.get('user') ?? '0');
  const level = Number(body.fields.get('level') ?? String(pending.request.level));
  const user = Number.isInteger(userIndex) ? ctx.users[userIndex] : undefined;
  if (
    user === undefined ||
    (level !== 1 && level !== 2 && level !== 3) ||
    (outcome !== 'success' && !USER_OUTCOMES.has(outcome))
  ) {
    // Put the login back: a bad form field is not a reason to lose it.
    ctx.pending.set(pendingId, pending);
    return badForm(res);
  }
  return completeLogin(ctx, res, pending, {
    userIndex,
    level,
    outcome: outcome as UserErrorOutcome | 'success',
  });
}

async function completeLogin(
  ctx: IdpContext,
  res: ServerResponse,
  pending: PendingLogin,
  choice: { readonly userIndex: number; readonly level: SpidLevel; readonly outcome: UserErrorOutcome | 'success' },
): Promise<void> {
  const user = ctx.users[choice.userIndex];
  if (user === undefined) return badForm(res);
  const { request } = pending;
  const xml = buildResponse({
    request,
    idp: { entityId: ctx.entityId, key: ctx.key },
    user,
    level: choice.level,
    now: ctx.now(),
    cie: ctx.cie,
    // Error Responses are signed too: the SP can then trust which error it shows.
    ...(choice.outcome === 'success' ? {} : { status: { code: choice.outcome }, sign: { response: true } }),
  });
  if (choice.outcome === 'success') {
    const subject = readSubject(xml);
    if (subject !== undefined) {
      const id = ctx.randomId();
      ctx.sessions.set(id, {
        id,
        spEntityId: pending.sp.entityId,
        nameId: subject.nameId,
        sessionIndex: subject.sessionIndex,
        level: choice.level,
        userIndex: choice.userIndex,
        createdAt: ctx.now(),
      });
    }
  }
  sendForm(res, request.acsUrl, xml, request.relayState);
}
