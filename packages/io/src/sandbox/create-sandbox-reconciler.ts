import type { BulkReconciler } from '../bulk/send-bulk-options.js';
import { contentHash } from './handle-inbox.js';

/**
 * Options of {@link createSandboxReconciler}.
 * @group Sandbox
 */
export interface SandboxReconcilerOptions {
  /** The sandbox API URL (`sandbox.url`, with or without `/api/v1`). */
  readonly url: string;
  /** The `fetch` to use. */
  readonly fetch?: typeof globalThis.fetch | undefined;
}

/**
 * A `sendBulk` reconciler backed by the sandbox's own ledger, for tests and CI.
 *
 * @remarks
 * The real IO API cannot answer "was this message stored?" (no idempotency key, no listing:
 * `docs/io.md#sources`), so against production an in-doubt send ends `UNKNOWN` for an operator. The
 * sandbox can answer: this reconciler reads `GET /__sandbox/ledger?fiscal_code=…` (a sandbox-only
 * route, outside the IO contract) and matches the message by content hash. It answers `unknown`
 * when the sandbox cannot be reached.
 *
 * @param options - sandbox URL and fetch
 * @returns the reconciler
 * @example
 * ```ts
 * import { createSandboxReconciler } from '@civico/io/sandbox';
 * const reconcile = createSandboxReconciler({ url: 'http://127.0.0.1:8787/api/v1' });
 * ```
 * @group Sandbox
 */
export function createSandboxReconciler(options: SandboxReconcilerOptions): BulkReconciler {
  const origin = new URL(options.url).origin;
  const doFetch = options.fetch ?? globalThis.fetch;
  return async (send) => {
    try {
      const res = await doFetch(`${origin}/__sandbox/ledger?fiscal_code=${encodeURIComponent(send.fiscalCode)}`);
      if (!res.ok) return { status: 'unknown' };
      const body = (await res.json()) as { items?: { id: string; content_sha256: string }[] };
      const hash = contentHash(send.subject, send.markdown);
      const match = body.items?.find((i) => i.content_sha256 === hash);
      return match ? { status: 'sent', messageId: match.id } : { status: 'not-sent' };
    } catch {
      return { status: 'unknown' };
    }
  };
}
