// Worker-side calls of the @civico/spid hostile harness that need state: one real ServiceProvider (fixed
// clock, fixed request ID, its own memory store) whose pending login/logout is started again before each
// call, the Web handler around it, a Fastify app with the plugin (driven by inject), Request building.
import { types } from 'node:util';
import Fastify, { type FastifyInstance } from 'fastify';
import type * as Spid from '../src/index.js';
import type { ServiceProvider } from '../src/index.js';
import type * as Web from '../src/web/index.js';
import {
  IDP_ID,
  LOGOUT_OPTIONS,
  NOW,
  RELAY_PLACEHOLDER,
  REQUEST_ID,
  SESSION,
  SP_CONFIG,
  SUBJECT,
} from './hostile-spid-fixtures.js';

/** The four entry points as the worker loads them (names do not collide). */
export type SpidModules = typeof Spid &
  typeof Web &
  typeof import('../src/express/index.js') &
  typeof import('../src/fastify/index.js');

let sp: ServiceProvider | undefined;
let handler: Web.SpidHandler | undefined;
let fastify: Promise<FastifyInstance> | undefined;

/** Handler options of every SP front end here. */
export const HANDLER_OPTIONS = {
  onLogin: () => new Response('logged in'),
  getLogin: () => SUBJECT,
  onLogout: () => ({ 'set-cookie': 'app=; Max-Age=0' }),
};

/** The worker's ServiceProvider (created once). */
export function getSp(m: SpidModules): ServiceProvider {
  sp ??= m.createServiceProvider({
    ...SP_CONFIG,
    now: () => NOW,
    randomId: () => REQUEST_ID,
    store: m.createMemoryStore({ now: () => NOW.getTime(), maxEntries: 10_000 }),
  } as never);
  return sp;
}

export function getHandler(m: SpidModules): Web.SpidHandler {
  handler ??= m.createSpidHandler(getSp(m), HANDLER_OPTIONS);
  return handler;
}

export function getFastify(m: SpidModules): Promise<FastifyInstance> {
  fastify ??= (async () => {
    const app = Fastify();
    await app.register(m.createSpidPlugin(getSp(m), HANDLER_OPTIONS));
    await app.ready();
    return app;
  })();
  return fastify;
}

/** A data property of a plain (non-Proxy) object, read without running a getter; else undefined. */
function ownData(o: unknown, key: string): { value: unknown } | undefined {
  if (typeof o !== 'object' || o === null || types.isProxy(o)) return undefined;
  const d = Object.getOwnPropertyDescriptor(o, key);
  return d !== undefined && 'value' in d ? { value: d.value } : undefined;
}

/**
 * Puts the RelayState the SP just issued in place of the placeholder (`input.form.RelayState`), touching
 * nothing hostile: a Response otherwise stops at the RelayState check and never reaches the deeper ones.
 */
export function fillRelayState(input: unknown, relayState: string): void {
  const form = ownData(input, 'form')?.value;
  if (ownData(form, 'RelayState')?.value === RELAY_PLACEHOLDER) {
    Object.defineProperty(form, 'RelayState', { value: relayState, enumerable: true, writable: true });
  }
}

/** Starts the login the fixture Response answers (same ID every time), returns its RelayState. */
export async function startLogin(m: SpidModules): Promise<string> {
  return (await getSp(m).createLoginRequest({ idp: IDP_ID, session: SESSION })).relayState;
}

/** Starts the SP-initiated logout the fixture LogoutResponse answers, returns its RelayState. */
export async function startLogout(m: SpidModules): Promise<string> {
  const sent = await getSp(m).createLogoutRequest(LOGOUT_OPTIONS as never);
  if (sent.binding !== 'redirect') throw new Error('fixture logout is on Redirect');
  return new URL(sent.url).searchParams.get('RelayState') ?? '';
}

/** A hostile HTTP request as data: method, path+query, header pairs, body. */
export interface RequestSpec {
  readonly method: string;
  readonly target: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: string | Uint8Array | undefined;
}

/** Whether a materialised argument is a {@link RequestSpec} (the fixed sweep sends other values). */
export function isRequestSpec(v: unknown): v is RequestSpec {
  if (typeof v !== 'object' || v === null || types.isProxy(v)) return false;
  const d = Object.getOwnPropertyDescriptor(v, 'target');
  return d !== undefined && 'value' in d && typeof d.value === 'string' && Array.isArray((v as RequestSpec).headers);
}

/** The Web Request of a spec, or undefined when the platform itself refuses to build it (not our code). */
export function toRequest(spec: RequestSpec): Request | undefined {
  try {
    const headers = new Headers();
    for (const [k, v] of spec.headers) headers.append(k, v);
    const hasBody = spec.body !== undefined && spec.method !== 'GET' && spec.method !== 'HEAD';
    return new Request(new URL(spec.target, 'https://sp.comune-test.example.it'), {
      method: spec.method,
      headers,
      ...(hasBody ? { body: spec.body as string } : {}),
    });
  } catch {
    return undefined;
  }
}

/** Statuses a SPID front end may answer hostile input with. */
const STATUSES = new Set([200, 303, 400, 403, 404, 405, 413, 415]);

/** A check: the handler answered null or a Response with an expected status (never 5xx). */
export function checkAnswer(result: unknown): string | undefined {
  if (result === null || result === undefined) return undefined;
  const status =
    (result as { status?: unknown; statusCode?: unknown }).status ?? (result as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && STATUSES.has(status) ? undefined : `answered status ${String(status)}`;
}
