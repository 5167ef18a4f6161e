import { SpidError } from '../errors.js';
import { validateSamlResponse } from '../response/validate-saml-response.js';
import { createAuditExcerpt } from './create-audit-excerpt.js';
import { readReceivedText, readReceivedXml } from './read-received-xml.js';
import type { SpidFormInput, SpidLogin } from './service-provider.js';
import { invalidInput, readInput, readSession, type SpContext, writeAudit } from './sp-context.js';

function readForm(form: unknown): SpidFormInput {
  if (typeof form !== 'object' || form === null) {
    throw invalidInput('form', 'form must be the posted fields (a record or URLSearchParams)');
  }
  return form as SpidFormInput;
}

/**
 * `ServiceProvider.validateResponse`: every SPID check of the Response (`validateSamlResponse`), then
 * the audit record of the received Response with its outcome. A refused Response is audited too, as
 * an excerpt of 16 KiB with the length and SHA-256 of the whole (SpidAuditRecord); a failing audit
 * write refuses an otherwise valid login (fail closed).
 * @internal
 */
export async function validateResponse(
  ctx: SpContext,
  input: { readonly form: SpidFormInput; readonly session: string },
): Promise<SpidLogin> {
  const fields = readInput(input, ['form', 'session']);
  const form = readForm(fields.form);
  const session = readSession(fields.session);
  const { config } = ctx;
  let login: SpidLogin;
  try {
    login = await validateSamlResponse({
      form,
      session,
      spEntityId: config.entityId,
      store: ctx.store,
      findIdp: (entityId) => ctx.idps.find(entityId),
      clockSkewMs: config.clockSkewMs,
      now: config.now,
    });
  } catch (error) {
    const received = readReceivedXml(form);
    const known = received.issuer !== undefined && ctx.idps.find(received.issuer) !== undefined;
    // Best effort: the refusal is what the caller must see, even if the audit sink also fails.
    await writeAudit(ctx, {
      kind: 'response',
      direction: 'received',
      at: config.now().toISOString(),
      idp: known ? received.issuer : undefined,
      requestId: received.inResponseTo,
      messageId: received.id,
      outcome: 'refused',
      code: SpidError.isInstance(error) ? error.code : 'UNEXPECTED',
      reason: SpidError.isInstance(error) ? error.reason : undefined,
      // Refused: an excerpt, the length and the hash, never the whole of what anyone can post.
      ...createAuditExcerpt(received.bytes),
    }).catch(() => undefined);
    throw error;
  }
  // Accepted: the validator already read the IDs from the signed nodes, so the text is only decoded
  // here (no second parse), and not at all when there is no audit sink.
  if (ctx.audit !== undefined) {
    await writeAudit(ctx, {
      kind: 'response',
      direction: 'received',
      at: config.now().toISOString(),
      idp: login.idp,
      requestId: login.requestId,
      messageId: login.responseId,
      outcome: 'accepted',
      xml: readReceivedText(form),
    });
  }
  return login;
}
