// A hash table from whole-number keys (up to 2^53) to line numbers, in two typed arrays. Used to
// find duplicate rows in a file of a million figures: a JavaScript Map of a million such keys
// costs ~80 MB and a lot of garbage collection; this costs 12 bytes a slot and none.

const EMPTY = -1;

export class LineByKey {
  private keys: Float64Array;
  private lines: Int32Array;
  private count = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) capacity *= 2;
    this.keys = new Float64Array(capacity).fill(EMPTY);
    this.lines = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  private slot(key: number, keys: Float64Array): number {
    // Mix the high and low 32 bits (keys go beyond 2^32), then probe linearly.
    const low = key >>> 0;
    const high = Math.floor(key / 4294967296) >>> 0;
    const mask = keys.length - 1;
    let index = (Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> 0) & mask;
    while (keys[index] !== EMPTY && keys[index] !== key) index = (index + 1) & mask;
    return index;
  }

  /**
   * Records `line` for `key` unless the key is already there. Returns the line first recorded
   * for the key, or undefined if it is new.
   */
  addIfAbsent(key: number, line: number): number | undefined {
    if (!(Number.isInteger(key) && key >= 0 && key <= Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`LineByKey: keys must be whole numbers from 0 to 2^53, got ${key}`);
    }
    const index = this.slot(key, this.keys);
    if (this.keys[index] === key) return this.lines[index];
    this.keys[index] = key;
    this.lines[index] = line;
    this.count++;
    if (this.count * 2 > this.keys.length) this.grow();
    return undefined;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldLines = this.lines;
    this.keys = new Float64Array(oldKeys.length * 2).fill(EMPTY);
    this.lines = new Int32Array(oldKeys.length * 2);
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i]!;
      if (key === EMPTY) continue;
      const index = this.slot(key, this.keys);
      this.keys[index] = key;
      this.lines[index] = oldLines[i]!;
    }
  }
}
