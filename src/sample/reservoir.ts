import { randomInt, type Random } from './random.js';

/** An item with its 0-based position in the stream, so a sample can be put back in input order. */
export interface Sequenced<T> {
  seq: number;
  item: T;
}

/**
 * A uniform reservoir of at most `capacity` items over a stream of unknown length, fed one item at
 * a time: Algorithm L (Li 1994, "Reservoir-sampling algorithms of time complexity O(n(1+log(N/n)))").
 *
 * Why L rather than R: R draws a random number for every item; L draws the *gap* to the next
 * item that will enter the reservoir, so after the reservoir fills it costs three draws per
 * replacement and nothing per skipped item. For 400 out of 1,000,000 that is ~3,500 draws instead
 * of ~1,000,000. Both are exactly uniform; L also lets {@link Reservoir.wants} tell a caller that
 * the next items will be skipped. Li's analysis assumes real arithmetic; we draw u in (0, 1] and
 * use `log1p` so the gap stays finite and accurate when W is small.
 *
 * Invariant (checked by tests through {@link Reservoir.peakHeld}): never holds more than `capacity` items.
 */
export class Reservoir<T> {
  readonly capacity: number;
  private readonly random: Random;
  private readonly slots: Sequenced<T>[] = [];
  /** Items offered so far. */
  private offered = 0;
  /** Li's W: the largest of `capacity` uniforms, shrinking as the stream goes on. */
  private w = 0;
  /** Sequence number of the next item that will replace a slot. */
  private nextAccept = 0;
  private peak = 0;
  private readonly retain: (item: T) => T;

  /**
   * @param retain applied to an item when the reservoir keeps it, e.g. to copy strings that are
   *   slices of a large read buffer, which would otherwise keep the whole buffer alive.
   */
  constructor(capacity: number, random: Random, options: { retain?: (item: T) => T } = {}) {
    if (!Number.isInteger(capacity) || capacity < 0) {
      throw new RangeError(`reservoir capacity must be a non-negative integer, got ${capacity}`);
    }
    this.capacity = capacity;
    this.random = random;
    this.retain = options.retain ?? ((item) => item);
  }

  /** Items offered so far (the population size once the stream ends). */
  get seen(): number {
    return this.offered;
  }

  /** Items held now; at most `capacity`. */
  get held(): number {
    return this.slots.length;
  }

  /** The most items ever held at once: the memory bound made observable. */
  get peakHeld(): number {
    return this.peak;
  }

  /** Whether the next offered item would be kept (lets callers skip costly parsing). */
  wants(): boolean {
    return this.slots.length < this.capacity || this.offered === this.nextAccept;
  }

  offer(item: T): void {
    const seq = this.offered++;
    if (this.capacity === 0) return;
    if (this.slots.length < this.capacity) {
      this.slots.push({ seq, item: this.retain(item) });
      this.peak = Math.max(this.peak, this.slots.length);
      if (this.slots.length === this.capacity) {
        this.w = Math.exp(Math.log(this.draw()) / this.capacity);
        this.nextAccept = seq + this.gap();
      }
      return;
    }
    if (seq !== this.nextAccept) return;
    this.slots[randomInt(this.random, this.capacity)] = { seq, item: this.retain(item) };
    this.w *= Math.exp(Math.log(this.draw()) / this.capacity);
    this.nextAccept = seq + this.gap();
  }

  /** The held items with their sequence numbers, in input order. */
  drain(): Sequenced<T>[] {
    return [...this.slots].sort((a, b) => a.seq - b.seq);
  }

  /** Items to move forward to the next accepted one: 1 + Geometric(W) skipped items. */
  private gap(): number {
    return Math.floor(Math.log(this.draw()) / Math.log1p(-this.w)) + 1;
  }

  /** A uniform in (0, 1], so its logarithm is finite. */
  private draw(): number {
    return 1 - this.random();
  }
}

/** What {@link reservoirSample} returns. */
export interface ReservoirResult<T> {
  /** The chosen items, in input order. */
  sample: T[];
  /** Items in the stream. */
  seen: number;
  /** The most items held at once (≤ size): the memory bound, observable. */
  peakHeld: number;
}

/**
 * Chooses `size` items uniformly at random from a stream in one pass, holding at most `size`
 * items (see {@link Reservoir}). Every `size`-subset is equally likely; when the stream has
 * `size` items or fewer, all of them are returned. Same stream and same `random` → same sample.
 */
export async function reservoirSample<T>(
  items: AsyncIterable<T> | Iterable<T>,
  size: number,
  random: Random,
  options: { retain?: (item: T) => T } = {},
): Promise<ReservoirResult<T>> {
  const reservoir = new Reservoir<T>(size, random, options);
  for await (const item of items) reservoir.offer(item);
  return {
    sample: reservoir.drain().map((entry) => entry.item),
    seen: reservoir.seen,
    peakHeld: reservoir.peakHeld,
  };
}
