// A busy port is the most common way the demo fails on a developer machine: check it up front.
import { createServer } from 'node:net';

/** Resolves with a one-line reason when `port` cannot be bound on 127.0.0.1, or `undefined` when it is free. */
export function checkPortFree(port: number, variable = 'CIVICO_DEMO_PORT'): Promise<string | undefined> {
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    return Promise.resolve(`${variable}=${process.env[variable]} is not a port number`);
  }
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) =>
      resolve(
        err.code === 'EADDRINUSE' ? `port ${port} is already in use` : `cannot listen on port ${port} (${err.code})`,
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(undefined)));
  });
}
