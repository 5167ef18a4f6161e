/** A set of recipient references with a flat, off-heap layout. @internal */
export interface RefSet {
  /**
   * Adds a reference.
   * @param ref - a reference from `recipientRef`
   * @returns false when it was already in the set
   */
  add(ref: string): boolean;
  /** References added so far. */
  readonly size: number;
}

const WORDS = 4; // 128 bits per reference

/**
 * Creates the set `sendBulk` uses to find duplicate recipients in one run.
 *
 * @remarks
 * A `Set<string>` of references costs about 120 bytes of V8 heap per recipient, and V8 lets the
 * heap grow to a multiple of its live size before a full collection, so for 100 000 recipients it
 * added tens of MB to the peak RSS. This open-addressing table keeps the first 128 bits of each
 * reference (a SHA-256 prefix) in a `Uint32Array`: 16–64 bytes per recipient outside the heap.
 * Two distinct references collide only if those 128 bits are equal (probability about 2^-128 per pair).
 *
 * @param initialCapacity - slots to start with (a power of two; the table doubles at half load)
 * @returns an empty set
 * @internal
 */
export function createRefSet(initialCapacity = 1024): RefSet {
  let capacity = initialCapacity;
  let table = new Uint32Array(capacity * WORDS);
  let size = 0;
  // All-zero words mark an empty slot; a reference whose 128 bits are all zero is kept aside.
  let hasZero = false;

  function insert(into: Uint32Array, mask: number, a: number, b: number, c: number, d: number): boolean {
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const i = slot * WORDS;
      const sa = into[i] ?? 0;
      const sb = into[i + 1] ?? 0;
      const sc = into[i + 2] ?? 0;
      const sd = into[i + 3] ?? 0;
      if (sa === 0 && sb === 0 && sc === 0 && sd === 0) {
        into[i] = a;
        into[i + 1] = b;
        into[i + 2] = c;
        into[i + 3] = d;
        return true;
      }
      if (sa === a && sb === b && sc === c && sd === d) return false;
    }
  }

  function grow(): void {
    const old = table;
    capacity *= 2;
    table = new Uint32Array(capacity * WORDS);
    for (let i = 0; i < old.length; i += WORDS) {
      const a = old[i] ?? 0;
      const b = old[i + 1] ?? 0;
      const c = old[i + 2] ?? 0;
      const d = old[i + 3] ?? 0;
      if (a !== 0 || b !== 0 || c !== 0 || d !== 0) insert(table, capacity - 1, a, b, c, d);
    }
  }

  return {
    add(ref) {
      const bytes = Buffer.from(ref, 'base64url');
      if (bytes.length < WORDS * 4) throw new RangeError('not a recipient reference');
      const a = bytes.readUInt32LE(0);
      const b = bytes.readUInt32LE(4);
      const c = bytes.readUInt32LE(8);
      const d = bytes.readUInt32LE(12);
      let added: boolean;
      if (a === 0 && b === 0 && c === 0 && d === 0) {
        added = !hasZero;
        hasZero = true;
      } else {
        added = insert(table, capacity - 1, a, b, c, d);
      }
      if (added && ++size * 2 > capacity) grow();
      return added;
    },
    get size() {
      return size;
    },
  };
}
