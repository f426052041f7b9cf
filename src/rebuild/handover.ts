/**
 * Handing a value made of typed arrays (a packed snapshot) from one thread to another a buffer at a
 * time. Every ArrayBuffer a thread receives counts at once as external memory of its heap: a
 * million passages' snapshot is about 590 buffers (590 MB), and reading them in one message made
 * V8 start an incremental marking of the whole heap and force a marking step per buffer before the
 * message was done, one pause of about half a second (docs/scaling.md). Here the sender posts an
 * outline of the value (each typed array replaced by where its bytes are) and queues the buffers on
 * a channel of their own, one per message; the receiver takes them off one per step (steps.ts), so
 * the marking steps they force come between turns of its event loop.
 *
 * The sender's part is done once the outline is posted: the queued buffers belong to the channel,
 * so the receiver gets them all even if the sending thread stops meanwhile.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import type { Steps } from '../steps.ts';

/** The typed arrays a handover carries (a snapshot's sections, tables and derived arrays). */
const VIEWS = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float64Array } as const;
type ViewName = keyof typeof VIEWS;
type View = InstanceType<(typeof VIEWS)[ViewName]>;

/** The key that marks a typed array's place in an outline (a snapshot's own objects have no such key). */
const PLACE = 'handedBuffer';

/** Where a typed array's bytes are: which of the handover's buffers, and its view of it. */
interface Place {
  readonly [PLACE]: number;
  readonly view: ViewName;
  readonly byteOffset: number;
  readonly length: number;
}

declare const outlineOf: unique symbol;
/** `T` with its typed arrays replaced by places: plain data, posted as it is. */
type Outline<T> = { readonly [outlineOf]: T };

/** What the sender posts (transferring `port`); `takeOver` makes the value again. */
export interface Handover<T> {
  readonly outline: Outline<T>;
  /** How many buffers wait on `port`, one per message. */
  readonly buffers: number;
  readonly port: MessagePort;
}

/** The receiving side found fewer buffers than the handover announced. */
export class HandoverError extends Error {
  override readonly name = 'HandoverError';
  constructor(received: number, announced: number) {
    super(
      `A handover between threads ended after ${received} of its ${announced} buffers (its channel was closed early).`,
    );
  }
}

/**
 * Lays `value` out for another thread: its typed arrays' buffers are moved onto a new channel, one
 * per message (after this, the typed arrays of `value` are empty). Post the result with its `port`
 * in the transfer list.
 */
export function handOver<T>(value: T): Handover<T> {
  const buffers = new Map<ArrayBuffer, number>();
  const outline = (item: unknown): unknown => {
    if (ArrayBuffer.isView(item)) {
      const view = item.constructor.name;
      if (!(view in VIEWS)) throw new TypeError(`A handover carries no ${view}.`);
      const buffer = item.buffer as ArrayBuffer;
      if (!buffers.has(buffer)) buffers.set(buffer, buffers.size);
      const place: Place = {
        [PLACE]: buffers.get(buffer)!,
        view: view as ViewName,
        byteOffset: item.byteOffset,
        length: (item as View).length,
      };
      return place;
    }
    if (Array.isArray(item)) return item.map(outline);
    if (item !== null && typeof item === 'object')
      return Object.fromEntries(Object.entries(item).map(([key, field]) => [key, outline(field)]));
    return item;
  };
  const shape = outline(value) as Outline<T>;
  const { port1, port2 } = new MessageChannel();
  for (const buffer of buffers.keys()) port1.postMessage(buffer, [buffer]);
  port1.close();
  return { outline: shape, buffers: buffers.size, port: port2 };
}

/**
 * The value `handover` carries: one buffer taken off its port per step, then the typed arrays set
 * in place over them. Throws HandoverError when the port runs out of buffers early. The port is
 * closed either way, so buffers left on it after a failure are let go at once.
 */
export function* takeOver<T>(handover: Handover<T>): Steps<T> {
  const buffers: ArrayBuffer[] = [];
  try {
    while (buffers.length < handover.buffers) {
      const received = receiveMessageOnPort(handover.port);
      if (!received) throw new HandoverError(buffers.length, handover.buffers);
      buffers.push(received.message as ArrayBuffer);
      yield;
    }
  } finally {
    handover.port.close();
  }
  const fill = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(fill);
    if (item === null || typeof item !== 'object') return item;
    if (PLACE in item) {
      const place = item as Place;
      return new VIEWS[place.view](buffers[place[PLACE]]!, place.byteOffset, place.length);
    }
    return Object.fromEntries(Object.entries(item).map(([key, field]) => [key, fill(field)]));
  };
  return fill(handover.outline) as T;
}
