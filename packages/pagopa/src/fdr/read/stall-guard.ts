import { flowError } from './flow-error.js';

/** Characters handed to a parser at once: bounds the lines one write can queue. */
export const SLICE = 16_384;

/** A format reader: text in (already decoded), header and lines out through its collector. */
export interface FlowReader {
  /** Parses more text; throws the reader's typed error. */
  write(text: string): void;
  /** The source ended: throws `truncated` if the document is incomplete, `totals` if they differ. */
  end(): void;
}

/** See {@link createStallGuard}. */
export interface StallGuard {
  /** A parser event (token, tag, text) was seen. */
  seen(): void;
  /** Before writing a slice. */
  start(): void;
  /** After writing a slice of `length` characters; throws when no event came for too long. */
  after(length: number): void;
}

/**
 * Bounds what a parser can buffer inside one token (a string, a tag name, a DOCTYPE) before it emits
 * anything: both parsers accumulate a token whole, so without this a 1 GB string would be held in
 * memory before its length could be checked.
 */
export function createStallGuard(maxStringLength: number): StallGuard {
  let stalled = 0;
  let events = 0;
  return {
    seen() {
      events += 1;
    },
    start() {
      events = 0;
    },
    after(length) {
      stalled = events === 0 ? stalled + length : 0;
      if (stalled > maxStringLength + SLICE) {
        throw flowError('max-string-length', undefined, 'a token is longer than maxStringLength');
      }
    },
  };
}
