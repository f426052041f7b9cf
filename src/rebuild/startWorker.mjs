// The entry of a rebuild's worker thread (see inWorker.ts). Node 20 does not give a worker thread
// the module hooks of its parent (tsx's, which load TypeScript), whether the parent is `tsx`,
// `node --import tsx` or a test runner, so the worker registers tsx itself, then loads the worker
// proper. The same in development, tests and `npm start`.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
