import { randomFillSync } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const POOL_IDS = 256;

/**
 * Creates a ULID minter (26 Crockford base-32 characters: 48-bit time, 80 random bits), as IO
 * mints for every stored message.
 *
 * @remarks
 * Random bytes are drawn 4 KiB at a time rather than per id: one `randomFillSync` per 256 ids
 * instead of one `randomBytes` call (and buffer) per message, which showed in the sandbox's CPU
 * profile under bulk load.
 *
 * @returns a function from the creation time in milliseconds to a new ULID
 * @internal
 */
export function createUlidMinter(): (timeMs: number) => string {
  const pool = Buffer.alloc(POOL_IDS * 16);
  let offset = pool.length;
  return (timeMs) => {
    let time = '';
    let t = Math.max(0, Math.floor(timeMs));
    for (let i = 0; i < 10; i++) {
      time = CROCKFORD.charAt(t % 32) + time;
      t = Math.floor(t / 32);
    }
    if (offset >= pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    let rand = '';
    for (let i = 0; i < 16; i++) rand += CROCKFORD.charAt((pool[offset + i] ?? 0) % 32);
    offset += 16;
    return time + rand;
  };
}
