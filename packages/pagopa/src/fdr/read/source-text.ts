// Turns any supported source into pulled text pieces: one piece is read from the source only when the
// reader asks for it (backpressure), bytes are decoded as strict UTF-8 across chunk boundaries, and large
// chunks are cut so no single write queues an unbounded number of lines.
import { CivicoError } from '@civico/core';
import { flowError } from './flow-error.js';

/**
 * What {@link readReportingFlow} reads: the whole text or bytes, a (sync or async) iterable of chunks
 * (a Node `Readable` is one), or a web `ReadableStream`.
 * @group Reporting flows
 */
export type ReportingFlowSource =
  | string
  | Uint8Array
  | Iterable<string | Uint8Array>
  | AsyncIterable<string | Uint8Array>
  | ReadableStream<Uint8Array>;

/** Text pulled from a source, piece by piece. */
export interface SourceText {
  /** The next piece, or `undefined` at the end. */
  next(): Promise<string | undefined>;
  /** Releases the source (returns its iterator, cancels its reader); never throws. */
  close(): Promise<void>;
}

const PIECE = 65_536;

type Pull = () => Promise<IteratorResult<unknown>>;

function puller(source: ReportingFlowSource): { pull: Pull; release: () => Promise<unknown> } {
  // Telling the kind of source reads it (prototype, getReader, the iterator symbols): a Proxy or a getter
  // that throws there is a bad source, a typed error, not its own exception.
  try {
    return pullerOf(source);
  } catch (err) {
    if (CivicoError.isInstance(err)) throw err;
    throw flowError('source', 'source', 'the source could not be read', err);
  }
}

function pullerOf(source: ReportingFlowSource): { pull: Pull; release: () => Promise<unknown> } {
  if (typeof source === 'string' || source instanceof Uint8Array) {
    let done = false;
    return {
      pull: async () => {
        if (done) return { done: true, value: undefined };
        done = true;
        return { done: false, value: source };
      },
      release: async () => undefined,
    };
  }
  const candidate = source as unknown as Record<PropertyKey, unknown> | null;
  if (candidate && typeof candidate.getReader === 'function') {
    const reader = (source as ReadableStream<Uint8Array>).getReader();
    return { pull: () => reader.read(), release: () => reader.cancel() };
  }
  const factory = candidate?.[Symbol.asyncIterator] ?? candidate?.[Symbol.iterator];
  if (typeof factory !== 'function') {
    throw flowError('source', 'source', 'the source must be text, bytes, an iterable or a ReadableStream');
  }
  const iterator = factory.call(source) as AsyncIterator<unknown> | Iterator<unknown>;
  return {
    pull: async () => iterator.next(),
    release: async () => iterator.return?.(),
  };
}

function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) bytes += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return bytes; // a surrogate pair counts 2 + 1 + 1 = 4
}

/** Opens `source` for pulling; `maxBytes` caps the UTF-8 bytes read. */
export function openSource(source: ReportingFlowSource, maxBytes: number | undefined): SourceText {
  const { pull, release } = puller(source);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let pending: string | Uint8Array | undefined;
  let offset = 0;
  let bytes = 0;
  let ended = false;
  let closed = false;

  const count = (n: number): void => {
    bytes += n;
    if (maxBytes !== undefined && bytes > maxBytes)
      throw flowError('max-bytes', 'source', 'the flow is larger than maxBytes');
  };
  const decode = (input?: Uint8Array): string => {
    try {
      return input ? decoder.decode(input, { stream: true }) : decoder.decode();
    } catch (err) {
      throw flowError('encoding', 'source', 'the flow is not valid UTF-8', err);
    }
  };

  const piece = (): string | undefined => {
    if (pending === undefined) return undefined;
    if (typeof pending === 'string') {
      let end = Math.min(offset + PIECE, pending.length);
      const last = pending.charCodeAt(end - 1);
      if (end < pending.length && last >= 0xd800 && last <= 0xdbff) end -= 1; // keep a surrogate pair whole
      const text = pending.slice(offset, end);
      offset = end;
      if (offset >= pending.length) pending = undefined;
      if (maxBytes !== undefined) count(utf8Length(text)); // measured only when capped: it walks the text
      return text;
    }
    const part = pending.subarray(offset, offset + PIECE);
    offset += part.length;
    if (offset >= pending.length) pending = undefined;
    count(part.length);
    return decode(part);
  };

  return {
    async next() {
      for (;;) {
        const text = piece();
        if (text !== undefined) {
          if (text !== '') return text;
          continue;
        }
        if (ended) return undefined;
        let result: IteratorResult<unknown>;
        try {
          result = await pull();
        } catch (err) {
          if (CivicoError.isInstance(err)) throw err;
          throw flowError('source', 'source', 'the source failed', err);
        }
        if (result.done) {
          ended = true;
          const tail = decode();
          if (tail !== '') return tail;
          return undefined;
        }
        const value = result.value;
        if (typeof value !== 'string' && !(value instanceof Uint8Array)) {
          throw flowError('source', 'source', 'the source yielded a chunk that is neither text nor bytes');
        }
        pending = value;
        offset = 0;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      pending = undefined;
      try {
        await release();
      } catch {
        // releasing is best effort: the read already settled, the source's own error is not ours to raise
      }
    },
  };
}
