// Starts and stops one Prism (@stoplight/prism-cli) per spec, as a child process on 127.0.0.1.
//
// How Prism 5 behaves (checked by test/contract-harness.test.ts against tiny upstreams of its own):
// - it routes on the spec's paths WITHOUT the server's base path (`/gpd/debt-positions-service/v1/...` is a
//   404 NO_PATH_MATCHED); `proxy` joins the request path to the upstream URL's path, which it keeps;
// - `proxy --errors`: a request that violates the spec is NOT forwarded: Prism answers 422
//   UNPROCESSABLE_ENTITY itself, listing them in its problem body (401 UNAUTHORIZED when the security
//   header is missing); an upstream answer that violates the spec becomes a 500 VIOLATIONS problem
//   listing them (also in `sl-violations`), except a status the operation does not declare, which is
//   passed on with only a Warning in `sl-violations` (the router records warnings too);
// - its upstream fetch follows redirects, so a 302 would reach the client as the page it points to: the
//   router hides `Location` on the way in (see contract-router.ts).
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

/** A running Prism. */
export interface PrismProcess {
  /** `http://127.0.0.1:<port>` (no base path). */
  readonly url: string;
  /** The last lines Prism printed (for failure messages). */
  readonly output: () => string;
  readonly close: () => Promise<void>;
}

/** `proxy` in front of `upstream` (validating both directions), or `mock` (dynamic, seeded bodies). */
export type PrismMode = { readonly mode: 'proxy'; readonly upstream: string } | { readonly mode: 'mock' };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts Prism on `spec` and resolves once it listens (rejects after `startTimeoutMs` or if it exits).
 * Its output is drained continuously (Prism logs every request; an unread pipe would block it).
 */
export async function startPrism(spec: string, mode: PrismMode, startTimeoutMs = 50_000): Promise<PrismProcess> {
  const bin = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
  const port = await freePort();
  const common = ['-h', '127.0.0.1', '-p', String(port), '--errors'];
  const args =
    mode.mode === 'proxy'
      ? [bin, 'proxy', ...common, spec, mode.upstream]
      : [bin, 'mock', ...common, '-d', '--seed', 'civico', spec];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail = [...tail, ...chunk.toString().split('\n')].slice(-40);
  };
  child.stderr?.on('data', keep);
  const listening = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`Prism did not start within ${startTimeoutMs} ms:\n${tail.join('\n')}`));
    }, startTimeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      keep(chunk);
      if (chunk.toString().includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with ${code}:\n${tail.join('\n')}`));
    });
  });
  await listening;
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => tail.join('\n'),
    close: async () => {
      child.kill();
      await waitForExit(child);
    },
  };
}
