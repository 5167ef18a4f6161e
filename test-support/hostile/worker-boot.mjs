// Worker entry of the hostile harness: registers tsx in this worker (Node 20 ignores `--import` in a worker's
// execArgv), then loads the package's TypeScript worker script, which imports the package from source.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.script);
