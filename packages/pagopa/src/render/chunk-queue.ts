const BLOCK = 64 * 1024;

/** @internal A queue of output bytes that packs small chunks into 64 KiB blocks. */
export interface ChunkQueue {
  /** Adds a chunk (copied into the current block when small). */
  push(chunk: Uint8Array): void;
  /** Takes every queued block, oldest first. */
  drain(): Uint8Array[];
}

/**
 * @internal Creates a {@link ChunkQueue}. pdfkit writes the cross-reference table of a large combined PDF
 * as one tiny chunk per object (over a million for 100,000 notices), all at once; holding them as separate
 * arrays would cost far more memory than their bytes.
 */
export function createChunkQueue(): ChunkQueue {
  let blocks: Uint8Array[] = [];
  let block = new Uint8Array(BLOCK);
  let used = 0;
  const flush = () => {
    if (used === 0) return;
    blocks.push(block.subarray(0, used));
    block = new Uint8Array(BLOCK);
    used = 0;
  };
  return {
    push(chunk) {
      if (chunk.length > BLOCK / 4) {
        flush();
        blocks.push(chunk);
        return;
      }
      if (used + chunk.length > BLOCK) flush();
      block.set(chunk, used);
      used += chunk.length;
    },
    drain() {
      flush();
      const out = blocks;
      blocks = [];
      return out;
    },
  };
}
