/**
 * Issue 16, finding 2: a rebuild's result crosses from the worker to the answering thread a buffer
 * at a time (src/rebuild/handover.ts), so the garbage-collection steps each received buffer may
 * force come between turns of the answering thread's event loop rather than in one long pause.
 * How long those pauses are is for the benchmark (bench/reload.ts); here: what arrives, in how many
 * steps, and what a worker that stops before or during its handover leaves behind.
 */
import { utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { OperationalError } from '../src/errors.ts';
import { Library } from '../src/library.ts';
import { type Handover, HandoverError, handOver, takeOver } from '../src/rebuild/handover.ts';
import type { FromWorker } from '../src/rebuild/messages.ts';
import { LOAD_OPTIONS, SEEDS } from './support/corpus.ts';
import { useTempCorpus, writeGeneratedArticles } from './support/tempCorpus.ts';
import { answersOf } from './support/answers.ts';

let dir: string;
useTempCorpus((made) => (dir = made));

/** Posts `handover` as the worker does (its port transferred), and returns what the other side receives. */
function posted<T>(handover: Handover<T>): Handover<T> {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(handover, [handover.port]);
  port1.close();
  return receiveMessageOnPort(port2)!.message as Handover<T>;
}

const hasTypedArray = (value: unknown): boolean =>
  ArrayBuffer.isView(value) ||
  (value !== null && typeof value === 'object' && Object.values(value).some(hasTypedArray));

/** Takes the handover over step by step: the value, and how many steps it took. */
function stepped<T>(handover: Handover<T>): { value: T; steps: number } {
  const steps = takeOver(handover);
  for (let count = 0; ; count++) {
    const step = steps.next();
    if (step.done) return { value: step.value, steps: count };
  }
}

describe('handing a value of typed arrays over a buffer at a time', () => {
  it('moves every buffer, one per step, and gives back the same arrays, views of one buffer still sharing it', () => {
    const made = (shared = new ArrayBuffer(64)) => ({
      header: { version: 1, name: 'snapshot', empty: null, list: [1, 'two', { three: 3 }] },
      tables: { sources: [new Uint8Array([91, 93]), new Uint8Array([91, 49, 93])] },
      sections: {
        ids: new Uint32Array([7, 8, 9, 10]).subarray(1, 3),
        scores: new Float64Array([0.5, 1.5]),
        low: new Uint16Array(shared, 0, 8).fill(3),
        high: new Int32Array(shared, 32, 8).fill(-4),
      },
    });
    const value = made();
    const handover = handOver(value);
    expect(handover.buffers).toBe(5);
    expect([value.sections.scores.byteLength, value.tables.sources[0]!.byteLength]).toEqual([0, 0]); // moved, not copied
    expect(hasTypedArray(handover.outline)).toBe(false);

    const { value: received, steps } = stepped(posted(handover));
    expect(steps).toBe(5);
    expect(received).toEqual(made());
    expect(received.sections.ids.byteOffset).toBe(4);
    expect(received.sections.low.buffer).toBe(received.sections.high.buffer);
  });

  it('throws a HandoverError when fewer buffers come than announced', () => {
    const handover = posted(handOver({ a: new Uint8Array(4), b: new Uint8Array(4), c: new Uint8Array(4) }));
    receiveMessageOnPort(handover.port); // one buffer lost
    const failure = (() => {
      try {
        stepped(handover);
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(HandoverError);
    expect((failure as Error).message).toBe(
      'A handover between threads ended after 2 of its 3 buffers (its channel was closed early).',
    );
  });
});

/** Every worker thread this file started that is still running: a reload may take an idle one rather than start one. */
const running = new Set<Worker>();
process.on('worker', (worker: Worker) => {
  running.add(worker);
  worker.once('exit', () => running.delete(worker));
});

/** Hears every message a running or new worker posts, before the code that started it does, until the test ends. */
let hearing: (() => void) | undefined;
function hearWorkers(hear: (message: FromWorker, worker: Worker) => void): void {
  const attached = new Map<Worker, (message: FromWorker) => void>();
  const attach = (worker: Worker) => {
    const listener = (message: FromWorker) => hear(message, worker);
    attached.set(worker, listener);
    worker.on('message', listener);
  };
  for (const worker of running) attach(worker);
  process.on('worker', attach);
  hearing = () => {
    process.off('worker', attach);
    for (const [worker, listener] of attached) worker.off('message', listener);
  };
}
afterEach(() => {
  hearing?.();
  hearing = undefined;
});

const QUESTIONS = ['Who threatened to close the embassy in Baghdad?', 'refinery convoy near the border'];

const answers = (library: Library) => answersOf(library, QUESTIONS);

/** Makes the next reload read every article again (same bytes, new listing). */
const touch = () => utimes(join(dir, SEEDS.voa), new Date(), new Date());

describe("a reload's handover from the worker", () => {
  it('comes as an outline with no typed array in it, and its buffers one per message', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    const before = await answers(library);
    const built: Array<Extract<FromWorker, { kind: 'built' }>> = [];
    hearWorkers((message) => void (message.kind === 'built' && built.push(message)));
    await touch();
    await library.reload();

    expect(built).toHaveLength(1);
    expect(hasTypedArray(built[0]!.handover.outline)).toBe(false);
    expect(built[0]!.handover.buffers).toBeGreaterThan(20);
    expect(await answers(library)).toEqual(before);
  });

  it('a worker stopped before it hands its result over: the reload fails saying so, and the live index keeps answering', {
    timeout: 60_000,
  }, async () => {
    await writeGeneratedArticles(dir, 400);
    const library = await Library.open(dir, LOAD_OPTIONS, undefined, { indexPath: join(dir, '.dossier.index') });
    const old = library.current;
    const before = await answers(library);
    // Once every article is read, the worker is indexing: stopped there, it never posts its result.
    hearWorkers((message, worker) => {
      if (message.kind === 'progress' && message.progress.done === message.progress.total) void worker.terminate();
    });
    await touch();
    const failure = await library.reload().catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(OperationalError);
    expect((failure as OperationalError).code).toBe('reload_failed');
    expect((failure as Error).message).toMatch(
      /^The reload failed: the rebuild's worker thread stopped before it was done \(exit code 1\); the old index was kept\. Still answering from the 405 articles/,
    );
    expect(library.current).toBe(old);
    expect(library.reloading).toBe(false);
    expect(await answers(library)).toEqual(before);
    hearing?.();
    await touch();
    expect((await library.reload()).rebuilt).toBe(true); // a fresh worker
    expect(await answers(library)).toEqual(before);
  });

  it('a worker stopped once it has posted its result: the handover completes, and the stopped worker is not kept for the next reload', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    const before = await answers(library);
    const stopping: Array<Promise<number>> = [];
    hearWorkers((message, worker) => void (message.kind === 'built' && stopping.push(worker.terminate())));
    await touch();
    const report = await library.reload();
    expect(stopping).toHaveLength(1);
    await stopping[0];
    expect(report.snapshot.corpus.passages.map((passage) => passage.id)).toEqual(
      report.previous.corpus.passages.map((passage) => passage.id),
    );
    expect(library.current).toBe(report.snapshot);
    expect(await answers(library)).toEqual(before);

    hearing?.();
    await touch();
    expect((await library.reload()).rebuilt).toBe(true);
    expect(await answers(library)).toEqual(before);
  });
});
