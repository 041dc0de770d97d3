// Has this row been seen before? Answered in flat memory: each key is kept as a 64-bit
// hash in one open-addressing table allocated up front, so a million rows take the same
// memory as a hundred thousand. Two different keys share a hash with odds of about one
// in 10^7 at a million rows. Past CAPACITY distinct keys the table stops learning new
// ones (later duplicates of those go uncounted) and says so through `full`.

/** Slots in the table (a power of two); at most three quarters are filled. */
const SLOTS = 1 << 21;
export const CAPACITY = (SLOTS / 4) * 3;

export class Deduper {
  /** Two 32-bit halves per slot; 0,0 marks an empty slot. */
  private readonly table = new Uint32Array(SLOTS * 2);
  private size = 0;

  /** Whether no more keys can be learned. */
  get full(): boolean {
    return this.size >= CAPACITY;
  }

  /** True when the key was seen before; otherwise remembers it (while there is room). */
  seen(key: string): boolean {
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    a >>>= 0;
    b = (b | 1) >>> 0; // never 0, so 0,0 stays "empty"
    for (let slot = a & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
      const hi = this.table[slot * 2] as number;
      const lo = this.table[slot * 2 + 1] as number;
      if (hi === 0 && lo === 0) {
        if (this.full) return false;
        this.table[slot * 2] = a;
        this.table[slot * 2 + 1] = b;
        this.size++;
        return false;
      }
      if (hi === a && lo === b) return true;
    }
  }
}
