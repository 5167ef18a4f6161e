import type { SpidBinding, SpidComparison, SpidLevel, SpidPurpose } from '../data/spid-types.js';
import { SpidError } from '../errors.js';
import { type HandlerContext, readQueryParam, sendSpidError } from './handler-context.js';
import { sendOutgoing } from './http-answers.js';
import { createSessionCookie, readSessionCookie } from './session-cookie.js';
import type { SpidHeaders } from './spid-handler-options.js';

const LEVELS: Readonly<Record<string, SpidLevel>> = { '1': 1, '2': 2, '3': 3 };
const BINDINGS: ReadonlySet<string> = new Set(['redirect', 'post']);
const COMPARISONS: ReadonlySet<string> = new Set(['exact', 'minimum', 'better', 'maximum']);
const PURPOSES: ReadonlySet<string> = new Set(['P', 'LP', 'PG', 'PF', 'PX']);

function bad(field: string): never {
  throw new SpidError('ERR_SPID_INVALID_INPUT', 'A login parameter is missing or invalid', {
    reason: `query.${field}`,
    status: 400,
    field,
  });
}

function pick<T extends string>(params: URLSearchParams, name: string, allowed: ReadonlySet<string>): T | undefined {
  const value = readQueryParam(params, name);
  if (value === undefined) return undefined;
  return allowed.has(value) ? (value as T) : bad(name);
}

/**
 * `GET <basePath>/login?idp=…&level=1|2|3&binding=redirect|post&comparison=…&purpose=…&returnTo=/…`:
 * starts a login in this browser (the session cookie is created when absent) and sends the
 * AuthnRequest to the IdP. Bad parameters get a 400 page.
 * @internal
 */
export async function runLogin(ctx: HandlerContext, request: Request, url: URL): Promise<Response> {
  const existing = readSessionCookie(request);
  const fresh = existing === undefined ? createSessionCookie(ctx.options.basePath) : undefined;
  const cookie: SpidHeaders = fresh === undefined ? {} : { 'set-cookie': fresh.setCookie };
  try {
    const params = url.searchParams;
    const idp = readQueryParam(params, 'idp');
    if (idp === undefined || idp.length === 0 || idp.length > 1024) bad('idp');
    const levelText = readQueryParam(params, 'level');
    const level =
      levelText === undefined ? undefined : Object.hasOwn(LEVELS, levelText) ? LEVELS[levelText] : bad('level');
    const returnTo = readQueryParam(params, 'returnTo');
    const message = await ctx.sp.createLoginRequest({
      idp,
      session: existing ?? fresh?.session ?? '',
      level,
      binding: pick<SpidBinding>(params, 'binding', BINDINGS),
      comparison: pick<SpidComparison>(params, 'comparison', COMPARISONS),
      purpose: pick<SpidPurpose>(params, 'purpose', PURPOSES),
      returnTo,
    });
    return sendOutgoing(message, cookie);
  } catch (error) {
    return sendSpidError(ctx, error);
  }
}
